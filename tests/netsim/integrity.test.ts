/**
 * Issue 9's first class of attacks, at netsim's level: nothing a program can reach leads to what the grader
 * reads, one process's patches stay its own, and whether an error was handled is netsim's own finding.
 */
import { describe, expect, it } from 'vitest';
import { createNetwork, type NetProcess, type Network } from '../../src/lib/netsim/index';
import { LAN } from './fixtures';

type Net = typeof import('node:net');
type Stream = typeof import('node:stream');

/** Names of netsim's internals: none of them may be reachable from a program's objects. */
const INTERNAL = ['Stack', 'Recorder', 'TraceStore', 'Clock', 'FaceContext', 'TcpSocket', 'UdpSocket', 'TcpHandle', 'ProcessCore', 'PortTable', 'Hold'];

/** Everything reachable from `root` through properties (own, inherited, symbols, accessors' results). */
function reachable(root: unknown, limit = 20_000): Set<object> {
  const seen = new Set<object>();
  const pending: unknown[] = [root];
  while (pending.length > 0 && seen.size < limit) {
    const value = pending.pop();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    seen.add(value);
    pending.push(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key)!;
      if ('value' in descriptor) pending.push(descriptor.value);
      else {
        pending.push(descriptor.get, descriptor.set);
        // A getter's answer, read on the object that has it and on the root (prototype getters read instances).
        for (const receiver of [value, root]) {
          try {
            pending.push(Reflect.get(value, key, receiver));
          } catch {
            /* a getter that throws for this receiver */
          }
        }
      }
    }
  }
  return seen;
}

function internalsIn(objects: Set<object>): string[] {
  const names = new Set<string>();
  for (const object of objects) {
    const name = (object as { constructor?: { name?: unknown } }).constructor?.name;
    if (typeof name === 'string' && INTERNAL.includes(name) && Object.getPrototypeOf(object) !== Function.prototype) names.add(name);
  }
  return [...names];
}

function connectedPair(network: Network): { web: NetProcess; laptop: NetProcess; client: import('node:net').Socket; accepted: import('node:net').Socket[] } {
  const web = network.spawn('web', 'node');
  const laptop = network.spawn('laptop', 'node');
  const accepted: import('node:net').Socket[] = [];
  (web.modules['node:net'] as Net).createServer((socket) => accepted.push(socket)).listen(7);
  network.runUntilIdle();
  const client = (laptop.modules['node:net'] as Net).connect(7, 'web');
  network.runUntilIdle();
  return { web, laptop, client, accepted };
}

describe("a program's objects lead nowhere inside netsim", () => {
  it('(the walk finds an internal when one is reachable, even behind a getter)', () => {
    class Stack {}
    const leaky = { get kernel() { return { deep: new Stack() }; } };
    expect(internalsIn(reachable(leaky))).toEqual(['Stack']);
  });

  it('from a connected socket, a server, a UDP socket and the modules themselves', () => {
    const network = createNetwork(LAN, { seed: 3 });
    const { web, client, accepted } = connectedPair(network);
    const dgram = web.modules['node:dgram'] as typeof import('node:dgram');
    const udp = dgram.createSocket('udp4').bind(53);
    network.runUntilIdle();
    const roots = [client, accepted[0], udp, ...Object.values(web.modules)];
    const found = new Set<string>();
    for (const root of roots) for (const name of internalsIn(reachable(root))) found.add(name);
    expect([...found]).toEqual([]);
  });

  it('a socket has no public field named after an internal', () => {
    const network = createNetwork(LAN, { seed: 3 });
    const { client } = connectedPair(network);
    const names = new Set<string>();
    for (let o: object | null = client; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) for (const key of Reflect.ownKeys(o)) names.add(String(key));
    expect([...names].filter((n) => /^(ctx|core|_handle|stack|recorder|kernel)$/.test(n))).toEqual([]);
  });
});

describe("a program's patches change only that program", () => {
  it("patching its own net.Socket leaves another process's sockets alone", () => {
    const network = createNetwork(LAN, { seed: 4 });
    const web = network.spawn('web', 'node');
    const laptop = network.spawn('laptop', 'node');
    const received: string[] = [];
    (web.modules['node:net'] as Net)
      .createServer((socket) => socket.on('data', (chunk: Buffer) => received.push(String(chunk))))
      .listen(7);
    // The "learner" on web breaks its own sockets' write.
    (web.modules['node:net'] as Net).Socket.prototype.write = () => false;
    const laptopNet = laptop.modules['node:net'] as Net;
    const client = laptopNet.connect(7, 'web', () => client.end('still sent'));
    network.runUntilIdle();
    expect(received.join('')).toBe('still sent');
    expect(laptopNet.Socket).not.toBe((web.modules['node:net'] as Net).Socket);
  });

  it("stream.setDefaultHighWaterMark changes that program's streams only, as each Node process has its own", () => {
    const network = createNetwork(LAN, { seed: 4 });
    const web = network.spawn('web', 'node');
    const laptop = network.spawn('laptop', 'node');
    const webStream = web.modules['node:stream'] as Stream;
    const laptopStream = laptop.modules['node:stream'] as Stream;
    web.enter(() => webStream.setDefaultHighWaterMark(false, 1));
    expect(web.enter(() => [webStream.getDefaultHighWaterMark(false), new webStream.Readable().readableHighWaterMark])).toEqual([1, 1]);
    expect(web.enter(() => new (web.modules['node:net'] as Net).Socket().writableHighWaterMark)).toBe(1);
    expect(laptop.enter(() => [laptopStream.getDefaultHighWaterMark(false), new laptopStream.Readable().readableHighWaterMark])).toEqual([65536, 65536]);
    expect(laptop.enter(() => laptopStream.getDefaultHighWaterMark(true))).toBe(16);
    // A new network (the next run, or the next seed in the same realm) starts from Node's defaults.
    const next = createNetwork(LAN, { seed: 4 }).spawn('web', 'node');
    expect(next.enter(() => new (next.modules['node:stream'] as Stream).Writable().writableHighWaterMark)).toBe(65536);
  });

  it('EventEmitter.captureRejectionSymbol is Node\'s, so no stream has a method named "undefined"', () => {
    const network = createNetwork(LAN, { seed: 4 });
    const web = network.spawn('web', 'node');
    const events = web.modules['node:events'] as typeof import('node:events');
    const stream = web.modules['node:stream'] as Stream;
    expect(events.captureRejectionSymbol).toBe(Symbol.for('nodejs.rejection'));
    expect(Object.getOwnPropertyNames(stream.Readable.prototype)).not.toContain('undefined');
    expect(typeof (stream.Readable.prototype as unknown as Record<symbol, unknown>)[Symbol.for('nodejs.rejection')]).toBe('function');
  });

  it('the classes every process shares are frozen in the runner (tests/runner/hostile.test.ts); here they are at least one and the same', () => {
    const network = createNetwork(LAN, { seed: 4 });
    const a = network.spawn('web', 'node').modules['node:stream'] as Stream;
    const b = network.spawn('laptop', 'node').modules['node:stream'] as Stream;
    expect(a.Duplex).toBe(b.Duplex);
  });
});

describe('whether an error was handled is netsim’s own finding', () => {
  it("a program that fakes its 'error' listeners still dies of the error, and the record says unhandled", () => {
    const network = createNetwork(LAN, { seed: 5 });
    const laptop = network.spawn('laptop', 'node');
    laptop.onUncaughtException((error) => laptop.crash(error));
    const net = laptop.modules['node:net'] as Net;
    const socket = net.connect(81, 'web'); // nothing listens on web:81
    // Claims to have listeners: a grader reading the program's own objects would believe it.
    socket.listenerCount = () => 5;
    network.runUntilIdle();
    expect(network.errors().map((e) => [e.code, e.handled])).toEqual([['ECONNREFUSED', false]]);
    expect(network.fates().map((f) => [f.how, f.code])).toEqual([['crashed', 1]]);
  });

  it("an 'error' listener that throws the error again is no handling", () => {
    const network = createNetwork(LAN, { seed: 5 });
    const laptop = network.spawn('laptop', 'node');
    laptop.onUncaughtException((error) => laptop.crash(error));
    const net = laptop.modules['node:net'] as Net;
    net.connect(81, 'web').on('error', (error) => {
      throw error;
    });
    network.runUntilIdle();
    expect(network.errors().map((e) => [e.code, e.handled])).toEqual([['ECONNREFUSED', false]]);
  });

  it('a listener that logs the error handles it, and the program lives on', () => {
    const network = createNetwork(LAN, { seed: 5 });
    const laptop = network.spawn('laptop', 'node');
    laptop.keepAlive();
    laptop.onUncaughtException((error) => laptop.crash(error));
    const net = laptop.modules['node:net'] as Net;
    net.connect(81, 'web').on('error', () => undefined);
    network.runUntilIdle();
    expect(network.errors().map((e) => [e.code, e.handled])).toEqual([['ECONNREFUSED', true]]);
    expect(network.fates()).toEqual([]);
  });
});
