import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

/**
 * Checks a built site the way a browser would load it from GitHub Pages under a base path: every reference
 * in every HTML, CSS and JS file must land on a file of the site, inside the base. Pure Node, no browser, so
 * it also runs on small fixture sites in the unit tests that prove it can fail.
 */

/** A reference that would fail on the deployed site. `file` is relative to the dist dir. */
export interface BrokenReference {
  readonly file: string;
  readonly reference: string;
  readonly problem: string;
}

export interface SiteCheckOptions {
  /** The built site. */
  readonly distDir: string;
  /** The base the site was built with, e.g. `/endpoints/`. */
  readonly basePath: string;
  /** The configured `site` origin; absolute URLs on it (canonical, og:url, sitemap) are checked too. */
  readonly siteOrigin?: string;
}

/** One reference found in a file, and what kind of thing refers to it. */
interface Reference {
  readonly url: string;
  readonly kind: 'link' | 'canonical' | 'asset' | 'import';
}

const ignoredSchemes = /^(?:mailto:|tel:|data:|javascript:|blob:|about:)/i;
const checkedOrigin = 'http://site.invalid';

export function checkSite({ distDir, basePath, siteOrigin }: SiteCheckOptions): BrokenReference[] {
  const broken: BrokenReference[] = [];
  const idsByFile = new Map<string, Set<string>>();
  for (const file of listFiles(distDir)) {
    const references = referencesIn(distDir, file);
    if (references === undefined) continue;
    const fileUrl = new URL(servedPath(basePath, file), checkedOrigin);
    for (const { url: raw, kind } of references) {
      // The 404 page is served for every missing path; its own canonical URL is never visited.
      if (file === '404.html' && kind === 'canonical') continue;
      const url = raw.trim().replace(/&amp;/g, '&');
      if (url === '' || ignoredSchemes.test(url)) continue;
      const report = (problem: string) => broken.push({ file, reference: raw, problem });
      let resolved: URL;
      try {
        resolved = toCheckedOrigin(new URL(url, fileUrl), siteOrigin);
      } catch {
        report('is not a valid URL');
        continue;
      }
      if (resolved.origin !== checkedOrigin) continue; // another website: not ours to check offline
      const pathname = decodeURIComponent(resolved.pathname);
      if (!pathname.startsWith(basePath)) {
        report(`resolves to ${pathname}, outside the base path ${basePath}: write links relative to the page (e.g. ../other-page/), or build them from import.meta.env.BASE_URL`);
        continue;
      }
      const target = fileFor(distDir, pathname.slice(basePath.length));
      if (target === undefined) {
        report(`resolves to ${pathname}, which is not a file of the built site (a 404 on GitHub Pages)`);
        continue;
      }
      const fragment = decodeURIComponent(resolved.hash.slice(1));
      if (fragment !== '' && target.endsWith('.html') && !fragment.startsWith(':~:')) {
        const ids = idsByFile.get(target) ?? idsIn(readFileSync(join(distDir, target), 'utf8'));
        idsByFile.set(target, ids);
        if (!ids.has(fragment) && fragment !== 'top' && fragment !== '_top') {
          report(`points at #${fragment}, but ${target} has no element with that id`);
        }
      }
    }
  }
  broken.push(...checkSearchIndex(distDir));
  return broken;
}

/**
 * Pagefind's loader builds its file names at run time from pagefind-entry.json, so no literal reference names
 * them: check the entry's metadata and wasm files directly (the browser test runs a real search for the rest).
 */
function checkSearchIndex(distDir: string): BrokenReference[] {
  const entryFile = 'pagefind/pagefind-entry.json';
  if (!existsSync(join(distDir, entryFile))) return [];
  const entry = JSON.parse(readFileSync(join(distDir, entryFile), 'utf8')) as { languages?: Record<string, { hash: string; wasm?: string }> };
  return Object.values(entry.languages ?? {}).flatMap(({ hash, wasm }) =>
    [`pagefind/pagefind.${hash}.pf_meta`, ...(wasm ? [`pagefind/wasm.${wasm}.pagefind`] : [])]
      .filter((file) => !existsSync(join(distDir, file)))
      .map((file) => ({ file: entryFile, reference: file, problem: 'is named by the search index but missing' })),
  );
}

/** What a page loads before anyone clicks anything: its stylesheets, its scripts and their static imports. */
export interface PageLoad {
  readonly page: string;
  readonly stylesheets: string[];
  readonly scripts: string[];
}

export function pageLoads({ distDir, basePath }: SiteCheckOptions): PageLoad[] {
  return listFiles(distDir)
    .filter((file) => file.endsWith('.html'))
    .map((page) => {
      const html = readFileSync(join(distDir, page), 'utf8');
      const pageUrl = new URL(servedPath(basePath, page), checkedOrigin);
      const stylesheets = new Set<string>();
      const scripts = new Set<string>();
      const local = (url: string, from: URL) => {
        const resolved = new URL(url, from);
        if (resolved.origin !== checkedOrigin || !resolved.pathname.startsWith(basePath)) return undefined;
        return fileFor(distDir, decodeURIComponent(resolved.pathname).slice(basePath.length));
      };
      for (const tag of tagsIn(html)) {
        const rel = (tag.attributes.rel ?? '').toLowerCase().split(/\s+/);
        if (tag.name === 'link' && tag.attributes.href && rel.includes('stylesheet')) {
          const file = local(tag.attributes.href, pageUrl);
          if (file) stylesheets.add(file);
        }
        const scriptUrl =
          tag.name === 'script' ? tag.attributes.src : tag.name === 'link' && rel.includes('modulepreload') ? tag.attributes.href : undefined;
        if (scriptUrl) {
          const file = local(scriptUrl, pageUrl);
          if (file) scripts.add(file);
        }
      }
      // Inline module scripts can import chunks statically too.
      for (const specifier of staticImportsIn(inlineScriptsIn(html))) {
        const file = local(specifier, pageUrl);
        if (file) scripts.add(file);
      }
      // Follow static imports (not `import()`: those load on demand, which is the point).
      const queue = [...scripts];
      while (queue.length > 0) {
        const script = queue.pop()!;
        const scriptUrl = new URL(servedPath(basePath, script), checkedOrigin);
        for (const specifier of staticImportsIn(readFileSync(join(distDir, script), 'utf8'))) {
          const file = local(specifier, scriptUrl);
          if (file && !scripts.has(file)) {
            scripts.add(file);
            queue.push(file);
          }
        }
      }
      return { page, stylesheets: [...stylesheets].sort(), scripts: [...scripts].sort() };
    });
}

/** Markers of Monaco's code and CSS: its DOM class and its global worker hook. */
export const monacoMarker = /\.?monaco-editor\b|MonacoEnvironment/;

/** Pages that load Monaco before activation, with the files that bring it. */
export function pagesLoadingMonaco(options: SiteCheckOptions): { page: string; files: string[] }[] {
  return pageLoads(options)
    .map(({ page, stylesheets, scripts }) => ({
      page,
      files: [...stylesheets, ...scripts].filter((file) => monacoMarker.test(readFileSync(join(options.distDir, file), 'utf8'))),
    }))
    .filter(({ files }) => files.length > 0);
}

/** The site's pages as paths relative to the base (`''`, `nic/network-card/`), without the 404 page. */
export function builtPages(distDir: string): string[] {
  return listFiles(distDir)
    .filter((file) => file === 'index.html' || file.endsWith('/index.html'))
    .map((file) => file.replace(/index\.html$/, ''))
    .sort();
}

// ——— finding references ———

function referencesIn(distDir: string, file: string): Reference[] | undefined {
  const extension = extname(file);
  if (extension === '.html') return htmlReferences(readFileSync(join(distDir, file), 'utf8'));
  if (extension === '.css') return cssUrls(readFileSync(join(distDir, file), 'utf8')).map((url) => ({ url, kind: 'asset' }));
  if (extension === '.js' || extension === '.mjs') {
    return jsReferences(readFileSync(join(distDir, file), 'utf8')).map((url) => ({ url, kind: 'import' }));
  }
  if (file.endsWith('sitemap-index.xml') || /^sitemap-\d+\.xml$/.test(file)) {
    return [...readFileSync(join(distDir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => ({ url: match[1]!, kind: 'link' }));
  }
  return undefined;
}

const urlAttributes: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  form: ['action'],
};

function htmlReferences(html: string): Reference[] {
  const references: Reference[] = [];
  for (const tag of tagsIn(html)) {
    for (const attribute of urlAttributes[tag.name] ?? []) {
      const value = tag.attributes[attribute];
      if (value === undefined) continue;
      const urls = attribute === 'srcset' ? srcsetUrls(value) : [value];
      const canonical = tag.name === 'link' && /\bcanonical\b/i.test(tag.attributes.rel ?? '');
      for (const url of urls) references.push({ url, kind: canonical ? 'canonical' : tag.name === 'a' ? 'link' : 'asset' });
    }
    if (tag.name === 'meta' && /^(?:og:image|og:url|twitter:image)$/.test(tag.attributes.property ?? tag.attributes.name ?? '')) {
      references.push({ url: tag.attributes.content ?? '', kind: tag.attributes.property === 'og:url' ? 'canonical' : 'link' });
    }
    if (tag.attributes.style) references.push(...cssUrls(tag.attributes.style).map((url) => ({ url, kind: 'asset' as const })));
  }
  for (const css of styleBlocksIn(html)) references.push(...cssUrls(css).map((url) => ({ url, kind: 'asset' as const })));
  for (const url of jsReferences(inlineScriptsIn(html))) references.push({ url, kind: 'import' });
  return references;
}

interface Tag {
  readonly name: string;
  readonly attributes: Record<string, string>;
}

/** Start tags outside comments, scripts and styles, with decoded attribute values. */
function tagsIn(html: string): Tag[] {
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<(script|style)\b[^>]*>)[\s\S]*?<\/\2>/gi, '$1');
  const tags: Tag[] = [];
  for (const match of markup.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g)) {
    const attributes: Record<string, string> = {};
    for (const attribute of match[2]!.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      attributes[attribute[1]!.toLowerCase()] = decodeEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
    }
    tags.push({ name: match[1]!.toLowerCase(), attributes });
  }
  return tags;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

function cssUrls(css: string): string[] {
  const urls = [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
  const imports = [...css.matchAll(/@import\s+(?:"([^"]+)"|'([^']+)')/g)].map((match) => match[1] ?? match[2] ?? '');
  // `url(#id)` is an SVG fragment reference inside the same document, not a file.
  return [...urls, ...imports].filter((url) => !url.startsWith('#'));
}

function styleBlocksIn(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((match) => match[1]!);
}

function inlineScriptsIn(html: string): string {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((match) => match[1]!).join('\n;\n');
}

const quoted = String.raw`(?:"([^"\n]+)"|'([^'\n]+)'|\x60([^\x60$\n]+)\x60)`;
const staticImport = new RegExp(String.raw`(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?${quoted}`, 'g');
const dynamicImport = new RegExp(String.raw`\bimport\(\s*${quoted}\s*\)`, 'g');
const workerUrl = new RegExp(String.raw`new URL\(\s*${quoted}\s*,\s*import\.meta\.url\s*\)`, 'g');

/** Specifiers of `import … from "x"`, `import "x"` and `export … from "x"` that point at files. */
function staticImportsIn(js: string): string[] {
  return specifiers(js, staticImport);
}

/** Every file a script may load: static and literal dynamic imports, and `new URL(…, import.meta.url)`. */
function jsReferences(js: string): string[] {
  return [...specifiers(js, staticImport), ...specifiers(js, dynamicImport), ...specifiers(js, workerUrl)];
}

function specifiers(js: string, pattern: RegExp): string[] {
  return [...js.matchAll(pattern)]
    .map((match) => match[1] ?? match[2] ?? match[3] ?? '')
    .filter((specifier) => /^(?:\.{1,2}\/|\/)/.test(specifier)); // bare names are not files of the site
}

function idsIn(html: string): Set<string> {
  const ids = new Set<string>();
  for (const tag of tagsIn(html)) {
    if (tag.attributes.id) ids.add(tag.attributes.id);
    if (tag.name === 'a' && tag.attributes.name) ids.add(tag.attributes.name);
  }
  return ids;
}

// ——— files and paths ———

function listFiles(root: string, directory = root): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? listFiles(root, path) : [relative(root, path).split('\\').join('/')];
  });
}

/** The URL path a file is served at: `nic/network-card/index.html` → `/endpoints/nic/network-card/`. */
function servedPath(basePath: string, file: string): string {
  return basePath + file.replace(/(?:^|\/)index\.html$/, (match) => (match.startsWith('/') ? '/' : ''));
}

/** The dist file a path inside the base maps to, as GitHub Pages maps it, or undefined for a 404. */
function fileFor(distDir: string, inside: string): string | undefined {
  const candidates = inside === '' || inside.endsWith('/') ? [`${inside}index.html`] : [inside, `${inside}/index.html`, `${inside}.html`];
  return candidates.find((candidate) => {
    const path = join(distDir, candidate);
    return existsSync(path) && statSync(path).isFile();
  });
}

/** Absolute URLs on the configured site origin are checked as if they were local. */
function toCheckedOrigin(url: URL, siteOrigin: string | undefined): URL {
  if (siteOrigin === undefined || url.origin !== new URL(siteOrigin).origin) return url;
  return new URL(url.pathname + url.search + url.hash, checkedOrigin);
}
