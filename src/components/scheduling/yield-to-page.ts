/**
 * Lets the page draw and answer input before going on, so a job cut into slices keeps every task short on a
 * slow laptop. `scheduler.yield()` (Chromium) resumes ahead of the tasks queued meanwhile; elsewhere a 0 ms timer.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** How long `afterNextFrame` waits for a frame that does not come (a tab in the background draws none). */
const NO_FRAME_MS = 100;

/**
 * Resolves in a task after the next frame: what runs then is drawn in a frame of its own, not in the one
 * the page is about to draw. Within `NO_FRAME_MS` when no frame comes.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let called = false;
    const go = () => {
      if (called) return;
      called = true;
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(go);
    setTimeout(go, NO_FRAME_MS);
  });
}
