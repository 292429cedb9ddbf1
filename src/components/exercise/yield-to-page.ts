/**
 * Lets the page draw and answer input before going on, so a job cut into slices keeps every task short on a
 * slow laptop. `scheduler.yield()` (Chromium) resumes ahead of the tasks queued meanwhile; elsewhere a 0 ms timer.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
