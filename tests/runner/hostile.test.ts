/**
 * Learner code that attacks the runner, after `lockdown()`, as the worker runs it. This file freezes the
 * intrinsics of its own test process (vitest runs each file in its own), which is the point: netsim, the
 * runner and the grader must keep working in a locked-down realm.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { grade } from '../../src/lib/grader/grade';
import type { Check } from '../../src/lib/grader/checks';
import { sharedLibraries } from '../../src/lib/netsim/index';
import { hardenLibraries, lockdown } from '../../src/lib/runner/lockdown';
import { PROTOCOL_VERSION, type RunnerEvent, type RunRecord } from '../../src/lib/runner/protocol';
import { hardenHost, serve } from '../../src/lib/runner/worker-entry';
import { lines, program, request, run } from './helpers';

beforeAll(() => {
  hardenHost();
  // vitest swaps setTimeout & co. between tests, so the host globals stay writable here (the worker locks them).
  lockdown({ hostGlobals: false });
  hardenLibraries(sharedLibraries());
});

const echoServer = program(
  'server.ts',
  lines("import net from 'node:net';", "net.createServer((socket) => socket.on('data', (d) => socket.write(d))).listen(7);"),
);
const echoClient = program(
  'client.ts',
  lines(
    "import net from 'node:net';",
    "const socket = net.connect(7, 'web', () => socket.write('ping'));",
    "socket.on('data', (d) => { console.log('echo', d.toString()); socket.end(); });",
  ),
  'laptop',
  'driver',
);
const listening7: Check = { id: 'l', title: 'listens', kind: 'listening', host: 'web', port: 7 };

describe('after lockdown', () => {
  it('the intrinsics are frozen', () => {
    expect(Object.isFrozen(Array.prototype)).toBe(true);
    expect(Object.isFrozen(JSON)).toBe(true);
    expect(Object.isFrozen(Promise.prototype)).toBe(true);
    expect(Object.isFrozen(Object.getPrototypeOf(async () => undefined))).toBe(true);
  });

  it('netsim, the runner and the grader still work', async () => {
    const { record } = await run([echoServer, echoClient]);
    expect(record.outcome).toBe('finished');
    expect(record.console.map((l) => l.text)).toEqual(['echo ping']);
    expect(grade(record, [listening7])[0]!.passed).toBe(true);
  });

  it('ordinary code that overrides inherited properties on its own objects still works', async () => {
    const source = lines(
      'class NotFound extends Error {',
      "  constructor() { super('missing'); this.name = 'NotFound'; }",
      '}',
      "const o = { toString() { return 'custom'; } };",
      'const p = Object.create({ greet: 1 }); p.greet = 2;',
      'const e = new NotFound();',
      'e.message = "changed";',
      'console.log(e.name, e.message, String(o), p.greet);',
    );
    const { record } = await run([program('server.ts', source)]);
    expect(record.outcome).toBe('finished');
    expect(record.console[0]!.text).toBe('NotFound changed custom 2');
  });

  it("a program can still give its own sockets, servers and emitters their own methods (socket.emit = logged)", async () => {
    const source = lines(
      "import net from 'node:net';",
      "import dgram from 'node:dgram';",
      "import { EventEmitter } from 'node:events';",
      "import { PassThrough } from 'node:stream';",
      'const seen: string[] = [];',
      'const server = net.createServer((socket) => {',
      '  const emit = socket.emit;',
      '  socket.emit = function (this: net.Socket, name: string | symbol, ...args: unknown[]) { seen.push(String(name)); return emit.call(this, name, ...args); } as typeof socket.emit;',
      "  socket.write = ((chunk: string) => { seen.push('write ' + chunk); return true; }) as typeof socket.write;",
      "  socket.on('data', (d) => { socket.write(String(d)); socket.end(); });",
      '});',
      "server.listen = server.listen.bind(server); server.listen(7, () => {",
      "  const client = net.connect(7, '127.0.0.1', () => client.end('hi'));",
      "  client.on('close', () => { server.close(); console.log(seen.filter((n) => n === 'data' || n.startsWith('write')).join(',')); });",
      '});',
      "const udp = dgram.createSocket('udp4'); udp.emit = () => true; udp.close();",
      "const emitter = new EventEmitter(); emitter.on = () => emitter; const pass = new PassThrough(); pass.write = () => true;",
      "const text = Buffer.from('x'); (text as { toString: () => string }).toString = () => 'own';",
      "console.log(String(text), pass.write('a'));",
    );
    const { record } = await run([program('server.ts', source)]);
    expect(record.outcome).toBe('finished');
    expect(record.console.map((l) => l.text)).toEqual(['own true', 'data,write hi']);
  });

  it('setEncoding still works: string_decoder puts its decoding functions on each decoder it makes', async () => {
    const server = program(
      'server.ts',
      lines("import net from 'node:net';", "net.createServer((socket) => { socket.setEncoding('utf8'); socket.on('data', (text: string) => socket.write(text.toUpperCase())); }).listen(7);"),
    );
    const client = program(
      'client.ts',
      lines(
        "import net from 'node:net';",
        "import { StringDecoder } from 'node:string_decoder';",
        "const socket = net.connect(7, 'web', () => socket.write('héllo'));",
        "socket.setEncoding('utf8');",
        "socket.on('data', (text: string) => { console.log(text, new StringDecoder('base64').end(Buffer.from('hi'))); socket.end(); });",
      ),
      'laptop',
    );
    const { record } = await run([server, client]);
    expect({ outcome: record.outcome, lines: record.console.map((l) => l.text) }).toEqual({ outcome: 'finished', lines: ['HÉLLO aGk='] });
  });
});

describe('a hostile program is contained', () => {
  it.each([
    ['replace Array.prototype.push', 'Array.prototype.push = function () { return 0; };'],
    ['replace JSON.stringify', 'JSON.stringify = () => "{}";'],
    ['replace Promise.prototype.then', 'Promise.prototype.then = function () { return this; };'],
    ['add a getter to Object.prototype', "Object.defineProperty(Object.prototype, 'outcome', { get: () => 'finished' });"],
    ['redefine the global JSON', "Function('return this')().JSON = { stringify: () => '{}', parse: () => ({}) };"],
    ['freeze-break Array.prototype through __proto__', '[].__proto__.map = () => [];'],
  ])('%s: it throws, and the run still builds a true record', async (_name, attack) => {
    const source = lines("import net from 'node:net';", "net.createServer(() => undefined).listen(8080);", attack, "console.log('attack succeeded');");
    const { record } = await run([program('server.ts', source), echoClient]);
    expect(record.outcome).toBe('threw');
    expect(record.error).toMatchObject({ file: 'server.ts', line: 3 });
    expect(record.console.map((l) => l.text)).not.toContain('attack succeeded');
    // What the network saw is still what happened: nothing listens on 7, the client was refused.
    expect(grade(record, [listening7])[0]!.passed).toBe(false);
    expect(record.errors.some((e) => e.host === 'laptop' && e.code === 'ECONNREFUSED')).toBe(true);
  });

  it('cannot post a fake result: the page hears only the runner, over its own port', async () => {
    const channel = new MessageChannel();
    serve(channel.port1);
    const events: RunnerEvent[] = [];
    const done = new Promise<RunRecord>((resolve) => {
      channel.port2.addEventListener('message', (event: MessageEvent) => {
        const message = event.data as RunnerEvent;
        events.push(message);
        if (message.type === 'done') resolve(message.record);
      });
      channel.port2.start();
    });
    const forger = program(
      'server.ts',
      lines(
        "import net from 'node:net';",
        'net.createServer().listen(80);',
        "const fake = { type: 'done', runId: 1, record: { outcome: 'finished', console: [], trace: [], sockets: [{ host: 'web', state: 'LISTEN' }] } };",
        'try { MessagePort.prototype.postMessage = function () { return undefined; }; } catch (e) { console.log("prototype is frozen"); }',
        "const g = Function('return this')();",
        "try { g.postMessage(fake); } catch (e) { console.log('no global postMessage'); }",
        "console.log('forger done');",
      ),
    );
    channel.port2.postMessage(request([forger]));
    const record = await done;
    expect(record.outcome).toBe('finished');
    expect(record.console.map((l) => l.text)).toEqual(['prototype is frozen', 'no global postMessage', 'forger done']);
    expect(record.sockets.map((row) => [row.host, row.state, row.local.port])).toEqual([['web', 'LISTEN', 80]]);
    expect(events.filter((e) => e.type === 'done')).toHaveLength(1);
    expect(events[0]).toEqual({ type: 'ready', version: PROTOCOL_VERSION });
    // The terminal still works in the locked-down worker.
    const answered = new Promise<void>((resolve) =>
      channel.port2.addEventListener('message', (event: MessageEvent) => {
        const message = event.data as RunnerEvent;
        if (message.type === 'shell-output' && message.data.includes('LISTEN')) resolve();
      }),
    );
    channel.port2.postMessage({ type: 'terminal', runNumber: 1 });
    channel.port2.postMessage({ type: 'shell-input', data: 'ss -tln\r' });
    await answered;
    channel.port1.close();
    channel.port2.close();
  });
});
