/**
 * Unhandled promise rejections during a run belong to the run (one run at a time per worker): a program's
 * `async` callback that throws with nobody awaiting it is an error the learner must see, as Node would
 * crash on it. Workers report them as an `unhandledrejection` event; Node (tests) as a process event.
 */

type Listener = (reason: unknown) => void;

interface NodeProcessLike {
  on(event: 'unhandledRejection', listener: Listener): unknown;
  off(event: 'unhandledRejection', listener: Listener): unknown;
  listeners(event: 'unhandledRejection'): Listener[];
  removeAllListeners(event: 'unhandledRejection'): unknown;
}

/** Routes every unhandled rejection to `onRejection` until the returned function is called. */
export function watchUnhandledRejections(onRejection: Listener): () => void {
  const global = globalThis as unknown as {
    addEventListener?: (type: string, listener: (event: { reason: unknown; preventDefault(): void }) => void) => void;
    removeEventListener?: (type: string, listener: (event: { reason: unknown; preventDefault(): void }) => void) => void;
    process?: NodeProcessLike;
  };
  const nodeProcess = global.process;
  if (nodeProcess && typeof nodeProcess.on === 'function') {
    // In Node the test runner listens too and would count the learner's rejection as its own failure:
    // the run takes the event over while it lasts.
    const others = nodeProcess.listeners('unhandledRejection');
    nodeProcess.removeAllListeners('unhandledRejection');
    nodeProcess.on('unhandledRejection', onRejection);
    return () => {
      nodeProcess.off('unhandledRejection', onRejection);
      for (const listener of others) nodeProcess.on('unhandledRejection', listener);
    };
  }
  if (typeof global.addEventListener === 'function') {
    const listener = (event: { reason: unknown; preventDefault(): void }) => {
      event.preventDefault();
      onRejection(event.reason);
    };
    global.addEventListener('unhandledrejection', listener);
    return () => global.removeEventListener?.('unhandledrejection', listener);
  }
  return () => undefined;
}
