/**
 * Resolves once the page has received a resource whole (its Resource Timing entry, by URL): a way to know the
 * runner's code is here without asking the code that fetched it.
 */
export function arrived(url: string): Promise<void> {
  const href = new URL(url, document.baseURI).href;
  return new Promise((resolve) => {
    if (!('PerformanceObserver' in window)) return;
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntries().some((entry) => entry.name === href)) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'resource', buffered: true });
  });
}
