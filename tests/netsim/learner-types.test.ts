import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODULE_NAMES } from '../../src/lib/netsim/process';
import { PROGRAM_SCOPE } from '../../src/lib/runner/transpile';
import { undocumented } from '../support/declared-surface';
import { editorTypeProblems, generateLearnerTypes, hovers, typeProblems } from '../support/learner-types';

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
    expect(declarations).toContain('Makes a TCP server;');
    expect(declarations).toContain("`'data'`: bytes arrived, as a Buffer");
    expect(declarations).toContain('ECONNREFUSED (nobody listens there)');
  });

  it('document every name a program can use, for the editor to show on hover', () => {
    expect(undocumented(declarations)).toEqual([]);
  });

  it('show the docs on hover: the module, the event overload, the listener argument, a global', () => {
    const shown = hovers(declarations, `
      import net from /*?*/'node:net';
      import { /*?*/pipeline } from 'node:stream';
      net.createServer((socket) => {
        socket./*?*/on('data', (/*?*/chunk) => socket.write(chunk));
        /*?*/pipeline(socket, socket, () => undefined);
        /*?*/process.stdout.write('hi');
      });
    `);
    expect(shown[0]!.doc).toContain('TCP: reliable byte streams');
    expect(shown[1]!.doc).toContain('destroys all of them');
    expect(shown[2]!.signature).toContain("on(event: \"data\", listener: (data: Buffer) => void)");
    expect(shown[2]!.doc).toContain('TCP keeps no message boundaries');
    expect(shown[3]!.signature).toBe('(parameter) chunk: Buffer');
    expect(shown[4]!.signature).toContain('destination: net.Socket');
    expect(shown[5]!.doc).toContain('The running program');
  }, 60_000);

  it('declare every module a program can import, under node: and bare names', () => {
    for (const name of MODULE_NAMES) {
      expect(declarations).toContain(`declare module 'node:${name}' {`);
      expect(declarations).toContain(`declare module '${name}' {`);
    }
    const declared = [...declarations.matchAll(/^declare module 'node:([^']+)'/gm)].map((match) => match[1]);
    expect(declared.sort()).toEqual([...MODULE_NAMES].sort());
  });
});

/** The names a program's scope gives it (src/lib/runner/program.ts), declared for the editor. */
const GIVEN = ['require', 'console', 'process', 'Buffer', 'globalThis', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate'];
/** In the scope but not declared on purpose: CommonJS exports mean nothing for a program that nothing imports. */
const NOT_DECLARED = ['module', 'exports'];

describe("the program's globals", () => {
  it('are the names the runner gives a program, and none it shadows', () => {
    const shadowed = PROGRAM_SCOPE.filter((name) => !GIVEN.includes(name) && !NOT_DECLARED.includes(name));
    expect([...GIVEN, ...NOT_DECLARED, ...shadowed].sort()).toEqual([...PROGRAM_SCOPE].sort());
    expect(diagnose(GIVEN.map((name) => `void ${name};`).join('\n'))).toEqual([]);
    const problems = diagnose([...shadowed, ...NOT_DECLARED].map((name) => `void ${name};`).join('\n'));
    expect(problems).toHaveLength(shadowed.length + NOT_DECLARED.length);
    for (const problem of problems) expect(problem).toMatch(/Cannot find name/);
  }, 60_000);

  it('give require() each module as its import gives it', () => {
    expect(diagnose(`const net = require('node:net'); const s: import('node:net').Server = net.createServer(); const E = require('events'); new E().emit('x');`)).toEqual([]);
    expect(diagnose(`require('node:fs');`).join('\n')).toContain(`'"node:fs"' is not assignable`);
  }, 60_000);
});

const programsDir = join(import.meta.dirname, 'learner-programs');
const programs = readdirSync(programsDir).filter((name) => name.endsWith('.ts'));

describe('learner programs using the modules as on Node', () => {
  it('are found', () => {
    expect(programs.length).toBeGreaterThanOrEqual(6);
  });

  it.each(programs)('%s type-checks', (program) => {
    expect(diagnose(readFileSync(join(programsDir, program), 'utf8'))).toEqual([]);
  }, 60_000);

  // The tests above use the project's TypeScript; the editor runs the one Monaco bundles, with its own options.
  it("type-check with the editor's own TypeScript too, and so do the declarations", async () => {
    const sources = Object.fromEntries(programs.map((program) => [program, readFileSync(join(programsDir, program), 'utf8')]));
    const { version, problems } = await editorTypeProblems(declarations, sources);
    expect(version).toMatch(/^\d+\.\d+/);
    expect(problems).toEqual([]);
  }, 120_000);

  it.each([
    ['a chunk of a socket read with for await is a Buffer', `import net from 'node:net'; for await (const chunk of net.connect(80)) { const n: number = chunk; }`, "Type 'Buffer' is not assignable to type 'number'"],
    ['a line read with for await is a string', `import net from 'node:net'; import readline from 'node:readline'; for await (const line of readline.createInterface({ input: net.connect(80) })) { const n: number = line; }`, "Type 'string' is not assignable to type 'number'"],
    ["a pipeline callback's error has a code", `import { pipeline, PassThrough } from 'node:stream'; pipeline(new PassThrough(), new PassThrough(), (err) => { const n: number = err; });`, "Type 'ErrnoException | null' is not assignable to type 'number'"],
    ['os.networkInterfaces() lists addresses', `import os from 'node:os'; const n: number = os.networkInterfaces().eth0![0]!.address;`, "Type 'string' is not assignable to type 'number'"],
    ['dns.promises.lookup resolves with an address', `import dns from 'node:dns'; const n: number = (await dns.promises.lookup('web')).address;`, "Type 'string' is not assignable to type 'number'"],
    ['util.promisify(setTimeout) is timers/promises\' setTimeout', `import util from 'node:util'; const s: string = await util.promisify(setTimeout)(10, 1);`, "Type 'number' is not assignable to type 'string'"],
    ['util.promisify(dns.lookup) resolves with { address, family }', `import util from 'node:util'; import dns from 'node:dns'; const n: number = (await util.promisify(dns.lookup)('web')).address;`, "Type 'string' is not assignable to type 'number'"],
    ['events.once resolves with the arguments', `import { once } from 'node:events'; import net from 'node:net'; const [first] = await once(net.createServer(), 'listening'); console.log(first);`, ''],
  ])('give the right types: %s', (_case, source, message) => {
    const problems = diagnose(source).join('\n');
    if (message) expect(problems).toContain(message);
    else expect(problems).toEqual('');
  }, 60_000);
});

describe('what netsim does not implement', () => {
  it.each([
    ['IPv6 UDP sockets', `import dgram from 'node:dgram'; dgram.createSocket('udp6');`, `'"udp6"' is not assignable`],
    ['Unix domain sockets (connect)', `import net from 'node:net'; net.connect({ path: '/tmp/socket' });`, "'path' does not exist"],
    ['Unix domain sockets (listen)', `import net from 'node:net'; net.createServer().listen('/tmp/socket');`, 'No overload matches this call'],
    ['DNS queries (dns.resolve)', `import dns from 'node:dns'; dns.resolve4('web', () => {});`, "Property 'resolve4' does not exist"],
    ['the DNS resolver class', `import { Resolver } from 'node:dns/promises'; new Resolver();`, "has no exported member 'Resolver'"],
    ['os.cpus', `import os from 'node:os'; os.cpus();`, "Property 'cpus' does not exist"],
    ['console.table', `console.table([1]);`, "Property 'table' does not exist"],
    ['terminal readline helpers', `import readline from 'node:readline'; readline.clearLine(process.stdout, 0);`, "Property 'clearLine' does not exist"],
    ['net.BlockList', `import net from 'node:net'; new net.BlockList();`, "Property 'BlockList' does not exist"],
    ['fs (no file system here)', `import fs from 'node:fs';`, "line 1: Cannot find name 'node:fs'"],
    ['http', `import http from 'node:http';`, "line 1: Cannot find name 'node:http'"],
  ])('is reported in the editor: %s', (_what, source, message) => {
    expect(diagnose(source).join('\n')).toContain(message);
  }, 60_000);
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
