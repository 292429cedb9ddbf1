/**
 * Coalesces the terminal's output on its way from the worker to the page: everything the shell writes
 * within one frame goes as one message, so a flood of small writes (a pasted script, echoed line by line)
 * costs the page one `shell-output` event per frame instead of one per write. After a quiet frame the next
 * write leaves on the next turn of the event loop, so typing stays immediate.
 */

/** A frame at 60 Hz. */
export const FRAME_MS = 16;

export interface OutputBatcher {
  write(text: string): void;
  /** Sends what is waiting now (before the network under the shell goes away, say). */
  flush(): void;
  /** Drops what is waiting and stops. */
  dispose(): void;
}

export interface BatchOptions {
  frameMs?: number;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export function batchOutput(send: (text: string) => void, options: BatchOptions = {}): OutputBatcher {
  const frameMs = options.frameMs ?? FRAME_MS;
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let parts: string[] = [];
  let timer: unknown;
  let lastSent = -Infinity;
  let disposed = false;

  const flush = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    if (parts.length === 0) return;
    const text = parts.length === 1 ? parts[0]! : parts.join('');
    parts = [];
    lastSent = now();
    send(text);
  };

  return {
    write(text) {
      if (disposed || text === '') return;
      parts.push(text);
      if (timer === undefined) timer = setTimer(flush, Math.max(0, lastSent + frameMs - now()));
    },
    flush,
    dispose() {
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      parts = [];
      disposed = true;
    },
  };
}
