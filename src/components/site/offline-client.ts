/**
 * The page's side of the service worker (src/lib/offline/service-worker-build.ts), through Workbox's window
 * library: registers it under the site's base path, announces a new version when one is waiting, and fetches
 * the editor ahead once the page is idle.
 *
 * A new version waits until the learner chooses to reload; the reload itself is an ordinary page load, so the
 * editor saves the draft on the way out (island.ts, on pagehide) and progress stays in localStorage.
 */
import { Workbox } from 'workbox-window';
import { fetchEditorAhead } from './editor-fetch-ahead';

/** The notice (its code and styles) is loaded only when there is a new version to announce. */
const showUpdateNotice = (reload: () => void) => void import('./update-notice').then((notice) => notice.showUpdateNotice(reload));

/** How often an open page asks whether a new version was published (a lesson tab stays open for hours). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** Resolves once a service worker controls the page (at once on a repeat visit; after install on the first). */
function controlled(): Promise<void> {
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
}

export function startOffline(baseUrl: string): void {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const workbox = new Workbox(`${base}sw.js`, { scope: base });
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
    workbox.messageSkipWaiting();
  };

  workbox.addEventListener('waiting', () => showUpdateNotice(reload));
  // Another tab accepted the new version: this page still shows the old one.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) showUpdateNotice(reload);
  });

  workbox
    .register()
    .then((registered) => {
      registration = registered;
      const check = () => void registered?.update().catch(() => undefined);
      setInterval(check, UPDATE_CHECK_MS);
    })
    .catch(() => undefined); // no service worker (a private window may refuse one): the site works online

  void fetchEditorAhead(base, controlled());
}
