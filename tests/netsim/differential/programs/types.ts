/**
 * A separate program, as a learner writes one in its own file: a function of the Node modules it imports
 * and its command-line arguments. It runs as its own process: on real Node a child `node` (program-cli.ts),
 * on netsim a process spawned on the host (`network.spawn`) whose `modules` it gets.
 *
 * A program reaches the world only through `node`: no global timers, no global `process`, no `Buffer` global,
 * no imports at run time (real Node runs these files with type stripping, and on netsim the program's
 * globals would be the test runner's). `Promise` and `queueMicrotask` are the language's own and fine.
 */
import type * as NodeBuffer from 'node:buffer';
import type * as NodeDgram from 'node:dgram';
import type * as NodeDns from 'node:dns';
import type * as NodeNet from 'node:net';
import type * as NodeOs from 'node:os';
import type * as NodeReadline from 'node:readline';
import type * as NodeStream from 'node:stream';
import type * as NodeTimers from 'node:timers';
import type * as NodeUtil from 'node:util';

export interface ProgramModules {
  readonly net: typeof NodeNet;
  readonly dgram: typeof NodeDgram;
  readonly stream: typeof NodeStream;
  readonly readline: typeof NodeReadline;
  readonly os: typeof NodeOs;
  readonly dns: typeof NodeDns;
  readonly util: typeof NodeUtil;
  readonly buffer: typeof NodeBuffer;
  readonly timers: typeof NodeTimers;
  /** `import process from 'node:process'`: the program's own process. */
  readonly process: NodeJS.Process;
}

/** The program's body; it may return a promise (top-level await), which the process does not wait on to exit. */
export type Program = (node: ProgramModules, args: readonly string[]) => void | Promise<void>;
