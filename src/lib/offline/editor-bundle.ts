/**
 * Which built files make up the editor: everything "Open the editor" loads that no page loads without it
 * (Monaco, its workers, TypeScript's language service, the runner worker, Monaco's icon font).
 *
 * The service worker precaches the rest of the site on the first visit and caches these the first time they
 * load (or when the page fetches them ahead, at idle), so a learner who never opens an editor downloads none
 * of its ~2.5 MB. Built files name each other in their text (`import … from "./x.js"`, Vite's preload lists,
 * `new URL("/base/_astro/ts.worker-….js")`), so the graph is read from the files themselves.
 */

/** A built file, by its path from the site root (`_astro/island.Dk3.js`, `ports/echo-server/index.html`). */
export interface BuiltFile {
  readonly path: string;
  readonly bytes: number;
  /** The text of HTML, scripts and styles; undefined for binary files. */
  readonly text?: string;
}

export interface EditorBundle {
  /** The chunk "Open the editor" imports. */
  readonly entry: string;
  /**
   * Files only the editor needs, in the order to fetch them ahead: the entry and what it imports statically
   * (needed to show the editor), then the rest smallest first (the runner before TypeScript's worker).
   */
  readonly files: readonly string[];
}

/** Built assets live in one folder; their names carry a content hash. */
export const ASSETS_DIR = '_astro/';

const NAME = /[\w.-]+\.(?:js|mjs|css|ttf|woff2?|svg|png|wasm)\b/g;
/** `import{a}from"./x.js"`, `import "./x.js"`, `export … from "./x.js"`: loaded before the module runs. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+)["']/g;

/**
 * Vite's preload list: a chunk that imports others on demand names, up front, every file those imports will
 * need (`m.f=["_astro/island.X.js","_astro/editor.api.Y.js",…]`). Those are followed through the imports
 * themselves, so the list is left out — or the lesson page's script would seem to load Monaco.
 */
const PRELOAD_LIST = /\bm\.f=\[[^\]]*\]/g;

/** Names of built assets that `text` mentions. */
function mentioned(text: string, assets: ReadonlyMap<string, BuiltFile>): string[] {
  const found = new Set<string>();
  for (const match of text.replace(PRELOAD_LIST, '').matchAll(NAME)) {
    const path = ASSETS_DIR + match[0];
    if (assets.has(path)) found.add(path);
  }
  return [...found];
}

function staticImports(text: string, assets: ReadonlyMap<string, BuiltFile>): string[] {
  return [...text.matchAll(STATIC_IMPORT)].map((match) => ASSETS_DIR + match[1]).filter((path) => assets.has(path));
}

/** Every asset reachable from `roots` by following what each file mentions, never entering `avoid`. */
function reachable(roots: readonly string[], assets: ReadonlyMap<string, BuiltFile>, follow: (file: BuiltFile) => string[], avoid?: string): Set<string> {
  const seen = new Set<string>();
  const queue = roots.filter((root) => root !== avoid);
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const file = assets.get(path);
    if (file?.text === undefined) continue;
    for (const next of follow(file)) if (next !== avoid && !seen.has(next)) queue.push(next);
  }
  return seen;
}

/**
 * The editor's own files. `entry` is the chunk the "Open the editor" click imports; `files` is the whole
 * build. Throws when the entry is not among the files (a renamed or missing editor must not ship unnoticed).
 */
export function editorBundle(entry: string, files: readonly BuiltFile[]): EditorBundle {
  const assets = new Map(files.filter((file) => file.path.startsWith(ASSETS_DIR)).map((file) => [file.path, file]));
  if (!assets.has(entry)) throw new Error(`The editor's entry chunk ${entry} is not in the build.`);
  const mentions = (file: BuiltFile) => mentioned(file.text ?? '', assets);

  const pageRoots = files.filter((file) => file.path.endsWith('.html')).flatMap(mentions);
  const withoutEditor = reachable(pageRoots, assets, mentions, entry);
  const editorOnly = [...reachable([entry], assets, mentions)].filter((path) => !withoutEditor.has(path));

  const needed = reachable([entry], assets, (file) => staticImports(file.text ?? '', assets));
  const first = [...needed].filter((path) => editorOnly.includes(path));
  const rest = editorOnly
    .filter((path) => !needed.has(path))
    .sort((a, b) => assets.get(a)!.bytes - assets.get(b)!.bytes || a.localeCompare(b));
  return { entry, files: [...first, ...rest] };
}
