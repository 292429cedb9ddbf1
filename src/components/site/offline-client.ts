/**
 * The page's side of the service worker (src/lib/offline/service-worker-build.ts): registers it under the site's
 * base path, announces a new version when one is waiting, and fetches the editor ahead once the page is idle.
 * It does with the browser's own API what Workbox's window library did for it (a worker waiting at
 * registration or installed and still waiting a moment later is announced; Reload sends the message Workbox's
 * service worker answers with skipWaiting), at a fifth of the bytes every page loads.
 *
 * A new version waits until the learner chooses to reload; the reload itself is an ordinary page load, so the
 * editor saves the draft on the way out (island.ts, on pagehide) and progress stays in localStorage.
 */
import { fetchEditorAhead } from './editor-fetch-ahead';

/** The notice (its code and styles) is loaded only when there is a new version to announce. */
const showUpdateNotice = (reload: () => void) => void import('./update-notice').then((notice) => notice.showUpdateNotice(reload));

/** How often an open page asks whether a new version was published (a lesson tab stays open for hours). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;
/** A worker that calls skipWaiting while installing is "installed" only for an instant: not a waiting one. */
const STILL_WAITING_MS = 200;
/** What Workbox's generated service worker takes as "take over now" (generateSW with skipWaiting: false). */
const SKIP_WAITING = { type: 'SKIP_WAITING' } as const;

/** Calls `announce` whenever a new worker of `registration` is installed and waits for the pages to let it in. */
function watchForWaiting(registration: ServiceWorkerRegistration, announce: () => void): void {
  if (registration.waiting) announce();
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state !== 'installed') return;
      setTimeout(() => {
        if (registration.waiting === worker) announce();
      }, STILL_WAITING_MS);
    });
  });
}

/** Resolves once a service worker controls the page (at once on a repeat visit; after install on the first). */
function controlled(): Promise<void> {
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
}

export function startOffline(baseUrl: string): void {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const hadController = navigator.serviceWorker.controller !== null;
  let registration: ServiceWorkerRegistration | undefined;

  const reload = () => {
    const waiting = registration?.waiting;
    if (!waiting) {
      window.location.reload();
      return;
    }
    // The waiting worker takes over, then the page loads again from the new version.
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    waiting.postMessage(SKIP_WAITING);
  };

  // Another tab accepted the new version: this page still shows the old one.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) showUpdateNotice(reload);
  });

  navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base })
    .then((registered) => {
      registration = registered;
      watchForWaiting(registered, () => showUpdateNotice(reload));
      const check = () => void registered.update().catch(() => undefined);
      setInterval(check, UPDATE_CHECK_MS);
    })
    .catch(() => undefined); // no service worker (a private window may refuse one): the site works online

  void fetchEditorAhead(base, controlled());
}
