/**
 * The page's side of the runner sandbox: a hidden `<iframe sandbox="allow-scripts">` (sandbox-frame.ts) in
 * which each realm is a runner worker, a MessageChannel to that worker, and the wall-clock time budget.
 *
 * The page never listens to `window` messages: everything from a worker arrives on a port only that worker
 * holds. A run that outlives its budget is ended the only way an endless loop can be ended — its worker is
 * terminated — and reported as a `timed-out` RunRecord.
 *
 * Every run gets a realm of its own: it runs in a spare worker started in the background, and the worker of
 * the run before is terminated with everything in it (its classes, any prototype a program patched, its
 * timers, any worker it started) before the new run's program starts. The realm of the last run stays up:
 * the terminal talks to the network it left. The page stops listening to a replaced realm at once.
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
import { createSandboxFrame, type SandboxFrame } from './sandbox-frame';
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
  /** Removes the frame: every worker in it ends. */
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

/** A realm: one runner worker in the frame. */
interface Sandbox {
  id: number;
  /** The frame it runs in (a frame that broke is replaced; its realms end with it). */
  frame: SandboxFrame;
  port: MessagePort;
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

  /** The frame the realms run in, made when the first one starts; one that broke is replaced. */
  let frame: SandboxFrame | undefined;
  let nextWorkerId = 1;

  function sandboxFrame(): SandboxFrame {
    if (!frame || frame.broken) {
      frame?.remove();
      frame = createSandboxFrame(options.workerUrl, options.container ?? document.body);
    }
    return frame;
  }

  /** The page stops listening to a realm and its worker is terminated; resolves once it is. */
  function close(box: Sandbox): Promise<void> {
    box.port.close();
    return box.frame.stopWorker(box.id);
  }

  /** Ends the current realm (its network, the terminal's, goes with it); resolves once its worker is gone. */
  function destroy(): Promise<void> {
    if (!sandbox) return Promise.resolve();
    const box = sandbox;
    sandbox = undefined;
    return close(box);
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
    const id = nextWorkerId++;
    const home = sandboxFrame();
    const toWorker = new MessageChannel();
    const port = toWorker.port1;

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
      home.startWorker(id, toWorker.port2, (message) => reject(new Error(`The runner sandbox failed: ${message}`)));
    });
    const hurry = () => {
      hurried = true;
      skipWarmUp();
    };
    const box: Sandbox = { id, frame: home, port, ready, hurry };
    // A realm that failed to start is dropped, so the next run tries a fresh one.
    ready.catch(() => {
      if (sandbox === box) void destroy();
      if (spare === box) {
        void close(spare);
        spare = undefined;
      }
    });
    return box;
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
    // goes: the results (and the grading's next seeds, which run in this realm and start before the page is
    // idle) come first, and a worker booting beside them would compete with them for the CPU. A run that
    // starts before then boots its own.
    whenIdle(prepareSpare);
  }

  function timeOut() {
    if (!active) return;
    const record = active.collector.timedOut();
    void destroy();
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
      // A realm of its own: the previous run's realm (and its network) goes, a fresh one takes over.
      let previousGone = Promise.resolve();
      if (!options.sameRealm || !sandbox) {
        const box = fresh();
        previousGone = destroy();
        sandbox = box;
      }
      let box = sandbox;
      try {
        await box.ready;
      } catch (error) {
        // A realm that failed its warm-up (a machine too busy to finish it in time): a cold one will do. (The
        // failed one is gone already: see `ready.catch` in start().)
        if (options.sameRealm) throw error;
        void destroy();
        box = sandbox = start(false);
        await box.ready;
      }
      // The realm before is terminated before this run's program starts: the two workers share the frame's
      // origin, and a program still going there could otherwise talk to this one (a BroadcastChannel).
      await previousGone;
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
      for (const box of [sandbox, spare]) box?.port.close();
      sandbox = spare = undefined;
      frame?.remove();
      frame = undefined;
      listeners.clear();
    },
  };
}
