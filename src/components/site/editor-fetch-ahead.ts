/**
 * Fetches the editor's files while the learner reads, so "Open the editor" does not wait for the network:
 * once the page is idle, on a connection that is not metered, after the service worker controls the page (so
 * what arrives is kept for offline use), one file at a time at low priority, in the order the editor needs
 * them (editor-bundle.json, written by the build).
 */
import { EDITOR_CACHE, editorFilesFrom, fetchAheadVerdict, type ConnectionHints } from '../../lib/offline/fetch-ahead';
import { idle } from '../scheduling/when-idle';

/** How long to wait for the service worker before fetching anyway (then only the HTTP cache keeps the files). */
const CONTROL_WAIT_MS = 30_000;

const connection = () => (navigator as Navigator & { connection?: ConnectionHints }).connection;
const prefersReducedData = () => window.matchMedia?.('(prefers-reduced-data: reduce)').matches === true;

/** Whether fetching ahead should go on now (checked before each file: the learner may turn on Save-Data). */
const allowed = () => fetchAheadVerdict(connection(), prefersReducedData()).fetch;

/**
 * Where it stands, on `<html data-editor-ahead>` and as an `endpoints:editor-ahead` event: the exercise loads
 * the editor's code ahead once it is `done` (editor-warmup.ts); tests and benchmarks wait for it.
 */
type State = 'waiting' | 'fetching' | 'done' | 'skipped' | 'failed';
function mark(state: State): void {
  document.documentElement.dataset.editorAhead = state;
  document.dispatchEvent(new CustomEvent('endpoints:editor-ahead', { detail: state }));
}

/**
 * Becomes true when the learner opens an editor: from then on the editor asks for what it needs, in its own
 * order, and a file fetched ahead at the same time would only share the connection with it. The file already
 * on its way is let finish (the editor may be waiting for that very file).
 */
function watchForAnEditor(): { opened(): boolean } {
  // An editor opened before this script arrived (a learner who clicks as soon as the page shows) has its
  // button disabled while it opens and hidden once open.
  let opened = [...document.querySelectorAll<HTMLButtonElement>('[data-action="activate"]')].some((button) => button.disabled || button.hidden);
  const listener = (event: Event) => {
    if (!(event.target instanceof Element) || !event.target.closest('[data-action="activate"]')) return;
    opened = true;
    document.removeEventListener('click', listener, true);
  };
  document.addEventListener('click', listener, true);
  return { opened: () => opened };
}

export async function fetchEditorAhead(base: string, controlled: Promise<void>): Promise<void> {
  if (!allowed()) return void mark('skipped');
  const editor = watchForAnEditor();
  mark('waiting');
  await idle(5000);
  await Promise.race([controlled, new Promise((resolve) => setTimeout(resolve, CONTROL_WAIT_MS))]);
  if (editor.opened()) return void mark('skipped');
  try {
    const listing = await fetch(`${base}editor-bundle.json`, { priority: 'low' });
    if (!listing.ok) return void mark('failed');
    mark('fetching');
    // What the service worker already keeps (every page after the first) is not read again.
    const kept = 'caches' in window ? await caches.open(EDITOR_CACHE).catch(() => undefined) : undefined;
    for (const path of editorFilesFrom(await listing.json())) {
      if (!allowed() || editor.opened()) return void mark('skipped');
      if (await kept?.match(`${base}${path}`)) continue;
      const response = await fetch(`${base}${path}`, { priority: 'low' });
      // Read to the end: the service worker keeps a copy once the whole file has arrived.
      await response.arrayBuffer();
    }
    mark('done');
  } catch {
    // Offline or interrupted: the editor loads its files when opened, as without this.
    mark('failed');
  }
}
