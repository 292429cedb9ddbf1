/**
 * A program's `console`, printing as Node's does: every call formats its arguments with
 * `util.formatWithOptions` (Node's own algorithm) and writes one line to stdout (`log`, `info`, `debug`,
 * `dir`, `table`-less) or stderr (`error`, `warn`, `trace`). Counters, timers (in virtual time) and groups
 * (indentation) behave as Node's.
 */
import { formatWithOptions, inspect } from '../node/libs';
import type { FaceContext } from './context';
import type { ProcessOutput } from './process';

export function defineConsole(ctx: FaceContext, output: ProcessOutput | undefined) {
  let indent = '';
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();

  const print = (stream: 'stdout' | 'stderr', text: string) => {
    if (ctx.process.exited) return;
    const shown = indent ? text.split('\n').map((line) => indent + line).join('\n') : text;
    output?.write(stream, `${shown}\n`);
  };
  const format = (args: unknown[]) => formatWithOptions({}, ...args);
  const toStdout = (...args: unknown[]) => print('stdout', format(args));
  const toStderr = (...args: unknown[]) => print('stderr', format(args));
  const label = (value: unknown) => (value === undefined ? 'default' : String(value));
  const elapsed = (name: string) => {
    const started = timers.get(name);
    if (started === undefined) {
      ctx.process.exited || output?.write('stderr', `(node:${ctx.process.pid}) Warning: No such label '${name}' for console.timeEnd()\n`);
      return undefined;
    }
    const ms = ctx.stack.clock.now - started;
    return ms >= 1000 ? `${(ms / 1000).toFixed(3)}s` : `${ms.toFixed(3)}ms`;
  };

  return Object.freeze({
    log: toStdout,
    info: toStdout,
    debug: toStdout,
    error: toStderr,
    warn: toStderr,
    trace: (...args: unknown[]) => print('stderr', `Trace${args.length ? `: ${format(args)}` : ''}`),
    dir: (value: unknown, options?: object) => print('stdout', inspect(value, { customInspect: false, ...options })),
    assert: (condition: unknown, ...args: unknown[]) => {
      if (!condition) print('stderr', `Assertion failed${args.length ? `: ${format(args)}` : ''}`);
    },
    count: (name?: unknown) => {
      const key = label(name);
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      print('stdout', `${key}: ${n}`);
    },
    countReset: (name?: unknown) => void counts.delete(label(name)),
    time: (name?: unknown) => void timers.set(label(name), ctx.stack.clock.now),
    timeEnd: (name?: unknown) => {
      const key = label(name);
      const shown = elapsed(key);
      timers.delete(key);
      if (shown !== undefined) print('stdout', `${key}: ${shown}`);
    },
    timeLog: (name?: unknown, ...args: unknown[]) => {
      const key = label(name);
      const shown = elapsed(key);
      if (shown !== undefined) print('stdout', `${key}: ${shown}${args.length ? ` ${format(args)}` : ''}`);
    },
    group: (...args: unknown[]) => {
      if (args.length) toStdout(...args);
      indent += '  ';
    },
    groupEnd: () => {
      indent = indent.slice(0, -2);
    },
  });
}
