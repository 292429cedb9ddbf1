/**
 * Runs one compiled program on a netsim process: its `require`, console, timers, `Buffer` and `process`
 * come from the process; the dangerous globals are shadowed with `undefined`; what it prints and how it
 * fails goes to a `ProgramSink`.
 */
import type { NetProcess } from '../netsim/api';
import type { RunError } from './protocol';
import { formatArgs } from './console-format';
import { PROGRAM_SCOPE, PROGRAM_SLOT, type ProgramScopeName } from './transpile';

export const AVAILABLE_MODULES = ['node:net', 'node:dgram', 'node:events', 'node:timers', 'node:timers/promises', 'node:buffer'] as const;

/** Where a program's output and failures go (the run collects them into the RunRecord). */
export interface ProgramSink {
  print(stream: 'log' | 'error', text: string): void;
  /** An error the program did not handle: thrown at top level, from a callback, or a rejected promise. */
  crash(error: unknown): void;
}

export type ProgramStart = (...scope: unknown[]) => Promise<unknown>;

/**
 * Builds the program's scope and calls `start` (the evaluated program); resolves when its top-level code
 * has finished (not its callbacks). Every program is evaluated before any starts, so a running program
 * cannot swap another's function.
 */
export function startProgram(file: string, start: ProgramStart, process: NetProcess, sink: ProgramSink): Promise<void> {
  const scope = programScope(file, process, sink);
  const args = PROGRAM_SCOPE.map((name) => scope[name]);
  let running: Promise<unknown>;
  try {
    running = start(...args);
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

function programScope(file: string, process: NetProcess, sink: ProgramSink): Partial<Record<ProgramScopeName, unknown>> {
  const modules = process.modules;
  const require = (name: unknown): unknown => {
    const key = String(name);
    if (Object.prototype.hasOwnProperty.call(modules, key)) return modules[key];
    const bare = key.startsWith('node:') ? key.slice(5) : key;
    if (Object.prototype.hasOwnProperty.call(modules, `node:${bare}`)) return modules[`node:${bare}`];
    const error = new Error(
      `Cannot find module '${key}': only ${AVAILABLE_MODULES.slice(0, -1).join(', ')} and ${AVAILABLE_MODULES[AVAILABLE_MODULES.length - 1]} are available here.`,
    );
    (error as Error & { code: string }).code = 'MODULE_NOT_FOUND';
    throw error;
  };
  const print = (stream: 'log' | 'error') => (...args: unknown[]) => sink.print(stream, formatArgs(args));
  const console = Object.freeze({
    log: print('log'),
    info: print('log'),
    debug: print('log'),
    warn: print('error'),
    error: print('error'),
    trace: print('error'),
    dir: (value: unknown) => sink.print('log', formatArgs([value])),
  });
  const timers = process.timers;
  const bufferModule = modules['node:buffer'] as { Buffer?: unknown } | undefined;
  const programProcess = Object.freeze({
    pid: process.pid,
    platform: 'linux',
    argv: Object.freeze(['node', `/home/learner/${file}`]),
    env: Object.freeze({}),
    exit: () => process.exit(),
    nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => callback(...args)),
  });
  const scope: Partial<Record<ProgramScopeName, unknown>> = {
    require,
    module: { exports: {} },
    exports: {},
    console,
    process: programProcess,
    Buffer: bufferModule?.Buffer,
    setTimeout: timers.setTimeout.bind(timers),
    clearTimeout: timers.clearTimeout.bind(timers),
    setInterval: timers.setInterval.bind(timers),
    clearInterval: timers.clearInterval.bind(timers),
    setImmediate: timers.setImmediate.bind(timers),
    clearImmediate: timers.clearImmediate.bind(timers),
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
  return { message: `Uncaught ${formatArgs([typeof value === 'string' ? `'${value}'` : value])}`, name: 'Uncaught' };
}
