/**
 * Runs one compiled program on a netsim process: its `require`, `console`, `process`, timers and `Buffer`
 * are that process's own (netsim's modules); the dangerous globals are shadowed with `undefined`; what it
 * prints goes to a `ProgramSink`, and an error it does not handle ends its process.
 */
import type { NetProcess } from '../netsim/api';
import { MODULE_NAMES } from '../netsim/index';
import { inspect } from '../netsim/node/libs';
import type { RunError } from './protocol';
import { PROGRAM_SCOPE, PROGRAM_SLOT, type ProgramScopeName } from './transpile';

/** Where a program's failures go (the run collects them into the RunRecord). */
export interface ProgramSink {
  /** An error the program did not handle: thrown at top level, from a callback, or a rejected promise. */
  crash(error: unknown): void;
}

export type ProgramStart = (...scope: unknown[]) => Promise<unknown>;

/** The sentence a program gets for a module the emulator does not offer. */
export function moduleNotFound(name: string): Error {
  const offered = MODULE_NAMES.map((m) => `node:${m}`);
  const error = new Error(
    `Cannot find module '${name}': a program here can import only Node's built-in modules ${offered.slice(0, -1).join(', ')} and ${offered[offered.length - 1]}.`,
  );
  (error as Error & { code: string }).code = 'MODULE_NOT_FOUND';
  return error;
}

/**
 * Builds the program's scope and calls `start` (the evaluated program) as its process; resolves when its
 * top-level code has finished (not its callbacks). Every program is evaluated before any starts, so a
 * running program cannot swap another's function.
 */
export function startProgram(start: ProgramStart, process: NetProcess, sink: ProgramSink): Promise<void> {
  const scope = programScope(process);
  const args = PROGRAM_SCOPE.map((name) => scope[name]);
  let running: Promise<unknown>;
  try {
    running = process.enter(() => start(...args));
  } catch (error) {
    sink.crash(error);
    return Promise.resolve();
  }
  return running.then(
    () => undefined,
    (error: unknown) => sink.crash(error),
  );
}

/**
 * Evaluates a compiled program into its function, without running it. In a worker the script is loaded
 * with `importScripts(blob:)` (the sandbox's CSP allows blob: scripts and forbids eval); elsewhere (Node,
 * tests) by indirect eval. Either way the script sees only the global scope and its own parameters.
 */
export function evaluateGlobally(script: string): unknown {
  const global = globalThis as unknown as Record<string, unknown> & { importScripts?: (url: string) => void };
  if (typeof global.importScripts === 'function' && typeof Blob === 'function' && typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
    try {
      global.importScripts(url);
    } finally {
      URL.revokeObjectURL(url);
    }
  } else {
    (0, eval)(script);
  }
  const start = global[PROGRAM_SLOT];
  delete global[PROGRAM_SLOT];
  if (typeof start !== 'function') throw new Error('the compiled program did not evaluate to a function');
  return start;
}

function programScope(process: NetProcess): Partial<Record<ProgramScopeName, unknown>> {
  const modules = process.modules;
  const require = (name: unknown): unknown => {
    const key = String(name);
    const bare = key.startsWith('node:') ? key.slice(5) : key;
    if (Object.prototype.hasOwnProperty.call(modules, bare)) return modules[bare];
    throw moduleNotFound(key);
  };
  const timers = process.timers;
  const bufferModule = modules['buffer'] as { Buffer?: unknown } | undefined;
  const scope: Partial<Record<ProgramScopeName, unknown>> = {
    require,
    module: { exports: {} },
    exports: {},
    console: modules['console'],
    process: modules['process'],
    Buffer: bufferModule?.Buffer,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    setInterval: timers.setInterval,
    clearInterval: timers.clearInterval,
    setImmediate: timers.setImmediate,
    clearImmediate: timers.clearImmediate,
  };
  // `globalThis` inside a program is its own scope object, not the worker's global.
  scope.globalThis = Object.freeze({ ...scope, require: undefined, module: undefined, exports: undefined });
  return scope;
}

/** A thrown value as the record shows it, whatever was thrown (`throw 'oops'` included). */
export function describeThrown(value: unknown): Pick<RunError, 'message' | 'name'> & { stack?: string } {
  if (value instanceof Error) {
    const code = (value as Error & { code?: unknown }).code;
    return { message: value.message, name: typeof code === 'string' ? code : value.name, ...(value.stack ? { stack: value.stack } : {}) };
  }
  if (typeof value === 'object' && value !== null) {
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string') return { message, name: 'Uncaught' };
  }
  return { message: `Uncaught ${inspect(value)}`, name: 'Uncaught' };
}
