/**
 * `node:events`: the `events` package (Node's EventEmitter as a userland copy), with the helpers of Node's
 * module it lacks written here: `on` (an async iterator of events) and `getEventListeners`. As in Node,
 * `require('node:events')` is the EventEmitter class itself, carrying the helpers as properties.
 */
import { EventEmitter } from '../node/libs';
import { invalidArgType } from '../errors';

type Emitter = InstanceType<typeof EventEmitter>;

/**
 * `events.on(emitter, name)`: every `name` event as the arguments array, for `for await`. An 'error' event
 * rejects the iteration; `return()` (leaving the loop) removes the listeners.
 */
function on(emitter: Emitter, name: string | symbol): AsyncIterableIterator<unknown[]> {
  const waiting: { resolve: (r: IteratorResult<unknown[]>) => void; reject: (e: unknown) => void }[] = [];
  const queued: unknown[][] = [];
  let failure: unknown = null;
  let finished = false;
  const onEvent = (...args: unknown[]) => {
    const next = waiting.shift();
    if (next) next.resolve({ value: args, done: false });
    else queued.push(args);
  };
  const onError = (error: unknown) => {
    finished = true;
    const next = waiting.shift();
    if (next) next.reject(error);
    else failure = error;
    stop();
  };
  const stop = () => {
    emitter.removeListener(name, onEvent);
    if (name !== 'error') emitter.removeListener('error', onError);
  };
  emitter.on(name, onEvent);
  if (name !== 'error') emitter.on('error', onError);
  const iterator: AsyncIterableIterator<unknown[]> = {
    next() {
      const value = queued.shift();
      if (value) return Promise.resolve({ value, done: false });
      if (failure !== null) {
        const error = failure;
        failure = null;
        return Promise.reject(error);
      }
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      finished = true;
      stop();
      for (const next of waiting.splice(0)) next.resolve({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error: unknown) {
      finished = true;
      stop();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

function getEventListeners(emitter: Emitter, name: string | symbol): Function[] {
  if (emitter === null || typeof emitter !== 'object' || typeof emitter.listeners !== 'function') {
    throw invalidArgType('emitter', 'an instance of EventEmitter or EventTarget', emitter);
  }
  return emitter.listeners(name);
}

function setMaxListeners(n: number, ...emitters: Emitter[]): void {
  for (const emitter of emitters) emitter.setMaxListeners(n);
}

/** The module object: shared by every process (it is the class itself), frozen in the worker. */
export const eventsModule = Object.assign(EventEmitter, {
  on,
  getEventListeners,
  setMaxListeners,
});
