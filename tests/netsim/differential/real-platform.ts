/** The reference platform: Node's own modules on this machine's loopback, programs as child processes. */
import { spawn } from 'node:child_process';
import * as dgram from 'node:dgram';
import * as dns from 'node:dns';
import { realpathSync } from 'node:fs';
import * as net from 'node:net';
import * as readline from 'node:readline';
import * as stream from 'node:stream';
import { fileURLToPath } from 'node:url';
import * as util from 'node:util';
import type { Platform, ProgramEnd, RunningProgram } from './platform';

const PROGRAM_CLI = fileURLToPath(new URL('./programs/program-cli.ts', import.meta.url));
/** The Node that runs vitest (≥ 22.18, so it strips types from program-cli.ts). */
const NODE = realpathSync(process.execPath);

/** Waits for `turns` turns of the event loop (each lets I/O callbacks already queued run). */
function turns(count: number): Promise<void> {
  return count === 0 ? Promise.resolve() : new Promise((resolve) => setImmediate(() => void turns(count - 1).then(resolve)));
}

/**
 * Loopback delivery in Linux happens inside the sending system call, so once a datagram we send to ourselves
 * has come back, every earlier loopback segment is already queued at its socket; two more turns of the loop
 * let Node run the callbacks for them.
 */
async function settle(): Promise<void> {
  const probe = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => probe.bind(0, '127.0.0.1', resolve));
  const echoed = new Promise<void>((resolve) => probe.once('message', () => resolve()));
  probe.send('settle', probe.address().port, '127.0.0.1');
  await echoed;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  await turns(3);
}

/**
 * Runs `command` (a program-cli.ts command line, possibly behind a namespace wrapper) and collects what it
 * writes. Its stdin is closed, so a program that reads stdin sees its end at once.
 */
export function childProgram(command: readonly string[]): RunningProgram {
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const ended = new Promise<ProgramEnd>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { ended: () => ended };
}

/** The command line that runs program `name` under this Node. */
export function programCommand(name: string, args: readonly string[]): string[] {
  return [NODE, '--no-warnings', PROGRAM_CLI, name, ...args];
}

export function realPlatform(): Platform {
  const started = performance.now();
  return {
    kind: 'node',
    net,
    dgram,
    stream,
    readline,
    dns,
    util,
    timers: {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      setImmediate: (callback) => setImmediate(callback),
    },
    settle,
    now: () => performance.now() - started,
    program: (name, args = []) => childProgram(programCommand(name, args)),
  };
}
