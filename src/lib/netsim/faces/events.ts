/**
 * A Node-compatible EventEmitter (what `node:events` gives a program). Emitting `'error'` with no listener
 * throws, as in Node: the event loop hands the throw to the process's uncaught-exception handler.
 */
import { invalidArgType, nodeErrors } from '../errors';

type Listener = (...args: any[]) => unknown;

interface Registration {
  listener: Listener;
  once: boolean;
}

export class EventEmitter {
  static defaultMaxListeners = 10;
  #events = new Map<string | symbol, Registration[]>();
  #maxListeners = EventEmitter.defaultMaxListeners;

  /** Adds a listener called every time `name` is emitted. */
  on(name: string | symbol, listener: Listener): this {
    return this.#add(name, listener, false, false);
  }

  addListener(name: string | symbol, listener: Listener): this {
    return this.#add(name, listener, false, false);
  }

  /** Adds a listener called the next time `name` is emitted only. */
  once(name: string | symbol, listener: Listener): this {
    return this.#add(name, listener, true, false);
  }

  prependListener(name: string | symbol, listener: Listener): this {
    return this.#add(name, listener, false, true);
  }

  prependOnceListener(name: string | symbol, listener: Listener): this {
    return this.#add(name, listener, true, true);
  }

  off(name: string | symbol, listener: Listener): this {
    return this.removeListener(name, listener);
  }

  removeListener(name: string | symbol, listener: Listener): this {
    const list = this.#events.get(name);
    if (!list) return this;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i]!.listener === listener) {
        const next = list.slice();
        next.splice(i, 1);
        if (next.length) this.#events.set(name, next);
        else this.#events.delete(name);
        if (this.#events.has('removeListener')) this.emit('removeListener', name, listener);
        break;
      }
    }
    return this;
  }

  removeAllListeners(name?: string | symbol): this {
    if (name === undefined) this.#events.clear();
    else this.#events.delete(name);
    return this;
  }

  /**
   * Calls every listener of `name` in order, synchronously. Returns whether there were any. An `'error'`
   * with no listener is thrown.
   */
  emit(name: string | symbol, ...args: unknown[]): boolean {
    const list = this.#events.get(name);
    if (!list) {
      if (name === 'error') {
        const error = args[0];
        throw error instanceof Error ? error : nodeErrors.unhandledError(error);
      }
      return false;
    }
    // Listeners added or removed while emitting do not change this round (Node copies too).
    for (const registration of list) {
      if (registration.once) this.#removeRegistration(name, registration);
      registration.listener.apply(this, args);
    }
    return true;
  }

  /**
   * @internal `emit(name, value)` without the rest-argument array: the sockets' 'data' path runs it once
   * per chunk (Node keeps such fast paths too). Never for 'error', whose missing listener must throw.
   */
  emitValue(name: string | symbol, value: unknown): boolean {
    const list = this.#events.get(name);
    if (!list) return false;
    for (let i = 0; i < list.length; i++) {
      const registration = list[i]!;
      if (registration.once) this.#removeRegistration(name, registration);
      registration.listener.call(this, value);
    }
    return true;
  }

  listenerCount(name: string | symbol): number {
    return this.#events.get(name)?.length ?? 0;
  }

  listeners(name: string | symbol): Listener[] {
    return (this.#events.get(name) ?? []).map((r) => r.listener);
  }

  rawListeners(name: string | symbol): Listener[] {
    return this.listeners(name);
  }

  eventNames(): (string | symbol)[] {
    return [...this.#events.keys()];
  }

  setMaxListeners(n: number): this {
    this.#maxListeners = n;
    return this;
  }

  getMaxListeners(): number {
    return this.#maxListeners;
  }

  #add(name: string | symbol, listener: Listener, once: boolean, prepend: boolean): this {
    if (typeof listener !== 'function') throw invalidArgType('listener', 'of type function', listener);
    if (this.#events.has('newListener')) this.emit('newListener', name, listener);
    const list = this.#events.get(name);
    const registration = { listener, once };
    if (!list) this.#events.set(name, [registration]);
    else this.#events.set(name, prepend ? [registration, ...list] : [...list, registration]);
    return this;
  }

  #removeRegistration(name: string | symbol, registration: Registration): void {
    const list = this.#events.get(name);
    if (!list) return;
    const next = list.filter((r) => r !== registration);
    if (next.length) this.#events.set(name, next);
    else this.#events.delete(name);
  }
}

/** `events.once(emitter, name)`: a promise of the next emission's arguments; rejects on `'error'` first. */
export function once(emitter: EventEmitter, name: string | symbol): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const onEvent = (...args: unknown[]) => {
      if (name !== 'error') emitter.removeListener('error', onError);
      resolve(args);
    };
    const onError = (error: unknown) => {
      emitter.removeListener(name, onEvent);
      reject(error);
    };
    emitter.once(name, onEvent);
    if (name !== 'error') emitter.once('error', onError);
  });
}

/** The `node:events` module: default export EventEmitter, with `once` and `EventEmitter` as members. */
export const eventsModule = Object.assign(EventEmitter, { EventEmitter, once, default: EventEmitter });
