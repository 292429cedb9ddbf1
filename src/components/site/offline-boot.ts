/**
 * On every page (injected by src/lib/offline/integration.ts): once the page has loaded and the browser is idle,
 * starts the offline support — nothing of it competes with the lesson's first paint (its code, Workbox's window
 * library and the update notice, is fetched then), and a page without service workers (or `astro dev`, where
 * one would cache Vite's modules) loads none of it.
 */
/** The longest the start waits for an idle moment on a page that never has one (a learner typing non-stop). */
const IDLE_TIMEOUT_MS = 5000;

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const start = () => void import('./offline-client').then((client) => client.startOffline(import.meta.env.BASE_URL));
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS }) : setTimeout(start, 1));
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
