/**
 * `setTimeout` and friends in virtual time, bound to one process: its exit cancels them, and their
 * callbacks are blamed on it (a throw crashes that process only). `node:timers/promises` on top.
 */
import type { ScheduledEvent } from '../clock';
import type { VirtualTimers } from '../api';
import { invalidArgType } from '../errors';
import { utilPackage } from '../node/libs';
import { named } from './named';
import type { FaceContext, Hold } from './context';

/** The timer functions one process sees, and the handle class they return (Node's `Timeout`). */
export function defineTimers(ctx: FaceContext) {
  const live = new Set<Timeout>();
  let nextId = 1;

  class Timeout {
    readonly #callback: (...args: unknown[]) => void;
    readonly #delay: number;
    readonly #args: unknown[];
    readonly #repeat: boolean;
    readonly #id = nextId++;
    #event: ScheduledEvent | null = null;
    #refed = true;
    /** An armed timer keeps the process alive unless unref'd. */
    #hold: Hold | null = null;

    constructor(callback: (...args: unknown[]) => void, delay: number, args: unknown[], repeat: boolean) {
      this.#callback = callback;
      this.#delay = delay;
      this.#args = args;
      this.#repeat = repeat;
    }

    /** Starts (or restarts) the countdown from now. */
    #arm(): this {
      if (!live.has(this) && live.size >= ctx.stack.limits.timers) {
        ctx.stack.exceed('timers', ctx.stack.limits.timers, ctx.host.node.name, ctx.process.pid);
      }
      if (this.#event) ctx.stack.clock.cancel(this.#event);
      this.#event = ctx.stack.clock.schedule(this.#delay, fire, this, ctx.process);
      live.add(this);
      if (!this.#hold) {
        this.#hold = ctx.hold();
        if (!this.#refed) this.#hold.unref();
      }
      return this;
    }

    #fire(): void {
      this.#event = null;
      if (this.#repeat) this.#arm();
      else this.#disarm();
      this.#callback(...this.#args);
    }

    #clear(): void {
      if (this.#event) ctx.stack.clock.cancel(this.#event);
      this.#event = null;
      this.#disarm();
    }

    #disarm(): void {
      live.delete(this);
      this.#hold?.release();
      this.#hold = null;
    }

    ref(): this {
      this.#refed = true;
      this.#hold?.ref();
      return this;
    }

    unref(): this {
      this.#refed = false;
      this.#hold?.unref();
      return this;
    }

    hasRef(): boolean {
      return this.#refed;
    }

    /** Restarts the timer from now with the same delay. */
    refresh(): this {
      return this.#arm();
    }

    close(): this {
      this.#clear();
      return this;
    }

    [Symbol.toPrimitive](): number {
      return this.#id;
    }

    static start(timeout: Timeout): Timeout {
      return timeout.#arm();
    }

    static run(timeout: Timeout): void {
      timeout.#fire();
    }

    static clear(timeout: Timeout): void {
      timeout.#clear();
    }
  }
  named(Timeout, 'Timeout');

  const start = Timeout.start;
  const run = Timeout.run;
  const clear = Timeout.clear;
  for (const name of ['start', 'run', 'clear'] as const) delete (Timeout as unknown as Partial<Record<string, unknown>>)[name];

  function fire(timeout: Timeout): void {
    run(timeout);
  }

  const byId = (handle: unknown): Timeout | undefined => {
    if (handle instanceof Timeout) return handle;
    if (typeof handle === 'number' || typeof handle === 'string') {
      for (const t of live) if (+t === Number(handle)) return t;
    }
    return undefined;
  };

  ctx.process.onExit.add(() => {
    for (const timeout of [...live]) clear(timeout);
  });

  const setTimeout = (callback: (...args: unknown[]) => void, ms?: unknown, ...args: unknown[]) =>
    start(new Timeout(checkCallback(callback), delayOf(ms), args, false));
  const setInterval = (callback: (...args: unknown[]) => void, ms?: unknown, ...args: unknown[]) =>
    start(new Timeout(checkCallback(callback), delayOf(ms), args, true));
  /** Runs after the events already due now (Node's check phase, after I/O). */
  const setImmediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) =>
    start(new Timeout(checkCallback(callback), 0, args, false));
  const clearTimer = (handle: unknown): void => {
    const timeout = byId(handle);
    if (timeout) clear(timeout);
  };

  const promises = Object.freeze({
    /** Resolves with `value` after `ms` virtual milliseconds. */
    setTimeout: <T = void>(ms?: number, value?: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value as T), ms)),
    setImmediate: <T = void>(value?: T) => new Promise<T>((resolve) => setImmediate(() => resolve(value as T))),
    scheduler: Object.freeze({
      wait: (ms: number) => new Promise<void>((resolve) => setTimeout(() => resolve(), ms)),
      yield: () => new Promise<void>((resolve) => setImmediate(() => resolve())),
    }),
  });
  // util.promisify(setTimeout) gives timers/promises' setTimeout, as in Node.
  const custom = utilPackage.promisify.custom;
  Object.defineProperty(setTimeout, custom, { value: promises.setTimeout });
  Object.defineProperty(setImmediate, custom, { value: promises.setImmediate });

  const timers: VirtualTimers = Object.freeze({
    setTimeout,
    clearTimeout: clearTimer,
    setInterval,
    clearInterval: clearTimer,
    setImmediate,
    clearImmediate: clearTimer,
  });
  return { timers, promises, Timeout };
}

function delayOf(ms: unknown): number {
  const n = Number(ms);
  // Node: a delay outside 1..2^31-1 (or not a number) becomes 1.
  return Number.isFinite(n) && n >= 1 && n <= 2147483647 ? n : 1;
}

function checkCallback(callback: unknown): (...args: unknown[]) => void {
  if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
  return callback as (...args: unknown[]) => void;
}
