/**
 * The bridge between Node's userland libraries and netsim's virtual time. `readable-stream` and `util` call
 * `process.nextTick` from a module they share with every emulated process (node/process-shim.ts): that call
 * lands here and is queued on the tick queue of the network whose code is running, blamed on the process
 * that runs it, exactly as netsim's own faces queue theirs.
 *
 * Which network is "running" is set by whoever enters emulated code: a network stepping its events
 * (clock.ts), and a process running its top-level code (process.ts). Promise continuations that run between
 * two events keep the network of the event before them, as they would keep Node's event loop.
 */

/**
 * A process's default stream buffer sizes (`stream.setDefaultHighWaterMark`). In Node they belong to the
 * process; here the libraries are shared by every process of a run, so each process keeps its own and a
 * program that changes them changes nobody else's streams (not the driver's, not the next run's).
 */
export interface StreamDefaults {
  bytes: number;
  objectMode: number;
}

/** Node 22's defaults: 64 KiB, or 16 objects. */
export function nodeStreamDefaults(): StreamDefaults {
  return { bytes: 65536, objectMode: 16 };
}

/** What a network offers the libraries: its nextTick queue, and whose code is running. */
export interface TickQueue {
  /** Queues `run(a, b)` to run once the current callback returns, before the next event. */
  tick2<A, B>(run: (a: A, b: B) => void, a: A, b: B): void;
  /** The process whose code runs now (null between events of no process). */
  readonly current: { readonly streamDefaults?: StreamDefaults } | null;
}

let active: TickQueue | null = null;

/** Makes `queue` the one the libraries' `process.nextTick` feeds (until another network runs code). */
export function enterNetwork(queue: TickQueue): void {
  active = queue;
}

/** Forgets `queue` if it is the active one (a network that is gone must not keep receiving ticks). */
export function leaveNetwork(queue: TickQueue): void {
  if (active === queue) active = null;
}

/** Streams made outside any process (netsim's own code, tests) use Node's defaults, which nothing changes. */
const outsideProcesses: Readonly<StreamDefaults> = Object.freeze(nodeStreamDefaults());

function streamDefaultsNow(): Readonly<StreamDefaults> {
  return active?.current?.streamDefaults ?? outsideProcesses;
}

/** readable-stream's `getDefaultHighWaterMark`, per process (its state.js is patched to call this). */
export function getDefaultHighWaterMark(objectMode: boolean): number {
  const defaults = streamDefaultsNow();
  return objectMode ? defaults.objectMode : defaults.bytes;
}

/** readable-stream's `setDefaultHighWaterMark` (value already validated), for the running process only. */
export function setDefaultHighWaterMark(objectMode: boolean, value: number): void {
  const defaults = active?.current?.streamDefaults;
  if (defaults === undefined) return; // outside any process nothing may change them
  if (objectMode) defaults.objectMode = value;
  else defaults.bytes = value;
}

interface Deferred {
  fn: (...args: unknown[]) => void;
  args: unknown[];
}

function runDeferred(deferred: Deferred): void {
  const { fn, args } = deferred;
  switch (args.length) {
    case 0:
      return fn();
    case 1:
      return fn(args[0]);
    case 2:
      return fn(args[0], args[1]);
    default:
      return fn(...args);
  }
}

function callWithNoArguments(fn: () => void): void {
  fn();
}

function callWithOne(fn: (a: unknown) => void, a: unknown): void {
  fn(a);
}

/**
 * `process.nextTick(fn, ...args)` for the shared libraries. Written with `arguments` rather than a rest
 * parameter: the common calls (no, one or two arguments) then allocate nothing.
 */
export function nextTick(fn: (...args: unknown[]) => void, a?: unknown, b?: unknown): void {
  if (typeof fn !== 'function') {
    const error = new TypeError(`The "callback" argument must be of type function. Received ${fn === null ? 'null' : typeof fn}`) as TypeError & { code: string };
    error.code = 'ERR_INVALID_ARG_TYPE';
    throw error;
  }
  const count = arguments.length;
  const queue = active;
  if (queue === null) {
    // No emulated network has run code in this realm: nothing can be waiting on this tick but the caller's
    // own synchronous code, so run it as soon as that code is done, like a microtask.
    const args = Array.prototype.slice.call(arguments, 1) as unknown[];
    queueMicrotask(() => runDeferred({ fn, args }));
    return;
  }
  if (count === 1) queue.tick2(callWithNoArguments, fn as () => void, undefined);
  else if (count === 2) queue.tick2(callWithOne, fn as (a: unknown) => void, a);
  else if (count === 3) queue.tick2(fn as (a: unknown, b: unknown) => void, a, b);
  else queue.tick2(runDeferred, { fn, args: Array.prototype.slice.call(arguments, 1) as unknown[] }, undefined);
}
