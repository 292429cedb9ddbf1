/*
 * The globals a program has besides its imports, as on Node: `console`, `process`, `Buffer` and the timers
 * (declared by their modules: console.d.ts, process.d.ts, buffer.d.ts, timers.d.ts; `TextEncoder` and
 * `TextDecoder` by util.d.ts), and the few below.
 */

declare namespace NodeJS {
  /**
   * An error from the system, as Node reports it: `err.code` says what happened (`'ECONNREFUSED'`,
   * `'ECONNRESET'`, `'ETIMEDOUT'`, `'EADDRINUSE'`, `'ENOTFOUND'`…), `err.syscall` which call failed
   * (`'connect'`, `'listen'`, `'getaddrinfo'`…), `err.address` and `err.port` where it was going.
   * Node's own argument errors have a `code` too (`'ERR_SOCKET_BAD_PORT'`…).
   */
  interface ErrnoException extends Error {
    /** Linux's error number, negative as Node gives it (−111 for ECONNREFUSED). */
    errno?: number;
    /** What happened: `'ECONNREFUSED'`, `'ECONNRESET'`, `'EPIPE'`, `'ETIMEDOUT'`, `'EHOSTUNREACH'`, `'EADDRINUSE'`, `'ENOTFOUND'`… */
    code?: string;
    /** The system call that failed: `'connect'`, `'listen'`, `'bind'`, `'write'`, `'read'`, `'getaddrinfo'`… */
    syscall?: string;
    /** The address the call was about. */
    address?: string;
    /** The port the call was about. */
    port?: number;
  }
}

/** Runs `callback` once the current code and the promise callbacks already queued have finished (a microtask). */
declare function queueMicrotask(callback: () => void): void;

/** A deep copy of `value` (objects, arrays, Maps, Sets, Dates, typed arrays…; no functions). */
declare function structuredClone<T>(value: T): T;
