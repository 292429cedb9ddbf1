import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/lib/runner/protocol';
import { lines, program, run } from './helpers';

const echoServer = program(
  'server.ts',
  lines(
    "import net from 'node:net';",
    "const server = net.createServer((socket) => socket.on('data', (d) => socket.write(d)));",
    "server.listen(7, () => console.log('listening on port', (server.address() as net.AddressInfo).port));",
  ),
);
const client = (text: string) =>
  program(
    'client.ts',
    lines(
      "import net from 'node:net';",
      "const socket = net.connect(7, 'web', () => socket.write(" + JSON.stringify(text) + '));',
      "socket.on('data', (d) => { console.log('got', d.toString()); socket.end(); });",
    ),
    'laptop',
    'driver',
  );

/** The parts of a record that must be identical run after run (wall time is information only). */
const stable = (record: RunRecord) => ({ ...record, wallMs: 0 });

describe('runExercise: programs on hosts, in order', () => {
  it('starts the server before the client and records what they did', async () => {
    const { record } = await run([echoServer, client('hi')]);
    expect(record.outcome).toBe('finished');
    expect(record.console.map((l) => [l.file, l.text])).toEqual([
      ['server.ts', 'listening on port 7'],
      ['client.ts', 'got hi'],
    ]);
    expect(record.streams.find((s) => s.role === 'connector')).toMatchObject({ host: 'laptop', sent: 'hi', received: 'hi' });
    expect(record.error).toBeUndefined();
  });

  it('gives the same record twice for the same programs', async () => {
    const first = await run([echoServer, client('same')]);
    const second = await run([echoServer, client('same')]);
    expect(stable(second.record)).toEqual(stable(first.record));
  });

  it('keeps the network alive after the run: the server still accepts connections', async () => {
    const { network } = await run([echoServer]);
    const probe = network.spawn('laptop', 'nc');
    const net = probe.modules['node:net'] as typeof import('node:net');
    let echoed = '';
    const socket = net.connect(7, '10.0.0.2', () => socket.write('still there?'));
    socket.on('data', (d) => {
      echoed += d.toString();
      socket.end();
    });
    await network.run({ untilVirtualMs: network.now + 1000 });
    expect(echoed).toBe('still there?');
  });

  it('streams console lines, trace batches (whole virtual instants) and socket tables; the rest comes with the record', async () => {
    const { events, record } = await run([echoServer, client('hi')]);
    expect(events[0]).toMatchObject({ type: 'network' });
    const batches = events.flatMap((e) => (e.type === 'trace' ? [e.events] : []));
    // How many batches depends on wall time (a benchmark's business); none splits a virtual instant.
    for (const [index, batch] of batches.entries()) expect(batches[index + 1]?.[0]?.at ?? Infinity).toBeGreaterThan(batch.at(-1)!.at);
    // What streamed is the start of the record's trace: the events after the last batch are only in the record.
    expect(record.trace.slice(0, batches.flat().length)).toEqual(batches.flat());
    expect(record.trace.length).toBeGreaterThan(0);
    // The socket table after a batch is the one at that batch's last instant.
    for (const [index, event] of events.entries()) {
      if (event.type !== 'sockets') continue;
      const before = events[index - 1];
      expect(before?.type === 'trace' && before.events.at(-1)!.at).toBe(event.at);
    }
    expect(events.filter((e) => e.type === 'console')).toHaveLength(2);
    expect(events.some((e) => e.type === 'done')).toBe(false); // `done` is the worker's to send
  });
});

describe('runExercise: failures, in the learner file', () => {
  it('reports a syntax error as did-not-compile with file and line, and runs nothing', async () => {
    const { record } = await run([program('server.ts', lines("import net from 'node:net';", '', 'const server = net.createServer(('))]);
    expect(record.outcome).toBe('did-not-compile');
    expect(record.error).toMatchObject({ file: 'server.ts', line: 3, name: 'SyntaxError' });
    expect(record.trace).toEqual([]);
  });

  it('reports a runtime error as threw with the TypeScript line and column', async () => {
    const source = lines('const port: number = 7;', 'const config: { host?: string } = {};', 'console.log(config.host!.length, port);');
    const { record } = await run([program('server.ts', source)]);
    expect(record.outcome).toBe('threw');
    expect(record.error).toMatchObject({ file: 'server.ts', line: 3, column: source.split('\n')[2]!.indexOf('length') + 1, name: 'TypeError' });
    expect(record.console.at(-1)).toMatchObject({ stream: 'error', file: 'server.ts' });
    expect(record.console.at(-1)!.text).toContain('server.ts:3');
  });

  it('reports an error thrown from a callback, and the process dies as in Node (its server stops listening)', async () => {
    const source = lines(
      "import net from 'node:net';",
      'const server = net.createServer((socket) => {',
      "  socket.on('data', () => {",
      "    throw new RangeError('bad byte');",
      '  });',
      '});',
      'server.listen(7);',
    );
    const { record } = await run([program('server.ts', source), client('x')]);
    expect(record.outcome).toBe('threw');
    expect(record.error).toMatchObject({ file: 'server.ts', line: 4, name: 'RangeError', message: 'bad byte' });
    expect(record.sockets.some((row) => row.host === 'web' && row.state === 'LISTEN')).toBe(false);
  });

  it('reports an unhandled promise rejection', async () => {
    const source = lines('async function later() {', '  await null;', "  throw new Error('nobody awaits me');", '}', 'void later();', "console.log('still running');");
    const { record } = await run([program('server.ts', source)]);
    expect(record.outcome).toBe('threw');
    expect(record.error).toMatchObject({ message: 'nobody awaits me', file: 'server.ts', line: 3 });
  });

  it.each([
    ['a string', "throw 'oops';", "Uncaught 'oops'"],
    ['a number', 'throw 42;', 'Uncaught 42'],
    ['an object', 'throw { reason: 1 };', 'Uncaught { reason: 1 }'],
    ['null', 'throw null;', 'Uncaught null'],
  ])('reports a thrown %s that is not an Error', async (_name, statement, message) => {
    const { record } = await run([program('server.ts', statement)]);
    expect(record.outcome).toBe('threw');
    expect(record.error).toMatchObject({ message, file: 'server.ts' });
  });

  it('refuses a module that is not available, naming the ones that are', async () => {
    const { record } = await run([program('server.ts', lines("import fs from 'node:fs';", "fs.readFileSync('/etc/passwd');"))]);
    expect(record.outcome).toBe('threw');
    expect(record.error!.message).toBe(
      "Cannot find module 'node:fs': a program here can import only Node's built-in modules node:net, node:dgram, node:events, node:buffer, node:stream, node:stream/promises, node:string_decoder, node:util, node:readline, node:readline/promises, node:os, node:dns, node:dns/promises, node:timers, node:timers/promises, node:process and node:console.",
    );
    expect(record.error).toMatchObject({ line: 1, file: 'server.ts' });
  });

  it('accepts module names with and without the node: prefix', async () => {
    const source = lines("import net from 'net';", "import { EventEmitter } from 'events';", "import { setTimeout as sleep } from 'node:timers/promises';", 'await sleep(10);', "console.log(typeof net.createServer, typeof EventEmitter, typeof Buffer.from);");
    const { record } = await run([program('server.ts', source)]);
    expect(record.outcome).toBe('finished');
    expect(record.console[0]!.text).toBe('function function function');
    expect(record.console[0]!.at).toBe(10);
  });

  it("blames the learner's own error even when the driver failed first", async () => {
    const driver = program('client.ts', "throw new Error('driver bug');", 'laptop', 'driver');
    const learner = program('server.ts', lines('setTimeout(() => {', "  throw new Error('learner bug');", '}, 5000);'));
    const { record } = await run([driver, learner]);
    expect(record.outcome).toBe('threw');
    expect(record.error).toMatchObject({ message: 'learner bug', file: 'server.ts', line: 2 });
  });

  it('ends the program on process.exit(), closing its sockets as the kernel does', async () => {
    const source = lines("import net from 'node:net';", 'net.createServer().listen(7);', "setTimeout(() => { console.log('bye'); process.exit(); }, 100);");
    const { record } = await run([program('server.ts', source)]);
    expect(record.outcome).toBe('finished');
    expect(record.console.map((l) => l.text)).toEqual(['bye']);
    expect(record.sockets.filter((row) => row.state === 'LISTEN')).toEqual([]);
  });

  it('does not blame the learner for an error in the driver', async () => {
    const { record } = await run([echoServer, program('client.ts', "throw new Error('driver bug');", 'laptop', 'driver')]);
    expect(record.outcome).toBe('finished');
    expect(record.console.at(-1)).toMatchObject({ file: 'client.ts', stream: 'error' });
  });
});

describe('runExercise: limits', () => {
  it('caps the console and says how much it dropped', async () => {
    const source = lines('for (let i = 0; i < 1500; i++) console.log(`line ${i}`);');
    const { record, events } = await run([program('server.ts', source)]);
    expect(record.console).toHaveLength(1000);
    expect(record.console.at(-1)!.text).toBe('line 999');
    expect(record.consoleDropped).toBe(500);
    expect(events.filter((e) => e.type === 'console')).toHaveLength(1000);
    expect(events.find((e) => e.type === 'console-capped')).toMatchObject({ dropped: 500 });
  });

  it('stops a program that never goes idle at the virtual time limit', async () => {
    const source = lines('let ticks = 0;', 'setInterval(() => { ticks++; }, 100);', 'setTimeout(() => console.log("never printed"), 10_000);');
    const { record } = await run([program('server.ts', source)], { virtualTimeLimitMs: 5000 });
    expect(record.outcome).toBe('finished');
    expect(record.stoppedBy).toBe('time-limit');
    expect(record.endedAt).toBeLessThanOrEqual(5000);
    expect(record.console).toEqual([]);
  });
});

describe('runExercise: what the program can reach', () => {
  it.each(['fetch', 'XMLHttpRequest', 'WebSocket', 'importScripts', 'indexedDB', 'caches', 'EventSource', 'BroadcastChannel', 'navigator', 'postMessage', 'self', 'scheduler'])(
    'sees %s as undefined',
    async (name) => {
      const { record } = await run([program('server.ts', `console.log(typeof ${name});`)]);
      expect(record.console[0]!.text).toBe('undefined');
    },
  );

  it("gives globalThis as the program's own frozen scope, not the host's global", async () => {
    const source = lines('console.log(typeof globalThis.setTimeout, typeof globalThis.fetch, Object.isFrozen(globalThis));');
    const { record } = await run([program('server.ts', source)]);
    expect(record.console[0]!.text).toBe('function undefined true');
  });

  it('lets a program declare its own names that the scope shadows (`const close`, `let location`, `class Worker`), as a module may in Node', async () => {
    const source = lines(
      "import net from 'node:net';",
      "const close = (socket: net.Socket) => socket.end();",
      "let location = 'lab';",
      'class Worker { name = "w"; }',
      'function fetch() { return 1; }',
      "const server = net.createServer((socket) => close(socket)).listen(7, () => {",
      "  location += ' 7';",
      '  console.log(location, new Worker().name, fetch());',
      '  server.close();',
      '});',
    );
    const { record } = await run([program('server.ts', source)]);
    expect(record.outcome).toBe('finished');
    expect(record.console.map((line) => line.text)).toEqual(['lab 7 w 1']);
  });

  it('runs the program in strict mode, as Node runs a module', async () => {
    const { record } = await run([program('server.ts', lines('undeclared = 1;'))]);
    expect(record.outcome).toBe('threw');
    expect(record.error).toMatchObject({ name: 'ReferenceError', line: 1 });
  });

  it('uses virtual time for timers: a 30 s wait takes no wall time', async () => {
    const source = lines("setTimeout(() => console.log('half a minute later'), 30_000);");
    const { record } = await run([program('server.ts', source)]);
    expect(record.console[0]).toMatchObject({ text: 'half a minute later', at: 30_000 });
  });
});
