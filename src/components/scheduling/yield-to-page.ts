/**
 * Lets the page draw and answer input before going on, so a job cut into slices keeps every task short on a
 * slow laptop. `scheduler.yield()` (Chromium) resumes ahead of the tasks queued meanwhile; elsewhere a 0 ms timer.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** How long a task after the next frame waits for a frame that does not come (a background tab draws none). */
const NO_FRAME_MS = 100;

/**
 * Calls `run` once per `schedule()`, in a task of its own after the next frame: what it changes is laid out and
 * painted in the frame after that, apart from the script that changed it and from what the coming frame draws.
 * On a slow laptop each of the three takes tens of milliseconds; done in one frame they made one long task.
 * Within `NO_FRAME_MS` when no frame comes. A `schedule()` while one is pending does nothing.
 */
export function afterFrameTask(run: () => void): { schedule(): void; cancel(): void } {
  let frame = 0;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  let task: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    clearTimeout(task);
    frame = 0;
    fallback = task = undefined;
  };
  const afterFrame = () => {
    cancel();
    task = setTimeout(() => {
      task = undefined;
      run();
    }, 0);
  };
  return {
    schedule() {
      if (frame || fallback !== undefined || task !== undefined) return;
      frame = requestAnimationFrame(afterFrame);
      fallback = setTimeout(afterFrame, NO_FRAME_MS);
    },
    cancel,
  };
}

/** Resolves in a task after the next frame (see `afterFrameTask`). */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => afterFrameTask(resolve).schedule());
}
