/**
 * The checks against records of real runs (netsim + runner), each passing and failing, and the
 * misconception detectors recognising real wrong programs.
 */
import { describe, expect, it } from 'vitest';
import type { Check, MisconceptionKind } from '../../src/lib/grader/checks';
import { gradeOne } from '../../src/lib/grader/grade';
import type { ProgramSource } from '../../src/lib/runner/protocol';
import { lines, program, run } from '../runner/helpers';

const net = "import net from 'node:net';";
const server = (listen: string, handler = "socket.on('data', (d) => socket.write(d));", options = '') =>
  program('server.ts', lines(net, `const server = net.createServer(${options}(socket) => { ${handler} socket.on('error', () => undefined); });`, `server.listen(${listen});`));
const client = (connect: string, body = "socket.write('hello');", role: ProgramSource['role'] = 'learner', file = 'client.ts') =>
  program(file, lines(net, `const socket = net.connect(${connect}, () => { ${body} });`, "socket.on('data', (d) => { console.log('reply:', d.toString()); socket.end(); });", "socket.on('error', (e) => console.log('error:', e.code));"), 'laptop', role);
const clients = (n: number) =>
  program('clients.ts', lines(net, `for (let i = 1; i <= ${n}; i++) {`, "  const s = net.connect(7, 'web', () => s.write(`hello ${i}`));", "  s.on('data', () => s.end());", "  s.on('error', () => undefined);", '}'), 'laptop', 'driver');

const title = 'check';
const detectors = (...kinds: MisconceptionKind[]) => kinds.map((kind) => ({ kind }));
const listening7: Check = { id: 'l', title, kind: 'listening', host: 'web', port: 7, misconceptions: detectors('listened-on-loopback-only', 'wrong-port') };
const connection7: Check = { id: 'c', title, kind: 'connection', client: { host: 'laptop' }, server: { host: 'web', port: 7 }, misconceptions: detectors('wrong-port', 'connected-to-wrong-host') };
const pairs: Check = { id: 'p', title, kind: 'distinct-pairs', server: { host: 'web', port: 7 }, atLeast: 3 };
const ephemeral: Check = { id: 'e', title, kind: 'ephemeral-client-port', client: { host: 'laptop' }, server: { host: 'web', port: 7 }, misconceptions: detectors('client-bound-server-port') };
const echoed: Check = { id: 'b', title, kind: 'bytes-delivered', to: { host: 'laptop', role: 'connector', peerPort: 7 }, text: 'hello', every: true, misconceptions: detectors('forgot-to-write', 'forgot-to-end') };
const ended: Check = { id: 'x', title, kind: 'bytes-delivered', to: { host: 'laptop', role: 'connector' }, text: 'bye', misconceptions: detectors('forgot-to-end') };
const refusedHandled: Check = { id: 'h', title, kind: 'error-handled', host: 'laptop', code: 'ECONNREFUSED', misconceptions: detectors('unhandled-error') };
const printed: Check = { id: 'o', title, kind: 'console-includes', file: 'client.ts', text: 'reply: hello' };
const clean: Check = { id: 'r', title, kind: 'ran-without-error' };

interface Case {
  name: string;
  programs: ProgramSource[];
  check: Check;
  passed: boolean;
  misconception?: MisconceptionKind;
}

const cases: Case[] = [
  { name: 'a server on every address', programs: [server('7')], check: listening7, passed: true },
  { name: 'a server on loopback only', programs: [server("7, '127.0.0.1'")], check: listening7, passed: false, misconception: 'listened-on-loopback-only' },
  { name: 'a server on port 8080', programs: [server('8080')], check: listening7, passed: false, misconception: 'wrong-port' },
  {
    name: 'a UDP server bound to port 7',
    programs: [program('server.ts', lines("import dgram from 'node:dgram';", "dgram.createSocket('udp4').bind(7);"))],
    check: { ...listening7, protocol: 'udp' },
    passed: true,
  },
  { name: 'a TCP server where UDP was asked for', programs: [server('7')], check: { ...listening7, protocol: 'udp' }, passed: false },
  { name: 'a client that reaches the server by name', programs: [server('7'), client("7, 'web'")], check: connection7, passed: true },
  { name: 'a client that connects to its own loopback', programs: [server('7'), client("7, '127.0.0.1'")], check: connection7, passed: false, misconception: 'connected-to-wrong-host' },
  { name: 'a client that connects to port 8080', programs: [server('7'), client("8080, 'web'")], check: connection7, passed: false, misconception: 'wrong-port' },
  { name: 'three clients at once', programs: [server('7'), clients(3)], check: pairs, passed: true },
  { name: 'two clients only', programs: [server('7'), clients(2)], check: pairs, passed: false },
  { name: 'a client on an ephemeral port', programs: [server('7'), client("7, 'web'")], check: ephemeral, passed: true },
  { name: 'a client that binds port 7 itself', programs: [server('7'), client("{ host: 'web', port: 7, localPort: 7 }")], check: ephemeral, passed: false, misconception: 'client-bound-server-port' },
  {
    name: "a user's client that asks for port 7 itself (EACCES)",
    programs: [server('7'), { ...client("{ host: 'web', port: 7, localPort: 7 }"), runAs: 'user' }],
    check: ephemeral,
    passed: false,
    misconception: 'client-bound-server-port',
  },
  { name: 'an echo server', programs: [server('7'), clients(3)], check: echoed, passed: true },
  { name: 'a server that never writes back', programs: [server('7', "socket.on('data', () => undefined);"), clients(3)], check: echoed, passed: false, misconception: 'forgot-to-write' },
  {
    name: 'a half-open server that never ends its side',
    programs: [server('7', "socket.on('data', () => socket.write('hi')); socket.on('end', () => undefined);", '{ allowHalfOpen: true }, '), client("7, 'web'", "socket.end('hello');")],
    check: ended,
    passed: false,
    misconception: 'forgot-to-end',
  },
  { name: 'a refused client with an error listener', programs: [client("7, 'web'")], check: refusedHandled, passed: true },
  {
    name: 'a refused client with no error listener',
    programs: [program('client.ts', lines(net, "net.connect(7, 'web');"), 'laptop')],
    check: refusedHandled,
    passed: false,
    misconception: 'unhandled-error',
  },
  { name: 'a client that prints the reply', programs: [server('7'), client("7, 'web'")], check: printed, passed: true },
  { name: 'a client that gets no reply to print', programs: [server('7', "socket.on('data', () => undefined);"), client("7, 'web'")], check: printed, passed: false },
  { name: 'a program that runs cleanly', programs: [server('7')], check: clean, passed: true },
  { name: 'a program that throws', programs: [program('server.ts', "throw new Error('no');")], check: clean, passed: false },
];

describe('checks on real runs', () => {
  it.each(cases)('$check.kind — $name', async ({ programs, check, passed, misconception }) => {
    const { record } = await run(programs);
    const result = gradeOne(record, check);
    expect({ passed: result.passed, misconception: result.misconception }, result.message).toEqual({ passed, misconception });
  });
});
