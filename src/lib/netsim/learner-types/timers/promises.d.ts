/** The timers as promises, for `await`: `await setTimeout(1000)` waits one second of virtual time. */

/**
 * Resolves with `value` after `delay` milliseconds of virtual time.
 * @example
 * import { setTimeout as sleep } from 'node:timers/promises';
 * await sleep(1000);
 */
export function setTimeout<T = void>(delay?: number, value?: T): Promise<T>;
/** Resolves with `value` once the events already due now have been handled. */
export function setImmediate<T = void>(value?: T): Promise<T>;
/** Waiting, in the style of the web's scheduler API. */
export const scheduler: {
  /** Resolves after `delay` milliseconds of virtual time. */
  wait(delay: number): Promise<void>;
  /** Resolves once the events already due now have been handled: lets other work run. */
  yield(): Promise<void>;
};
