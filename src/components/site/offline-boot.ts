/**
 * On every page (injected by src/lib/offline/integration.ts): once the page has loaded, starts the offline
 * support — nothing of it competes with the lesson's own loading, and a page without service workers (or
 * `astro dev`, where one would cache Vite's modules) loads none of it.
 */
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const start = () => void import('./offline-client').then((client) => client.startOffline(import.meta.env.BASE_URL));
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
