/**
 * Running code later. Time here is the emulated network's virtual clock: a `setTimeout(f, 3000)` runs `f`
 * after 3 virtual seconds, which pass as fast as the computer can go when nothing else happens. A pending
 * timer keeps the program running, as in Node. The timers are globals too: no import needed.
 */
declare global {
  namespace NodeJS {
    /** A timer made by `setTimeout` or `setInterval`: pass it to `clearTimeout`/`clearInterval` to cancel it. */
    interface Timeout {
      /** Makes the timer keep the program running again (the default), after `unref()`. */
      ref(): this;
      /** Lets the program end before the timer fires if nothing else keeps it running. */
      unref(): this;
      /** False after `unref()`. */
      hasRef(): boolean;
      /** Starts the countdown again from now, with the same delay. */
      refresh(): this;
      /** Cancels the timer, as `clearTimeout(timer)`. */
      close(): this;
      /** The timer's number: `clearTimeout(+timer)` cancels it too. */
      [Symbol.toPrimitive](): number;
    }

    /** A callback queued by `setImmediate`: pass it to `clearImmediate` to cancel it. */
    interface Immediate {
      /** Makes the callback keep the program running again (the default), after `unref()`. */
      ref(): this;
      /** Lets the program end before the callback runs if nothing else keeps it running. */
      unref(): this;
      /** False after `unref()`. */
      hasRef(): boolean;
    }
  }

  /**
   * Runs `callback(...args)` once, after `ms` milliseconds of virtual time (at least 1; a delay that is not a
   * number from 1 to 2³¹−1 becomes 1, as in Node).
   * @example setTimeout(() => socket.end(), 5000);
   */
  function setTimeout<TArgs extends any[]>(callback: (...args: TArgs) => void, ms?: number, ...args: TArgs): NodeJS.Timeout;
  /** Cancels a timer made by `setTimeout` (nothing happens if it already ran or is not a timer). */
  function clearTimeout(timeout: NodeJS.Timeout | string | number | undefined): void;
  /** Runs `callback(...args)` every `ms` milliseconds of virtual time, until `clearInterval`. */
  function setInterval<TArgs extends any[]>(callback: (...args: TArgs) => void, ms?: number, ...args: TArgs): NodeJS.Timeout;
  /** Stops a timer made by `setInterval`. */
  function clearInterval(timeout: NodeJS.Timeout | string | number | undefined): void;
  /** Runs `callback(...args)` as soon as the events already due now have been handled (after I/O callbacks). */
  function setImmediate<TArgs extends any[]>(callback: (...args: TArgs) => void, ...args: TArgs): NodeJS.Immediate;
  /** Cancels a callback queued by `setImmediate`. */
  function clearImmediate(immediate: NodeJS.Immediate | undefined): void;
}

export { setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate };
