/**
 * Objects that announce what happens to them: a socket says `'connect'`, `'data'`, `'end'`; a server says
 * `'connection'`. You add listeners with `on(event, listener)`; the object calls them, in the order they were
 * added, each time it emits the event. As in Node, the module *is* the `EventEmitter` class:
 * `import EventEmitter, { once } from 'node:events'`.
 */
import internal = require('node:events');

/**
 * The class every socket, server and stream extends. An `'error'` event that has no listener is thrown: the
 * program crashes with it, so add an `'error'` listener to anything that talks to the network.
 */
declare class EventEmitter {
  /** A new emitter with no listeners. */
  constructor();
  /**
   * Waits for the next `eventName` and resolves with its arguments as an array. If the emitter emits
   * `'error'` first, the promise rejects with that error.
   * @example
   * const server = net.createServer().listen(80);
   * await once(server, 'listening');
   */
  static once(emitter: EventEmitter, eventName: string | symbol): Promise<any[]>;
  /**
   * Every `eventName` from now on, as an array of its arguments, for `for await`. An `'error'` event ends the
   * loop by throwing; leaving the loop (`break`) removes the listeners.
   * @example
   * for await (const [socket] of on(server, 'connection')) socket.end('hi\n');
   */
  static on(emitter: EventEmitter, eventName: string | symbol): AsyncIterableIterator<any[]>;
  /**
   * How many listeners `emitter` has for `eventName`.
   * @deprecated Use `emitter.listenerCount(eventName)`.
   */
  static listenerCount(emitter: EventEmitter, eventName: string | symbol): number;
  /** A copy of the listeners `emitter` has for `name`. */
  static getEventListeners(emitter: EventEmitter, name: string | symbol): Function[];
  /** Sets how many listeners of one event each of `emitters` may have before Node warns of a leak. */
  static setMaxListeners(n?: number, ...emitters: EventEmitter[]): void;
  /** How many listeners of one event an emitter may have before Node warns of a likely leak (10). */
  static defaultMaxListeners: number;
  /** The key of the method an emitter made with `captureRejections: true` calls when an async listener rejects. */
  static readonly captureRejectionSymbol: unique symbol;

  /** Adds `listener` at the end of the listeners of `eventName` (same as `on`). */
  addListener(eventName: string | symbol, listener: (...args: any[]) => void): this;
  /** Adds `listener` at the end of the listeners of `eventName`: it runs every time the event is emitted. */
  on(eventName: string | symbol, listener: (...args: any[]) => void): this;
  /** Adds `listener` for the next `eventName` only: it is removed before it runs. */
  once(eventName: string | symbol, listener: (...args: any[]) => void): this;
  /** Adds `listener` before the listeners `eventName` already has. */
  prependListener(eventName: string | symbol, listener: (...args: any[]) => void): this;
  /** Adds `listener` before the listeners `eventName` already has, for the next time only. */
  prependOnceListener(eventName: string | symbol, listener: (...args: any[]) => void): this;
  /** Removes one `listener` of `eventName` (the most recently added, if it was added twice). */
  removeListener(eventName: string | symbol, listener: (...args: any[]) => void): this;
  /** Removes one `listener` of `eventName` (same as `removeListener`). */
  off(eventName: string | symbol, listener: (...args: any[]) => void): this;
  /** Removes every listener of `eventName`, or of every event. */
  removeAllListeners(eventName?: string | symbol): this;
  /** How many listeners of one event this emitter may have before Node warns of a likely leak. */
  setMaxListeners(n: number): this;
  /** The limit set by `setMaxListeners`, or `EventEmitter.defaultMaxListeners`. */
  getMaxListeners(): number;
  /** A copy of the listeners of `eventName`. */
  listeners(eventName: string | symbol): Function[];
  /** A copy of the listeners of `eventName`, with the wrappers `once` puts around them. */
  rawListeners(eventName: string | symbol): Function[];
  /**
   * Calls every listener of `eventName` with `args`, at once and in the order they were added; returns
   * whether there were any. Emitting `'error'` with no listener throws the error.
   */
  emit(eventName: string | symbol, ...args: any[]): boolean;
  /** How many listeners `eventName` has. */
  listenerCount(eventName: string | symbol): number;
  /** The events that have listeners. */
  eventNames(): (string | symbol)[];
}

declare namespace EventEmitter {
  export { internal as EventEmitter };
}

export = EventEmitter;
