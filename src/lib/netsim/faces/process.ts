/**
 * A program's `process` (the global, and `node:process`): its own object per emulated process. What it
 * writes to `stdout`/`stderr` goes to the run's console; `exit()` ends the program as a real process ends —
 * 'exit' listeners run, the kernel closes its sockets (FIN, or RST where unread bytes wait), its timers
 * stop, and nothing it queued runs afterwards — and returns to nobody (the rest of the calling code does
 * not run).
 */
import { invalidArgType, nodeErrors } from '../errors';
import { Buffer, EventEmitter, streamModule } from '../node/libs';
import { named } from './named';
import type { FaceContext } from './context';

/** Where a process's output goes: raw text, as written (line breaks included). */
export interface ProcessOutput {
  write(stream: 'stdout' | 'stderr', text: string): void;
}

export interface ProcessSettings {
  /** The program's file, for `argv[1]` (`/home/learner/<file>`). */
  file?: string;
  output?: ProcessOutput;
  env?: Readonly<Record<string, string>>;
}

/**
 * Thrown by `process.exit()` to unwind the program's code, as a real exit never returns. netsim and the
 * runner recognise it and do not count it as a crash.
 */
export class ProcessExit {
  constructor(readonly code: number) {}
}

export function isProcessExit(value: unknown): value is ProcessExit {
  return value instanceof ProcessExit;
}

export interface ProcessControl {
  /** The `process` object the program sees. */
  process: InstanceType<typeof EventEmitter> & Record<string, unknown>;
  /**
   * An exception nobody caught: true if the program's own 'uncaughtException' listeners took it (the
   * process lives on), false if it must die of it.
   */
  handleUncaught(error: unknown): boolean;
  /** Nothing keeps the program alive any more: it ends as Node's does, 'exit' with `process.exitCode`. */
  endOfWork(): void;
}

const NODE_VERSION = 'v22.12.0';
const { listenerCount, emit } = EventEmitter.prototype;

export function defineProcess(ctx: FaceContext, settings: ProcessSettings, exitProcess: (code: number) => void): ProcessControl {
  const { Writable, Readable } = streamModule;
  const output = settings.output;

  class Stdio extends Writable {
    readonly fd: number;
    readonly isTTY = false;
    readonly #stream: 'stdout' | 'stderr';

    constructor(stream: 'stdout' | 'stderr') {
      super({ decodeStrings: false });
      this.#stream = stream;
      this.fd = stream === 'stdout' ? 1 : 2;
    }

    override _write(chunk: unknown, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
      const text =
        typeof chunk !== 'string' ? new TextDecoder().decode(chunk as Uint8Array)
        : encoding === 'utf8' || encoding === 'utf-8' || (encoding as string) === 'buffer' ? chunk
        : Buffer.from(chunk, encoding).toString('utf8');
      if (!ctx.process.exited) output?.write(this.#stream, text);
      callback();
    }

    /** A process cannot close its stdout: `end()` only flushes (`pipe(process.stdout)` stays usable). */
    override end(...args: unknown[]): this {
      const chunk = args[0];
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') this.write(chunk as string);
      const callback = args.find((a) => typeof a === 'function') as (() => void) | undefined;
      if (callback) ctx.tick(callback, undefined);
      return this;
    }
  }
  named(Stdio, 'Socket');

  const stdout = new Stdio('stdout');
  const stderr = new Stdio('stderr');
  const stdin = new Readable({ read() { this.push(null); } });

  let exitCode: number | undefined = undefined;
  let exiting = false;
  const startedAt = ctx.stack.clock.now;

  const proc = new EventEmitter() as InstanceType<typeof EventEmitter> & Record<string, unknown>;
  const env = environment({ HOME: '/home/learner', USER: 'learner', PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8', ...settings.env });

  function exit(code?: unknown): never {
    if (code !== undefined) exitCode = validateCode(code);
    const final = exitCode ?? 0;
    if (!exiting) {
      exiting = true;
      proc.emit('exit', final);
      exitProcess(final);
    }
    throw new ProcessExit(final);
  }

  function nextTick(callback: (...args: unknown[]) => void, ...args: unknown[]): void {
    if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
    ctx.tick(() => callback(...args), undefined);
  }

  function hrtime(previous?: [number, number]): [number, number] {
    const ms = ctx.stack.clock.now;
    let seconds = Math.floor(ms / 1000);
    let nanos = Math.round((ms - seconds * 1000) * 1e6);
    if (previous) {
      seconds -= previous[0];
      nanos -= previous[1];
      if (nanos < 0) {
        seconds--;
        nanos += 1e9;
      }
    }
    return [seconds, nanos];
  }
  hrtime.bigint = () => BigInt(Math.round(ctx.stack.clock.now * 1e6));

  Object.defineProperties(proc, {
    pid: { value: ctx.process.pid, enumerable: true },
    ppid: { value: 1, enumerable: true },
    platform: { value: 'linux', enumerable: true },
    arch: { value: 'x64', enumerable: true },
    version: { value: NODE_VERSION, enumerable: true },
    versions: { value: Object.freeze({ node: NODE_VERSION.slice(1) }), enumerable: true },
    release: { value: Object.freeze({ name: 'node' }), enumerable: true },
    title: { value: ctx.process.name, enumerable: true, writable: true },
    argv: { value: ['/usr/bin/node', `/home/learner/${settings.file ?? 'program.ts'}`], enumerable: true, writable: true },
    argv0: { value: 'node', enumerable: true },
    execArgv: { value: [], enumerable: true },
    execPath: { value: '/usr/bin/node', enumerable: true },
    env: { value: env, enumerable: true, writable: true },
    stdout: { value: stdout, enumerable: true },
    stderr: { value: stderr, enumerable: true },
    stdin: { value: stdin, enumerable: true },
    exitCode: {
      get: () => exitCode,
      set: (value: unknown) => {
        exitCode = value === undefined || value === null ? undefined : validateCode(value);
      },
      enumerable: true,
    },
    exit: { value: exit, enumerable: true },
    nextTick: { value: nextTick, enumerable: true },
    hrtime: { value: hrtime, enumerable: true },
    uptime: { value: () => (ctx.stack.clock.now - startedAt) / 1000, enumerable: true },
    cwd: { value: () => '/home/learner', enumerable: true },
    emitWarning: {
      value: (warning: unknown) => output?.write('stderr', `(node:${ctx.process.pid}) ${warning instanceof Error ? `${warning.name}: ${warning.message}` : `Warning: ${String(warning)}`}\n`),
      enumerable: true,
    },
  });

  return {
    process: proc,
    endOfWork(): void {
      if (exiting) return;
      exiting = true;
      const final = exitCode ?? 0;
      try {
        emit.call(proc, 'exit', final);
      } finally {
        exitProcess(final);
      }
    },
    handleUncaught(error: unknown): boolean {
      // Read through EventEmitter's own methods: the program may have replaced them on its object.
      try {
        if (listenerCount.call(proc, 'uncaughtException') === 0) return false;
        emit.call(proc, 'uncaughtException', error, 'uncaughtException');
        return true;
      } catch {
        return false; // a listener that throws: Node ends the process too
      }
    },
  };
}

/** `process.env`: as Node's, every value assigned becomes a string (`env.PORT = 8080` reads back '8080'). */
function environment(initial: Record<string, string>): Record<string, string> {
  return new Proxy(initial, {
    set(target, key, value) {
      if (typeof key === 'symbol') return false;
      target[key] = String(value);
      return true;
    },
    defineProperty(target, key, descriptor) {
      if (typeof key === 'symbol' || !('value' in descriptor)) return false;
      target[key] = String(descriptor.value);
      return true;
    },
  });
}

/** Node's validateInteger for exit codes (strings of digits are accepted, as Node does). */
function validateCode(code: unknown): number {
  const value = typeof code === 'string' && /^-?\d+$/.test(code) ? Number(code) : code;
  if (typeof value !== 'number') throw invalidArgType('code', 'of type number', code);
  if (!Number.isInteger(value)) throw nodeErrors.outOfRangeInteger('code', value);
  return value;
}
