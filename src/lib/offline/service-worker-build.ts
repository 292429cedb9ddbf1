/**
 * Writes the built site's service worker with Workbox (`generateSW`), once the pages exist: every page,
 * script, style, font, icon and the Pagefind index is precached on the first visit; the editor's own files
 * (editor-bundle.ts) are cached the first time they load, cache-first (their names carry a content hash).
 *
 * A new build makes a new service worker (the precache list carries each file's hash). It waits until the
 * learner accepts the notice that a new version is ready (skipWaiting: false), so a page never mixes files of
 * two versions; the first one takes control at once (clientsClaim), so the first visit is already offline-ready.
 *
 * Also writes `editor-bundle.json` (what the page fetches ahead at idle) beside it. Node only: build time.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { generateSW } from 'workbox-build';
import { ASSETS_DIR, editorBundle, type BuiltFile } from './editor-bundle';
import { EDITOR_CACHE } from './fetch-ahead';

export const SERVICE_WORKER_FILE = 'sw.js';
export const EDITOR_BUNDLE_FILE = 'editor-bundle.json';
export { EDITOR_CACHE };

/** What `editor-bundle.json` holds: paths from the site root, in the order to fetch them. */
export interface EditorBundleManifest {
  readonly entry: string;
  readonly files: readonly string[];
}

/** Precached: what a learner can open from any page (the editor's files are left to the runtime cache). */
const PRECACHED = '**/*.{html,js,mjs,css,json,svg,png,ico,webmanifest,woff,woff2,ttf,wasm,pagefind,pf_fragment,pf_index,pf_meta}';
const TEXT = /\.(html|js|mjs|css|json|svg)$/;
/** Pagefind's ready-made interfaces: the course bundles its own (src/components/site/search-ui.ts). */
const UNUSED = ['pagefind/pagefind-ui.*', 'pagefind/pagefind-modular-ui.*', 'pagefind/pagefind-component-ui.*', 'pagefind/pagefind-highlight.js'];

export interface OfflineBuild {
  readonly precachedFiles: number;
  readonly precachedBytes: number;
  readonly editorFiles: readonly string[];
  readonly warnings: readonly string[];
}

async function builtFiles(dist: string): Promise<BuiltFile[]> {
  const names = (await readdir(dist, { recursive: true })).map(String);
  const files: BuiltFile[] = [];
  for (const name of names) {
    const full = join(dist, name);
    const info = await stat(full);
    if (!info.isFile()) continue;
    const path = relative(dist, full).split(sep).join('/');
    files.push({ path, bytes: info.size, ...(TEXT.test(path) ? { text: await readFile(full, 'utf8') } : {}) });
  }
  return files;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Writes `sw.js` and `editor-bundle.json` into `dist`, a site built for `base` (`/endpoints/`). `editorEntry`
 * is the chunk "Open the editor" imports (`_astro/island.X.js`).
 */
export async function writeServiceWorker(dist: string, base: string, editorEntry: string): Promise<OfflineBuild> {
  const bundle = editorBundle(editorEntry, await builtFiles(dist));
  const manifest: EditorBundleManifest = { entry: bundle.entry, files: bundle.files };
  await writeFile(join(dist, EDITOR_BUNDLE_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

  const result = await generateSW({
    globDirectory: dist,
    globPatterns: [PRECACHED],
    globIgnores: [...bundle.files, SERVICE_WORKER_FILE, 'workbox-*.js', 'sitemap-*.xml', ...UNUSED],
    swDest: join(dist, SERVICE_WORKER_FILE),
    cacheId: 'endpoints',
    // Hashed names are their own revision; pages and the index get a revision from their content.
    dontCacheBustURLsMatching: new RegExp(`^${escapeRegExp(ASSETS_DIR)}`),
    // Monaco-free, but Pagefind's WebAssembly and a big lesson page must fit.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    directoryIndex: 'index.html',
    // Pagefind asks for `pagefind-entry.json?ts=<now>` to get past the HTTP cache; the precached entry is the
    // one that belongs to this version's index (Workbox's defaults for tracking parameters kept).
    ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^ts$/],
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    runtimeCaching: [
      {
        urlPattern: new RegExp(`${escapeRegExp(base + ASSETS_DIR)}`),
        handler: 'CacheFirst',
        options: {
          cacheName: EDITOR_CACHE,
          // Two versions' worth of editor files, so a tab still on the old version can open its editor.
          expiration: { maxEntries: 4 * bundle.files.length + 8, purgeOnQuotaError: true },
          cacheableResponse: { statuses: [200] },
        },
      },
    ],
  });
  return {
    precachedFiles: result.count,
    precachedBytes: result.size,
    editorFiles: bundle.files,
    warnings: result.warnings,
  };
}
