/**
 * Downloads the editor's files (the build's editor-bundle.json) without running any of them. On a slow
 * network the light editor stands in while Monaco's 1 MB gz arrives; fetched this way, the bytes come while the
 * learner types and runs, and Monaco's code is evaluated (half a second of a slow laptop's main thread, traced
 * at 4×) only when the learner pauses, by the import that then finds them in the cache.
 */
import { editorFilesFrom } from '../../lib/offline/fetch-ahead';

/** A worker's file: fetched by whatever starts the worker (TypeScript's, 1.5 MB gz, would hold Monaco back). */
const WORKER = /\bworker\b/;

/**
 * Resolves once every listed file but the workers' has arrived, or one could not (the import then fetches what
 * is missing).
 */
export async function downloadEditorFiles(base: string): Promise<void> {
  try {
    const listing = await fetch(`${base}editor-bundle.json`);
    if (!listing.ok) return;
    for (const path of editorFilesFrom(await listing.json()).filter((file) => !WORKER.test(file))) {
      const response = await fetch(`${base}${path}`);
      if (!response.ok) return;
      // Read to the end: the service worker keeps a copy once the whole file has arrived.
      await response.arrayBuffer();
    }
  } catch {
    // Offline, or a listing that is not JSON: the import fetches the files itself, as without this.
  }
}
