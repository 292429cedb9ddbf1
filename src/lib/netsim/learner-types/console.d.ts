/**
 * Printing to the run's console, as Node's console does: every call formats its arguments as
 * `util.format` does (`%s`, `%d`, `%o`… and objects shown by `util.inspect`) and prints one line.
 * `console` is a global too: no import needed.
 */

declare global {
  /** The run's console: `log`, `info`, `debug` and `dir` print to stdout; `error`, `warn` and `trace` to stderr. */
  interface Console {
    /** Prints its arguments to stdout, separated by spaces, then a line break. `%s`, `%d`, `%o` in the first one are replaced by the next ones. */
    log(...data: any[]): void;
    /** Same as `console.log`. */
    info(...data: any[]): void;
    /** Same as `console.log`. */
    debug(...data: any[]): void;
    /** Prints its arguments to stderr, as `console.log` does to stdout. */
    error(...data: any[]): void;
    /** Same as `console.error`. */
    warn(...data: any[]): void;
    /** Prints `Trace: ` and its arguments to stderr. */
    trace(...data: any[]): void;
    /** Prints `value` as `util.inspect` shows it (`{ depth, colors… }` in `options`). */
    dir(value: any, options?: object): void;
    /** Prints `Assertion failed` (and its arguments) to stderr if `condition` is falsy. Unlike Node's `assert`, it throws nothing. */
    assert(condition: unknown, ...data: any[]): void;
    /** Prints how many times `count` was called with this `label` (`'default'` if none). */
    count(label?: string): void;
    /** Resets the counter of `label`. */
    countReset(label?: string): void;
    /** Starts a timer named `label` (virtual time). */
    time(label?: string): void;
    /** Prints how long the timer `label` has run (virtual time) and stops it. */
    timeEnd(label?: string): void;
    /** Prints how long the timer `label` has run so far (virtual time). */
    timeLog(label?: string, ...data: any[]): void;
    /** Prints its arguments (if any), then indents what is printed next by two spaces. */
    group(...label: any[]): void;
    /** Ends the indentation of the last `group`. */
    groupEnd(): void;
  }

  /** Prints to the run's console: `console.log('listening on', port)`. */
  var console: Console;
}

export = console;
