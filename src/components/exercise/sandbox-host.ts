/**
 * The page's side of the runner sandbox: a hidden `<iframe sandbox="allow-scripts">` that starts the runner
 * worker from a blob URL, a MessageChannel to that worker, and the wall-clock time budget.
 *
 * The page never listens to `window` messages: everything from the worker arrives on a port only the worker
 * holds. A run that outlives its budget is ended the only way an endless loop can be ended — the frame (and
 * its worker) is destroyed — and reported as a `timed-out` RunRecord.
 *
 * Every run gets a realm of its own: it runs in a spare sandbox started in the background, and the sandbox
 * of the run before is destroyed with everything in it (its classes, any prototype a program patched, any
 * worker it started). The sandbox of the last run stays up: the terminal talks to the network it left.
 * The page stops listening to a replaced sandbox at once and resets its network (a terminal command still
 * going there stops); its frame is removed once no run goes (a frame's teardown took the sandbox's process
 * tens of milliseconds, beside the new run's first seed).
 *
 * A fresh realm runs everything cold: its first run of an exercise took several times as long as the next.
 * So a spare, once booted, runs the exercise's reference solution (`warmUp`: the runs the page gives, trusted
 * code, their events dropped) and is ready only then: the learner's runs find the engine warm and the drivers
 * compiled. A run that needs the spare sooner stops the warm-up after the warm-up run under way.
 */
import {
  PROTOCOL_VERSION,
  type DraftProgram,
  type RunnerCommand,
  type RunnerEvent,
  type RunnerLink,
  type RunRecord,
  type RunRequest,
} from '../../lib/runner/protocol';
import { sandboxDocument, START_WORKER, type SandboxControlMessage } from './sandbox-document';
import { isRunnerEvent } from './runner-events';
import { RunCollector, TIMED_OUT_MESSAGE } from './run-collector';
import { whenIdle } from '../scheduling/when-idle';

export { TIMED_OUT_MESSAGE };

/** What a run needs from the exercise and the editor; the host adds the envelope. */
export type RunOrder = Omit<RunRequest, 'type' | 'version' | 'runId'>;

export interface RunnerSandbox extends RunnerLink {
  /** Resolves when a worker is up and has said `ready` (starts one if needed): warm it while the learner reads. */
  warm(): Promise<void>;
  /**
   * Runs the programs; resolves with the worker's record, or a `timed-out` record when the budget ran out.
   * Each run gets a fresh realm, except with `sameRealm` (the further seeds of one grading: one learner run).
   */
  run(order: RunOrder, options?: RunOptions): Promise<RunRecord>;
  /**
   * The learner's draft, to be compiled ahead in the realm the next run takes (once it is up and warm; only
   * the latest draft is sent). A run of exactly this text then finds it compiled.
   */
  prepare(programs: readonly DraftProgram[]): void;
  /**
   * Publishes the events a run held back (`holdMs`): the last run's, which the caller has decided to show.
   * A held run that is not shown is dropped when the next run starts.
   */
  show(): void;
  /** Removes the frame and stops the worker. */
  dispose(): void;
}

export interface RunOptions {
  /** Run in the realm of the run before (the further seeds of one grading). */
  sameRealm?: boolean;
  /**
   * Hold the run's events back from subscribers (the views) for up to this many milliseconds: a grading's runs
   * that pass are followed by the next, and only the run shown should be drawn (see show()). A run still
   * going after that is shown live.
   */
  holdMs?: number;
}

export interface SandboxOptions {
  /** URL of the built runner worker script (a classic, self-contained script). */
  workerUrl: string;
  /** Where the hidden frame is attached (default: document.body). */
  container?: HTMLElement;
  /**
   * The runs a fresh sandbox makes before it is ready (the exercise's reference solution, under each seed a
   * grading uses): they warm the realm's engine and compile the drivers. Their events and records go nowhere.
   */
  warmUp?: () => readonly RunOrder[];
  /**
   * Boot the next run's sandbox while a run goes (the teacher's pool: every core is busy anyway, and the
   * next hand-in should find a realm up). Default: only once no run goes — on the learner's page the
   * grading's further seeds come first, and a frame booting beside them competes with them for the CPU.
   */
  bootSpareDuringRuns?: boolean;
}

interface Sandbox {
  frame: HTMLIFrameElement;
  port: MessagePort;
  control: MessagePort;
  ready: Promise<void>;
  /** A run is waiting for this sandbox: it makes no further warm-up run (one under way finishes). */
  hurry(): void;
}

interface ActiveRun {
  runId: number;
  collector: RunCollector;
  resolve: (record: RunRecord) => void;
  timer: ReturnType<typeof setTimeout>;
}

let workerSourcePromise: Promise<Blob> | undefined;

/**
 * The runner's source, fetched once per page: the frame cannot fetch it (its CSP forbids connections). It
 * goes to each frame as a Blob, a handle the browser passes without copying (a string of half a megabyte
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

export function createRunnerSandbox(options: SandboxOptions): RunnerSandbox {
  const listeners = new Set<(event: RunnerEvent) => void>();
  /** The sandbox of the last run: the terminal's network lives there. */
  let sandbox: Sandbox | undefined;
  /** A fresh sandbox, started in the background, that the next run takes. */
  let spare: Sandbox | undefined;
  let active: ActiveRun | undefined;
  /** The events of a run held back from subscribers (RunOptions.holdMs), until show() or a timer releases them. */
  let held: { runId: number; events: RunnerEvent[]; timer: ReturnType<typeof setTimeout> } | undefined;
  let nextRunId = 1;
  let disposed = false;
  /** The learner's latest draft (prepare()), compiled ahead in each spare. */
  let draft: readonly DraftProgram[] | undefined;

  const publish = (event: RunnerEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  /** A run's event, to subscribers now or into the run's hold. */
  const publishRun = (event: RunnerEvent & { runId: number }) => {
    if (held?.runId === event.runId) held.events.push(event);
    else publish(event);
  };
  /** Publishes what was held (in order); from then on the run, if still going, is shown live. */
  const release = () => {
    if (!held) return;
    const { events, timer } = held;
    held = undefined;
    clearTimeout(timer);
    for (const event of events) publish(event);
  };
  const dropHeld = () => {
    if (held) clearTimeout(held.timer);
    held = undefined;
  };

  function close(box: Sandbox) {
    box.port.close();
    box.control.close();
    box.frame.remove();
  }

  function destroy() {
    if (!sandbox) return;
    close(sandbox);
    sandbox = undefined;
  }

  /** Frames of replaced sandboxes, still to be removed (see retire()). */
  let retired: HTMLIFrameElement[] = [];

  /** The page stops listening to the current sandbox now; its frame goes once no run goes (removeRetired()). */
  function retire() {
    if (!sandbox) return;
    sandbox.port.postMessage({ type: 'reset' } satisfies RunnerCommand);
    sandbox.port.close();
    sandbox.control.close();
    retired.push(sandbox.frame);
    sandbox = undefined;
  }

  function removeRetired() {
    for (const frame of retired) frame.remove();
    retired = [];
  }

  /** A sandbox for the next run; one is kept booting in the background so that runs do not wait for it. */
  function fresh(): Sandbox {
    const box = spare ?? start();
    spare = undefined;
    box.hurry();
    return box;
  }

  function prepareSpare() {
    if (spare || disposed || (active && !options.bootSpareDuringRuns)) return; // the run's end asks again
    spare = start();
    spare.ready.catch(() => undefined);
    compileDraftIn(spare);
  }

  /**
   * Sends the latest draft to `box` once it is ready, if it is still the spare then (a run that took it
   * compiles its own snapshot) and no newer draft came meanwhile (that one is sent instead).
   */
  function compileDraftIn(box: Sandbox) {
    const programs = draft;
    if (!programs) return;
    box.ready.then(
      () => {
        if (box === spare && programs === draft) box.port.postMessage({ type: 'compile', programs: [...programs] } satisfies RunnerCommand);
      },
      () => undefined,
    );
  }

  /** A new sandbox; `warm` says whether it makes the warm-up run before it is ready. */
  function start(warm = true): Sandbox {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.title = 'Runner sandbox';
    frame.className = 'exercise-sandbox-frame';
    // Not rendered (also where the page's CSS is not loaded): it only hosts the worker.
    frame.hidden = true;
    frame.srcdoc = sandboxDocument();
    const toWorker = new MessageChannel();
    const toFrame = new MessageChannel();
    const port = toWorker.port1;
    const control = toFrame.port1;

    /** Set by hurry(): a run waits for this sandbox. */
    let hurried = false;
    let skipWarmUp: () => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      /** The warm-up runs still to make, and the id of the one running: its events are dropped. */
      let toWarm: RunOrder[] = [];
      let warming: number | undefined;
      let booted = false;
      skipWarmUp = () => {
        toWarm = [];
        if (booted && warming === undefined) resolve();
      };
      let warmTimer: ReturnType<typeof setTimeout> | undefined;
      /** The next warm-up run, or the sandbox is ready. */
      const warmNext = () => {
        const order = toWarm.shift();
        if (!order) return resolve();
        const runId = (warming = nextRunId++);
        // The reference solution finishes well within its budget; a realm where it did not is not used (a
        // run that was waiting for it gets a sandbox without warm-up: see run()).
        warmTimer = setTimeout(() => reject(new Error('its warm-up run did not finish')), order.timeBudgetMs);
        port.postMessage({ ...order, type: 'run', version: PROTOCOL_VERSION, runId, warmUp: true } satisfies RunRequest);
      };
      port.onmessage = (message) => {
        const event = message.data as unknown;
        if (!isRunnerEvent(event)) return;
        if (event.type === 'ready') {
          booted = true;
          toWarm = warm && !hurried ? [...(options.warmUp?.() ?? [])] : [];
          if (toWarm.length === 0) return resolve();
          // Once the page is idle: on a slow laptop the warm-up would otherwise share the CPU with the editor
          // that is starting.
          whenIdle(warmNext);
          return;
        }
        if (event.type === 'warmed') {
          if (event.runId !== warming) return;
          warming = undefined;
          clearTimeout(warmTimer);
          warmNext();
          return;
        }
        if (sandbox?.port !== port) return; // a spare not yet in use, or a destroyed sandbox still draining
        receive(event);
      };
      control.onmessage = (message) => {
        const note = message.data as SandboxControlMessage;
        if (note?.type === 'sandbox-error') reject(new Error(`The runner sandbox failed: ${note.message}`));
      };
      frame.addEventListener(
        'load',
        () => {
          fetchWorkerSource(options.workerUrl).then(
            (workerSource) =>
              frame.contentWindow?.postMessage({ type: START_WORKER, workerSource }, '*', [
                toWorker.port2,
                toFrame.port2,
              ]),
            reject,
          );
        },
        { once: true },
      );
    });
    // A sandbox that failed to start is dropped, so the next run tries a fresh one.
    ready.catch(() => {
      if (sandbox?.port === port) destroy();
      if (spare?.port === port) {
        close(spare);
        spare = undefined;
      }
    });
    (options.container ?? document.body).append(frame);
    const hurry = () => {
      hurried = true;
      skipWarmUp();
    };
    return { frame, port, control, ready, hurry };
  }

  function current(): Sandbox {
    sandbox ??= start();
    return sandbox;
  }

  function receive(event: Exclude<RunnerEvent, { type: 'ready' }>) {
    if ('runId' in event) {
      if (!active || event.runId !== active.runId) return; // a late event from a run already reported
      if (event.type === 'done') {
        // The grader reads only a record the worker built for this exercise and protocol.
        if (event.record.exerciseId !== active.collector.exerciseId) return;
        finish(event.record);
        return;
      }
      active.collector.add(event);
      publishRun(event);
      return;
    }
    publish(event);
  }

  function finish(record: RunRecord) {
    if (!active) return;
    const run = active;
    active = undefined;
    clearTimeout(run.timer);
    publishRun({ type: 'done', runId: run.runId, record });
    // A held run that ended waits for its caller: shown (show()) or dropped (the next run), not timed out.
    if (held?.runId === run.runId) clearTimeout(held.timer);
    run.resolve(record);
    // The next run's realm boots while the learner reads the results — once the page is idle and no run
    // goes: a new frame costs the main thread tens of milliseconds on a slow laptop, and the results (and the
    // grading's next seeds, which run in this realm and start before the page is idle) come first. A run
    // that starts before then boots its own. The frames of replaced sandboxes go then too, in a task of their
    // own (taking a frame out costs the page a few milliseconds more).
    whenIdle(() => {
      if (!active) removeRetired();
    });
    whenIdle(prepareSpare);
  }

  function timeOut() {
    if (!active) return;
    const record = active.collector.timedOut();
    destroy();
    finish(record);
  }

  return {
    send(command: RunnerCommand) {
      if (command.type === 'run') throw new Error('Use run() to start a run: it enforces the time budget.');
      const box = current();
      box.ready.then(() => box.port.postMessage(command)).catch(() => undefined);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    warm() {
      prepareSpare();
      // During a run there is no spare to warm: the run's own sandbox is up.
      return (spare ?? sandbox)?.ready ?? Promise.resolve();
    },
    async run(order, options = {}) {
      if (active) timeOut(); // one run at a time: a new run replaces a stuck one
      // A realm of its own: the previous run's sandbox (and its network) goes, a fresh one takes over.
      if (!options.sameRealm || !sandbox) {
        const box = fresh();
        retire();
        sandbox = box;
      }
      let box = sandbox;
      try {
        await box.ready;
      } catch (error) {
        // A realm that failed its warm-up (a machine too busy to finish it in time): a cold one will do. (The
        // failed one is gone already: see `ready.catch` in start().)
        if (options.sameRealm) throw error;
        destroy();
        box = sandbox = start(false);
        await box.ready;
      }
      const runId = nextRunId++;
      const request: RunRequest = { ...order, type: 'run', version: PROTOCOL_VERSION, runId };
      // The run before, held and not shown, is never drawn: this one replaces it.
      dropHeld();
      if (options.holdMs !== undefined) held = { runId, events: [], timer: setTimeout(release, options.holdMs) };
      return new Promise<RunRecord>((resolve) => {
        active = {
          runId,
          collector: new RunCollector(order.exerciseId),
          resolve,
          timer: setTimeout(timeOut, order.timeBudgetMs),
        };
        box.port.postMessage(request);
      });
    },
    prepare(programs) {
      draft = programs.map(({ file, source }) => ({ file, source }));
      if (spare) compileDraftIn(spare);
    },
    show() {
      release();
    },
    dispose() {
      disposed = true;
      dropHeld();
      if (active) clearTimeout(active.timer);
      active = undefined;
      destroy();
      removeRetired();
      if (spare) close(spare);
      spare = undefined;
      listeners.clear();
    },
  };
}
