/**
 * Runs one program of programs/index.ts as a real Node process:
 *   node program-cli.ts <program name> [args…]
 * The program sees `argv` as `node <its file> args…` would. Run with Node ≥ 22.18 (type stripping), which is
 * why every relative import in programs/ keeps its `.ts` extension and nothing else is imported at run time.
 */
import * as buffer from 'node:buffer';
import * as dgram from 'node:dgram';
import * as dns from 'node:dns';
import * as net from 'node:net';
import * as os from 'node:os';
import * as readline from 'node:readline';
import * as stream from 'node:stream';
import * as timers from 'node:timers';
import * as util from 'node:util';
import { programs } from './index.ts';
import type { ProgramModules } from './types.ts';

const [name, ...args] = process.argv.slice(2);
const program = name === undefined ? undefined : programs[name as keyof typeof programs];
if (program === undefined) {
  process.stderr.write(`usage: node program-cli.ts <${Object.keys(programs).join('|')}> [args…]\n`);
  process.exit(2);
}
// What the program's own `process.argv` shows: `node`, its file, then its arguments.
process.argv.splice(2, 1);

const modules: ProgramModules = { net, dgram, stream, readline, os, dns, util, buffer, timers, process };
// Not awaited: like a module's top level, a pending promise does not keep the process alive, and a rejected
// one is an unhandled rejection (the process prints it and exits with code 1).
void program(modules, args);
