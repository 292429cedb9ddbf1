#!/usr/bin/env node
/**
 * Generates the type declarations learners get in the editor (src/generated/learner-types.d.ts) from the
 * netsim face sources, with the TypeScript 6 compiler API: `import net from 'node:net'` autocompletes
 * createServer with its doc comment. Never edit the output by hand; run `node scripts/gen-learner-types.mjs`
 * (or with `--out <file>`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const netsim = join(root, 'src/lib/netsim');
const outArg = process.argv.indexOf('--out');
const outFile = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'src/generated/learner-types.d.ts');

const entries = ['faces/net.ts', 'faces/dgram.ts', 'faces/events.ts', 'faces/buffer.ts', 'faces/timers.ts'].map((f) => join(netsim, f));
const options = {
  declaration: true,
  emitDeclarationOnly: true,
  stripInternal: true,
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: [],
  strict: true,
  skipLibCheck: true,
};
const emitted = new Map();
const program = ts.createProgram(entries, options);
const result = program.emit(undefined, (fileName, text) => emitted.set(fileName, text));
const errors = ts.getPreEmitDiagnostics(program).concat(result.diagnostics).filter((d) => d.category === ts.DiagnosticCategory.Error);
if (errors.length) {
  console.error(ts.formatDiagnosticsWithColorAndContext(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' }));
  process.exit(1);
}

/** `…/src/lib/netsim/faces/net.d.ts` → `netsim/faces/net`. */
const moduleName = (file) => `netsim/${relative(netsim, file).replace(/\\/g, '/').replace(/\.d\.ts$/, '')}`;

const blocks = [];
for (const [file, text] of [...emitted].sort(([a], [b]) => a.localeCompare(b))) {
  const name = moduleName(file);
  const body = text
    .replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\2/g, (_m, lead, quote, spec) => `${lead}${quote}${moduleName(join(dirname(file), `${spec}.d.ts`))}${quote}`)
    .replace(/^(export )?declare /gm, '$1')
    .replace(/^\/\/# sourceMappingURL.*$/gm, '')
    // Node's Buffer.from(string, encoding) differs from Uint8Array.from, as in @types/node: keep the source's waiver.
    .replace(/^(export class Buffer extends Uint8Array)/m, '// @ts-ignore -- Buffer.from differs from Uint8Array.from, as in Node\n$1')
    .trim();
  blocks.push(`declare module '${name}' {\n${indent(body)}\n}`);
}

function indent(text) {
  return text.split('\n').map((line) => (line ? `  ${line}` : line)).join('\n');
}

const facade = (names, body) => names.map((name) => `declare module '${name}' {\n${indent(body)}\n}`).join('\n\n');

const net = `import type { NetApi } from 'netsim/faces/net';
export { Server, Socket } from 'netsim/faces/net';
export type { AddressInfo, DropArgument, ListenOptions, ServerOpts, SocketConstructorOpts, TcpSocketConnectOpts } from 'netsim/faces/net';
const net: NetApi;
export default net;
export const createServer: NetApi['createServer'];
export const connect: NetApi['connect'];
export const createConnection: NetApi['createConnection'];
export const isIP: NetApi['isIP'];
export const isIPv4: NetApi['isIPv4'];
export const isIPv6: NetApi['isIPv6'];`;

const dgram = `import type { DgramApi } from 'netsim/faces/dgram';
export { DgramSocket as Socket } from 'netsim/faces/dgram';
export type { BindOptions, RemoteInfo, SocketOptions } from 'netsim/faces/dgram';
const dgram: DgramApi;
export default dgram;
export const createSocket: DgramApi['createSocket'];`;

const events = `import { EventEmitter } from 'netsim/faces/events';
export { EventEmitter, once } from 'netsim/faces/events';
export default EventEmitter;`;

const timersPromises = `import type { TimersPromises } from 'netsim/faces/timers';
export const setTimeout: TimersPromises['setTimeout'];
export const setImmediate: TimersPromises['setImmediate'];
export const scheduler: TimersPromises['scheduler'];`;

const timers = `import type { ProcessTimers } from 'netsim/faces/timers';
export const setTimeout: ProcessTimers['setTimeout'];
export const clearTimeout: ProcessTimers['clearTimeout'];
export const setInterval: ProcessTimers['setInterval'];
export const clearInterval: ProcessTimers['clearInterval'];
export const setImmediate: ProcessTimers['setImmediate'];
export const clearImmediate: ProcessTimers['clearImmediate'];`;

const buffer = `export { Buffer } from 'netsim/faces/buffer';
export type { BufferEncoding } from 'netsim/faces/buffer';`;

/**
 * The globals a program gets besides its imports (src/lib/runner/program.ts gives them): console, the timers in
 * virtual time, a small \`process\`, and Node's \`NodeJS.ErrnoException\` for typing an 'error' handler.
 */
const programGlobals = `/** Prints to the run's console, as Node's console does. */
declare const console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  debug(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  trace(...data: unknown[]): void;
  dir(value: unknown): void;
};
declare const setTimeout: typeof import('node:timers').setTimeout;
declare const clearTimeout: typeof import('node:timers').clearTimeout;
declare const setInterval: typeof import('node:timers').setInterval;
declare const clearInterval: typeof import('node:timers').clearInterval;
declare const setImmediate: typeof import('node:timers').setImmediate;
declare const clearImmediate: typeof import('node:timers').clearImmediate;
/** The running program, as far as it makes sense on an emulated host. */
declare const process: {
  readonly pid: number;
  readonly platform: 'linux';
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Ends the program; the kernel closes its sockets. */
  exit(code?: number): never;
  nextTick(callback: (...args: unknown[]) => void, ...args: unknown[]): void;
};
declare namespace NodeJS {
  /** A system error as Node reports it: \`code\` such as 'ECONNREFUSED', \`errno\`, \`syscall\`, \`address\`, \`port\`. */
  interface ErrnoException extends Error {
    errno?: number;
    code?: string;
    path?: string;
    syscall?: string;
    address?: string;
    port?: number;
  }
}`;

const output = `// Generated by scripts/gen-learner-types.mjs from src/lib/netsim/faces: do not edit by hand.
// The modules a learner's program can import, as netsim implements them.

${blocks.join('\n\n')}

${facade(['node:net', 'net'], net)}

${facade(['node:dgram', 'dgram'], dgram)}

${facade(['node:events', 'events'], events)}

${facade(['node:timers/promises', 'timers/promises'], timersPromises)}

${facade(['node:timers', 'timers'], timers)}

${facade(['node:buffer', 'buffer'], buffer)}

/** Bytes, as Node's Buffer (netsim's minimal version). */
declare const Buffer: typeof import('netsim/faces/buffer').Buffer;
type Buffer = import('netsim/faces/buffer').Buffer;

${programGlobals}
`;

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, output);
console.log(`wrote ${relative(root, outFile)} (${output.length} characters, ${emitted.size} netsim modules)`);
