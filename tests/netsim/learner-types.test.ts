import { beforeAll, describe, expect, it } from 'vitest';
import { generateLearnerTypes, typeProblems } from '../support/learner-types';

let declarations = '';

beforeAll(() => {
  declarations = generateLearnerTypes();
}, 120_000);

/** Type-checks one learner file as the editor does: against the generated declarations only. */
const diagnose = (source: string) => typeProblems(declarations, source, 'learner.ts');

describe('the generated learner types', () => {
  it('type-check a learner program written for real Node', () => {
    const problems = diagnose(`
      import net from 'node:net';
      import dgram from 'node:dgram';
      import { EventEmitter, once } from 'node:events';
      import { setTimeout as sleep } from 'node:timers/promises';
      const server = net.createServer((socket) => {
        socket.setEncoding('utf8');
        socket.on('data', (chunk) => socket.write(String(chunk).toUpperCase()));
        socket.on('end', () => socket.end());
      });
      server.listen(80, '0.0.0.0', () => console.log(server.address()));
      const udp = dgram.createSocket('udp4');
      udp.on('message', (msg, rinfo) => console.log(msg.toString(), rinfo.address, rinfo.port));
      udp.bind(53);
      async function main() {
        const client = net.connect({ port: 80, host: 'web' });
        await once(client, 'connect');
        client.write(Buffer.from('hi'));
        await sleep(10);
        client.end();
      }
      void main();
      new EventEmitter().emit('x');
    `);
    expect(problems).toEqual([]);
  }, 120_000);

  it('reject a wrong call', () => {
    const problems = diagnose(`import net from 'node:net'; net.createServer(42);`);
    expect(problems.join('\n')).toContain('42');
  }, 120_000);

  it('carry the doc comments learners see on hover', () => {
    expect(declarations).toContain('Creates a TCP server.');
    expect(declarations).toContain("`'data'`: bytes arrived, as a Buffer");
  });
});

/** A learner program with a server socket `socket`, a server `server` and a UDP socket `udp` in scope. */
const withSockets = (body: string) => `
  import net from 'node:net';
  import dgram from 'node:dgram';
  const server = net.createServer();
  const udp = dgram.createSocket('udp4');
  server.on('connection', (socket) => {
    ${body}
  });
`;

describe('the listeners of the standard socket events', () => {
  it.each([
    ['a net.Socket', `socket.on('data', (chunk) => chunk.toString('hex'));`],
    ['a net.Socket', `socket.on('data', (chunk) => { const bytes: Buffer = chunk; socket.write(bytes); });`],
    ['a net.Socket', `socket.on('error', (err) => console.log(err.code, err.errno, err.syscall, err.address, err.port, err.message));`],
    ['a net.Socket', `socket.on('error', (err: NodeJS.ErrnoException) => err.code);`],
    ['a net.Socket', `socket.once('close', (hadError) => { const b: boolean = hadError; });`],
    ['a net.Socket', `socket.on('lookup', (err, address, family, host) => console.log(err?.message, address.length, family + 1, host.length));`],
    ['a net.Server', `server.on('connection', (s) => { const port: number | undefined = s.remotePort; });`],
    ['a net.Server', `server.on('drop', (data) => data?.remoteAddress);`],
    ['a dgram.Socket', `udp.on('message', (msg, rinfo) => { const b: Buffer = msg; const from: string = rinfo.address; return rinfo.port + rinfo.size; });`],
    ['a dgram.Socket', `udp.on('error', (err) => err.code);`],
    ['any emitter', `socket.on('my-event', (a, b, c) => [a, b, c]); server.on(Symbol.iterator, () => 1); udp.emit('custom', 1);`],
  ])('on %s type-check: %s', (_on, body) => {
    expect(diagnose(withSockets(body))).toEqual([]);
  }, 60_000);

  it.each(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'])("give a %s('data') listener its chunk as a Buffer", (method) => {
    const problems = diagnose(withSockets(`socket.${method}('data', (chunk) => { const n: number = chunk; });`)).join('\n');
    expect(problems).toContain("Type 'Buffer' is not assignable to type 'number'");
  }, 60_000);

  it.each([
    ['a Buffer chunk has no made-up member', `socket.on('data', (chunk) => chunk.nosuch);`, "Property 'nosuch' does not exist on type 'Buffer'"],
    ["an 'error' is no number", `socket.on('error', (err) => { const n: number = err; });`, "Type 'ErrnoException' is not assignable to type 'number'"],
    ["'close' gives a boolean", `socket.on('close', (hadError) => { const s: string = hadError; });`, "Type 'boolean' is not assignable to type 'string'"],
    ["'connection' gives a Socket", `server.on('connection', (s) => s.nosuch);`, "Property 'nosuch' does not exist on type 'Socket'"],
    ["'message' gives rinfo", `udp.on('message', (msg, rinfo) => rinfo.nosuch);`, "Property 'nosuch' does not exist on type 'RemoteInfo'"],
  ])('reject a wrong use: %s', (_case, body, message) => {
    expect(diagnose(withSockets(body)).join('\n')).toContain(message);
  }, 60_000);

  // As with @types/node, the final general overload takes any event name: a misspelt name compiles and its
  // listener's arguments are `any` (on hover: `chunk: any`, and the general overload's doc says so).
  it('let a misspelt event through the general overload, with untyped arguments', () => {
    const problems = diagnose(withSockets(`socket.on('dtaa', (chunk, extra) => { const n: number = chunk; const s: string = extra; });`));
    expect(problems).toEqual([]);
  }, 60_000);

  // A correctly spelt event with a listener that does not fit also ends on the general overload, as in
  // @types/node: annotated parameters pass (e.g. `(text: string)` after setEncoding); unannotated extra ones are
  // implicit `any` errors under strict.
  it('let a listener that does not fit a standard event through only with annotated parameters', () => {
    expect(diagnose(withSockets(`socket.setEncoding('utf8'); socket.on('data', (text: string) => text.toUpperCase());`))).toEqual([]);
    const problems = diagnose(withSockets(`socket.on('close', (hadError, extra) => extra);`)).join('\n');
    expect(problems).toContain("Parameter 'extra' implicitly has an 'any' type");
  }, 60_000);
});
