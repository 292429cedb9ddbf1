/**
 * Downloads the editor's files (the build's editor-bundle.json) without running any of them. On a slow
 * network the light editor stands in while Monaco's 1 MB gz arrives; fetched this way, the bytes come while the
 * learner types and runs, and Monaco's code is evaluated (half a second of a slow laptop's main thread, traced
 * at 4×) only between runs, by the import that then finds them in the cache.
 */
import { editorFilesFrom } from '../../lib/offline/fetch-ahead';

/** A worker's file: fetched by whatever starts the worker (TypeScript's, 1.5 MB gz, would hold Monaco back). */
const WORKER = /\bworker\b/;

/**
 * Whether what the server sends is kept for the import: by the service worker (it keeps the editor's files),
 * or by the HTTP cache (GitHub Pages: `max-age=600`; a validator at least). A server that forbids caching would
 * have every file downloaded twice: then nothing is fetched ahead.
 */
function keptForTheImport(response: Response): boolean {
  if (navigator.serviceWorker?.controller) return true;
  const cacheControl = response.headers.get('cache-control') ?? '';
  if (/no-store/.test(cacheControl)) return false;
  return /max-age=[1-9]/.test(cacheControl) || response.headers.has('etag') || response.headers.has('last-modified');
}

/**
 * Resolves once every listed file but the workers' has arrived, or one could not (the import then fetches what
 * is missing), or at once where the files would not be kept; with the URLs of the scripts among them.
 */
export async function downloadEditorFiles(base: string): Promise<string[]> {
  try {
    const listing = await fetch(`${base}editor-bundle.json`);
    if (!listing.ok || !keptForTheImport(listing)) return [];
    const files = editorFilesFrom(await listing.json()).filter((file) => !WORKER.test(file));
    // Read to the end: the service worker keeps a copy once the whole file has arrived.
    await Promise.all(files.map((path) => fetch(`${base}${path}`).then((response) => response.arrayBuffer())));
    return files.filter((file) => file.endsWith('.js')).map((file) => new URL(`${base}${file}`, location.href).href);
  } catch {
    // Offline, or a listing that is not JSON: the import fetches the files itself, as without this.
    return [];
  }
}

/**
 * Has the browser read and compile `scripts` as modules, without running them (`modulepreload`; tens of
 * milliseconds at 4×): the import that follows then only runs them, at once, at the moment chosen for it —
 * not a download and a compile later, when a run may have begun. Resolves once each has loaded or failed.
 */
export function compileModules(scripts: readonly string[]): Promise<void> {
  const loaded = new Set([...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="modulepreload"]')].map((element) => ('src' in element ? element.src : element.href)));
  return Promise.all(
    scripts
      .filter((url) => !loaded.has(url))
      .map(
        (url) =>
          new Promise<void>((settle) => {
            const link = document.createElement('link');
            link.rel = 'modulepreload';
            link.href = url;
            link.addEventListener('load', () => settle(), { once: true });
            link.addEventListener('error', () => settle(), { once: true });
            document.head.append(link);
          }),
      ),
  ).then(() => undefined);
}
