/**
 * The editor's code, loaded once per page: on "Open the editor", or ahead of it — once the exercise is near
 * the screen, the page is idle, and the page has already fetched the editor's files at idle (so this downloads
 * nothing: see src/components/site/editor-fetch-ahead.ts, which also decides whether the connection allows
 * any of it). Evaluating Monaco is the slowest part of opening the editor from cache; done while the learner
 * reads the task, the click only has to build the editor.
 */
import { idle } from '../scheduling/when-idle';
type Island = typeof import('./island');

let island: Promise<Island> | undefined;

/** The island module; a failed load is forgotten, so the next click tries again. */
export function loadIsland(): Promise<Island> {
  island ??= import('./island');
  island.catch(() => (island = undefined));
  return island;
}

/** Resolves once the page has fetched the editor's files ahead (never, when it does not). */
function editorFetched(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (document.documentElement.dataset.editorAhead !== 'done') return;
      document.removeEventListener('endpoints:editor-ahead', check);
      resolve();
    };
    document.addEventListener('endpoints:editor-ahead', check);
    check();
  });
}

/** Resolves when `element` is on screen or a screen's height from it (the learner is scrolling towards it). */
function near(element: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        resolve();
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
  });
}

/** The idle moment the warm-up waits for, within 2 s at the latest. */
const WARM_IDLE_MS = 2000;

/**
 * Loads the editor's code ahead once `button` ("Open the editor") is near the screen and its files are here,
 * then, at the next idle moment, has Monaco build and drop an editor out of sight (its services, font and
 * code ready), unless the learner has clicked meanwhile.
 */
export function warmWhenSeen(button: HTMLButtonElement): void {
  if (!('IntersectionObserver' in window)) return;
  void Promise.all([editorFetched(), near(button)])
    .then(() => idle(WARM_IDLE_MS))
    .then(loadIsland)
    .then(async (island) => {
      await idle(WARM_IDLE_MS);
      if (!button.disabled && !button.hidden) island.prewarm();
    })
    .catch(() => undefined); // the click loads it again, and says so if it cannot
}
