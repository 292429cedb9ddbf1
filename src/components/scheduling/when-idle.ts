/**
 * Calls `task` when the main thread has nothing else to do, and within `timeoutMs` at the latest (a busy page
 * may never be idle). Where the browser has no idle callbacks, a short timer stands in.
 */
export function whenIdle(task: () => void, timeoutMs = 1000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: timeoutMs });
  else setTimeout(task, 50);
}

/** `whenIdle` as a promise, for code that awaits the idle moment. */
export const idle = (timeoutMs?: number): Promise<void> => new Promise((resolve) => whenIdle(resolve, timeoutMs));
