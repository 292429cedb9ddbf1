/**
 * The page's runner frame: one hidden `<iframe sandbox="allow-scripts">` per runner sandbox, kept for the page's
 * life, in which each realm is a worker of its own (see sandbox-document.ts for what runs inside).
 *
 * The frame is made once: creating a frame cost the page 2–30 ms of main thread at 4× CPU slowdown, and taking one
 * out 4–15 ms more, which made a long task of a run's idle moments when every run had a frame of its own. Starting
 * or terminating a worker in a frame that is already up takes the page one message to the frame. The isolation
 * is the worker's: a terminated worker takes its timers, blob URLs and nested workers with it.
 */
import { sandboxDocument, START_FRAME, type FrameCommand, type FrameNotice } from './sandbox-document';

export interface SandboxFrame {
  /**
   * Starts a runner worker and hands it `port`. `onError` hears, at most once, why it could not start (the
   * runner's source did not load, or the worker failed).
   */
  startWorker(id: number, port: MessagePort, onError: (message: string) => void): void;
  /** Terminates a worker; resolves once the frame has done so (at once when the frame is gone). */
  stopWorker(id: number): Promise<void>;
  /** The runner's source could not be loaded: this frame starts nothing (make a new one). */
  readonly broken: boolean;
  /** Removes the frame: every worker in it ends with it. */
  remove(): void;
}

let workerSourcePromise: Promise<Blob> | undefined;

/**
 * The runner's source, fetched once per page: the frame cannot fetch it (its CSP forbids connections). It
 * goes to the frame as a Blob, a handle the browser passes without copying (a string of half a megabyte
 * was copied into every new frame).
 */
function fetchWorkerSource(url: string): Promise<Blob> {
  workerSourcePromise ??= fetch(url).then(async (response) => {
    if (!response.ok) throw new Error(`Could not load the runner (${response.status} ${url}).`);
    return new Blob([await response.blob()], { type: 'text/javascript' });
  });
  workerSourcePromise.catch(() => (workerSourcePromise = undefined));
  return workerSourcePromise;
}

/** Resolves once the runner's source is here (the editor's download waits for it on a slow network). */
export function runnerSourceArrived(url: string): Promise<void> {
  return fetchWorkerSource(url).then(() => undefined);
}

export function createSandboxFrame(workerUrl: string, container: HTMLElement): SandboxFrame {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = 'Runner sandbox';
  frame.className = 'exercise-sandbox-frame';
  // Not rendered (also where the page's CSS is not loaded): it only hosts the workers.
  frame.hidden = true;
  frame.srcdoc = sandboxDocument();

  const channel = new MessageChannel();
  const control = channel.port1;
  /** Workers started and not yet stopped: who hears that one failed. */
  const failures = new Map<number, (message: string) => void>();
  /** Workers being stopped: who waits for the frame to say it is done. */
  const stopping = new Map<number, () => void>();
  let broken = false;
  let removed = false;

  const fail = (id: number, message: string) => {
    const onError = failures.get(id);
    failures.delete(id);
    onError?.(message);
  };

  control.onmessage = (message) => {
    const notice = message.data as FrameNotice;
    if (notice?.type === 'worker-error') fail(notice.id, notice.message);
    if (notice?.type === 'worker-stopped') {
      stopping.get(notice.id)?.();
      stopping.delete(notice.id);
    }
  };

  frame.addEventListener(
    'load',
    () => {
      fetchWorkerSource(workerUrl).then(
        (workerSource) => frame.contentWindow?.postMessage({ type: START_FRAME, workerSource }, '*', [channel.port2]),
        (error: unknown) => {
          broken = true;
          const message = error instanceof Error ? error.message : String(error);
          for (const id of [...failures.keys()]) fail(id, message);
        },
      );
    },
    { once: true },
  );
  container.append(frame);

  const send = (command: FrameCommand, transfer: Transferable[] = []) => control.postMessage(command, transfer);

  return {
    startWorker(id, port, onError) {
      failures.set(id, onError);
      if (broken || removed) return queueMicrotask(() => fail(id, 'The runner sandbox is gone.'));
      // Queued on the control port until the frame has its script up and takes the port.
      send({ type: 'start-worker', id, port }, [port]);
    },
    stopWorker(id) {
      failures.delete(id);
      if (broken || removed) return Promise.resolve();
      return new Promise<void>((resolve) => {
        stopping.set(id, resolve);
        send({ type: 'stop-worker', id });
      });
    },
    get broken() {
      return broken;
    },
    remove() {
      removed = true;
      failures.clear();
      for (const resolve of stopping.values()) resolve();
      stopping.clear();
      control.close();
      frame.remove();
    },
  };
}
