/** `setTimeout` and friends in virtual time, bound to a process (its exit cancels them). */
import type { ScheduledEvent } from '../clock';
import type { VirtualTimers } from '../api';
import type { FaceContext } from './context';

/** A timer handle, as Node's `Timeout`. */
export class Timeout {
  #event: ScheduledEvent | null = null;
  #refed = true;

  constructor(
    private readonly timers: ProcessTimers,
    readonly callback: (...args: unknown[]) => void,
    readonly delay: number,
    readonly args: unknown[],
    readonly repeat: boolean,
  ) {}

  /** @internal */
  arm(event: ScheduledEvent | null): void {
    this.#event = event;
  }

  /** @internal */
  get event(): ScheduledEvent | null {
    return this.#event;
  }

  ref(): this {
    this.#refed = true;
    return this;
  }

  unref(): this {
    this.#refed = false;
    return this;
  }

  hasRef(): boolean {
    return this.#refed;
  }

  /** Restarts the timer from now with the same delay. */
  refresh(): this {
    this.timers.restart(this);
    return this;
  }

  close(): this {
    this.timers.clear(this);
    return this;
  }
}

function fire(timeout: Timeout): void {
  (timeout as unknown as { owner: ProcessTimers }).owner.fire(timeout);
}

/** The timer functions one process sees. */
export class ProcessTimers implements VirtualTimers {
  readonly #ctx: FaceContext;
  readonly #live = new Set<Timeout>();

  constructor(ctx: FaceContext) {
    this.#ctx = ctx;
    ctx.process.onExit.add(() => {
      for (const t of [...this.#live]) this.clear(t);
    });
  }

  #start(timeout: Timeout): Timeout {
    (timeout as unknown as { owner: ProcessTimers }).owner = this;
    this.#live.add(timeout);
    timeout.arm(this.#ctx.stack.clock.schedule(timeout.delay, fire, timeout, this.#ctx.process));
    return timeout;
  }

  /** @internal */
  fire(timeout: Timeout): void {
    if (timeout.repeat) timeout.arm(this.#ctx.stack.clock.schedule(timeout.delay, fire, timeout, this.#ctx.process));
    else {
      timeout.arm(null);
      this.#live.delete(timeout);
    }
    timeout.callback(...timeout.args);
  }

  /** @internal */
  restart(timeout: Timeout): void {
    const event = timeout.event;
    if (event) this.#ctx.stack.clock.cancel(event);
    this.#start(timeout);
  }

  clear(handle: unknown): void {
    if (!(handle instanceof Timeout)) return;
    const event = handle.event;
    if (event) this.#ctx.stack.clock.cancel(event);
    handle.arm(null);
    this.#live.delete(handle);
  }

  setTimeout = (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): Timeout =>
    this.#start(new Timeout(this, checkCallback(callback), delayOf(ms), args, false));

  setInterval = (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): Timeout =>
    this.#start(new Timeout(this, checkCallback(callback), delayOf(ms), args, true));

  /** Runs after the events already due now (Node's check phase, after I/O). */
  setImmediate = (callback: (...args: unknown[]) => void, ...args: unknown[]): Timeout =>
    this.#start(new Timeout(this, checkCallback(callback), 0, args, false));

  clearTimeout = (handle: unknown): void => this.clear(handle);
  clearInterval = (handle: unknown): void => this.clear(handle);
  clearImmediate = (handle: unknown): void => this.clear(handle);

  /** `process.nextTick` for the program. */
  nextTick = (callback: (...args: unknown[]) => void, ...args: unknown[]): void => {
    this.#ctx.tick(() => callback(...args), undefined);
  };

  /** `node:timers/promises` */
  promises(): TimersPromises {
    return {
      setTimeout: <T = void>(ms?: number, value?: T) => new Promise<T>((resolve) => this.setTimeout(() => resolve(value as T), ms)),
      setImmediate: <T = void>(value?: T) => new Promise<T>((resolve) => this.setImmediate(() => resolve(value as T))),
      scheduler: { wait: (ms: number) => new Promise<void>((resolve) => this.setTimeout(() => resolve(), ms)) },
    };
  }
}

/** What `import { setTimeout } from 'node:timers/promises'` gives. */
export interface TimersPromises {
  /** Resolves with `value` after `ms` virtual milliseconds. */
  setTimeout<T = void>(ms?: number, value?: T): Promise<T>;
  setImmediate<T = void>(value?: T): Promise<T>;
  scheduler: { wait(ms: number): Promise<void> };
}

function delayOf(ms: unknown): number {
  const n = Number(ms);
  // Node: a delay outside 1..2^31-1 (or not a number) becomes 1.
  return Number.isFinite(n) && n >= 1 && n <= 2147483647 ? n : 1;
}

function checkCallback(callback: unknown): (...args: unknown[]) => void {
  if (typeof callback !== 'function') {
    const error = new TypeError(`The "callback" argument must be of type function. Received ${String(callback)}`) as TypeError & { code: string };
    error.code = 'ERR_INVALID_ARG_TYPE';
    throw error;
  }
  return callback as (...args: unknown[]) => void;
}
