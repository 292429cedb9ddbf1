/**
 * The running program: its arguments and environment, its output streams, its exit. `process` is a global
 * too: no import needed. Each program has its own, on its own emulated host.
 */
import { EventEmitter } from 'node:events';
import type { Readable, Writable } from 'node:stream';

interface ProcessEventMap {
  /**
   * `'exit'`: the program is ending, with exit code `code`: `process.exit(code)` was called, or nothing is
   * left that keeps it running (no open socket, listening server, bound UDP socket or pending timer; then
   * `code` is `process.exitCode`, or 0). Only synchronous code runs here: nothing queued afterwards will run.
   */
  exit: [code: number];
  /**
   * `'uncaughtException'`: an error was thrown and nobody caught it. With a listener, the program lives on
   * (as in Node, rarely a good idea); without one, it crashes with the error.
   */
  uncaughtException: [error: Error, origin: string];
}

declare global {
  namespace NodeJS {
    /** `process.stdout` and `process.stderr`: Writable streams to the run's console. */
    interface WriteStream extends Writable {
      /** 1 for stdout, 2 for stderr. */
      readonly fd: number;
      /** False: the output is the run's console, not a terminal. */
      readonly isTTY: boolean;
    }

    /** The running program (`process`). */
    interface Process extends EventEmitter {
      /** The program's process id (as `ss -p` shows it). */
      readonly pid: number;
      /** The parent's process id: 1. */
      readonly ppid: number;
      /** `'linux'`. */
      readonly platform: string;
      /** `'x64'`. */
      readonly arch: string;
      /** The Node version emulated, such as `'v22.12.0'`. */
      readonly version: string;
      /** `{ node: '22.12.0' }`. */
      readonly versions: {
        /** The Node version, such as `'22.12.0'`. */
        readonly node: string;
      };
      /** `{ name: 'node' }`. */
      readonly release: {
        /** `'node'`. */
        readonly name: string;
      };
      /** The program's name. */
      title: string;
      /** The command line: `['/usr/bin/node', '/home/learner/<your file>']`. */
      argv: string[];
      /** `'node'`. */
      readonly argv0: string;
      /** Node's own options: none. */
      readonly execArgv: string[];
      /** `'/usr/bin/node'`. */
      readonly execPath: string;
      /** The environment variables: `HOME`, `USER`, `PATH`, `LANG`. A value you assign is stored as a string. */
      env: Record<string, string | undefined>;
      /**
       * The program's standard output, a Writable stream to the run's console: `process.stdout.write('text')`
       * prints without adding a line break (`console.log` adds one). It cannot be closed: `end()` only flushes.
       */
      readonly stdout: WriteStream;
      /** The program's standard error output, shown in the run's console as errors. */
      readonly stderr: WriteStream;
      /** The program's standard input: there is no keyboard here, so it ends at once. */
      readonly stdin: Readable;
      /**
       * The exit code the program ends with when nothing is left to do (0 unless set). Setting it does not end
       * the program; `process.exit()` does.
       */
      exitCode: number | string | null | undefined;
      /**
       * Ends the program now, with exit code `code` (default `process.exitCode`, else 0), as a real process
       * ends: `'exit'` listeners run, the kernel closes its sockets (peers see a FIN, or a RST where unread
       * data was waiting), its timers stop, and nothing it queued runs afterwards. Code after the call does
       * not run.
       */
      exit(code?: number | string | null): never;
      /** Runs `callback(...args)` right after the current code, before any I/O or timer (sooner than `setImmediate`). */
      nextTick(callback: (...args: any[]) => void, ...args: any[]): void;
      /** Virtual time as `[seconds, nanoseconds]`, or the time since `previous`. */
      hrtime: {
        /** Virtual time as `[seconds, nanoseconds]`, or the time since `previous`. */
        (previous?: [number, number]): [number, number];
        /** Virtual time in nanoseconds. */
        bigint(): bigint;
      };
      /** Seconds since the program started (virtual time). */
      uptime(): number;
      /** The working folder: `'/home/learner'`. */
      cwd(): string;
      /** Prints `warning` to stderr, as Node prints warnings. */
      emitWarning(warning: string | Error): void;

      // @events ProcessEventMap
    }
  }

  /** The running program: `process.argv`, `process.env`, `process.stdout.write(…)`, `process.exit(code)`. */
  var process: NodeJS.Process;
}

export = process;
