import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../src/lib/netsim/index';
import { LAN, lan, program } from './fixtures';

/** An async/await echo exchange with timers: enough moving parts to show any nondeterminism. */
async function asyncExchange(seed: number) {
  const network = createNetwork(LAN, { seed });
  const web = program(network, 'web');
  const laptop = program(network, 'laptop');
  const sleep = (laptop.process.modules['node:timers/promises'] as { setTimeout: (ms: number) => Promise<void> }).setTimeout;
  web.net.createServer((s) => s.on('data', (d) => s.write(d))).listen(7);
  const client = async (n: number) => {
    const socket = laptop.net.connect(7, 'web');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    for (let i = 0; i < 3; i++) {
      socket.write(`msg ${n}.${i}`);
      await new Promise((resolve) => socket.once('data', resolve));
      await sleep(5 * n);
    }
    socket.end();
  };
  const done = Promise.all([client(1), client(2), client(3)]);
  await network.run();
  await done;
  return network.trace();
}

describe('determinism', () => {
  it('gives the identical trace for the same seed, with async/await programs', async () => {
    const first = await asyncExchange(7);
    const second = await asyncExchange(7);
    expect(first.length).toBeGreaterThan(40);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('chooses different ephemeral ports and sequence numbers for another seed', async () => {
    const a = (await asyncExchange(7)).find((e) => e.kind === 'tcp');
    const b = (await asyncExchange(8)).find((e) => e.kind === 'tcp');
    expect(a).not.toEqual(b);
  });
});

describe('observation', () => {
  it('cannot be rewritten by code running on the network', () => {
    const network = lan();
    program(network, 'web').net.createServer().listen(80);
    network.runUntilIdle();
    const trace = network.trace();
    expect(() => ((trace as unknown as unknown[]).length = 0)).toThrow();
    expect(() => ((trace[0] as { at: number }).at = 99)).toThrow();
    const rows = network.sockets();
    expect(() => ((rows[0]! as { state: string }).state = 'CLOSED')).toThrow();
    expect(network.sockets()[0]!.state).toBe('LISTEN');
    expect(network.trace()[0]!.at).toBe(0);
    expect(JSON.parse(JSON.stringify(network.snapshot())).version).toBe(1);
  });

  it('records every segment, also on the loopback, and notifies subscribers', () => {
    const network = lan();
    const seen: string[] = [];
    network.subscribe((e) => seen.push(e.kind));
    const web = program(network, 'web');
    web.net.createServer((s) => s.end('hi')).listen(80, '127.0.0.1');
    web.net.connect(80, '127.0.0.1').resume();
    network.runUntilIdle();
    const loopback = network.trace().filter((e) => e.kind === 'tcp' && e.src.ip === '127.0.0.1');
    expect(loopback.length).toBeGreaterThan(5);
    expect(seen.length).toBe(network.trace().length);
  });

  it('records errors with whether the program handled them', () => {
    const network = lan();
    const laptop = program(network, 'laptop');
    const uncaught: unknown[] = [];
    // As the runner does: an uncaught error ends the process, which marks the error unhandled.
    laptop.process.onUncaughtException((e) => {
      uncaught.push(e);
      laptop.process.crash(e);
    });
    laptop.net.connect(80, 'web').on('error', () => {});
    laptop.net.connect(81, 'web');
    network.runUntilIdle();
    expect(network.errors().map((e) => [e.code, e.handled])).toEqual([['ECONNREFUSED', true], ['ECONNREFUSED', false]]);
    expect(uncaught.length).toBe(1);
  });

  it('keeps what each stream carried, closed sockets included', () => {
    const network = lan();
    program(network, 'web').net.createServer((s) => s.end('reply')).listen(80);
    const socket = program(network, 'laptop').net.connect(80, 'web', () => socket.write('request'));
    socket.resume();
    network.runUntilIdle();
    const connector = network.streams().find((s) => s.role === 'connector')!;
    expect([connector.sent, connector.received, connector.state]).toEqual(['request', 'reply', 'CLOSED']);
  });

  it('pings a host and reports an address nobody has as unreachable', async () => {
    const network = lan();
    const ok = network.ping('laptop', '10.0.0.2', 1);
    const lost = network.ping('laptop', '10.0.0.3', 1);
    await network.run();
    const reply = await ok;
    expect(reply.ok && reply.rttMs >= 0.5 && reply.rttMs <= 1.5, JSON.stringify(reply)).toBe(true); // 2 × (0.5 ± 0.25) ms
    expect(await lost).toEqual({ ok: false, reason: 'unreachable' });
  });
});

describe('the explicit socket API', () => {
  it('runs socket → bind → listen → accept and connect → send → recv with await', async () => {
    const network = lan();
    const web = network.spawn('web', 'node');
    const laptop = network.spawn('laptop', 'node');
    const server = async () => {
      const listener = web.sockets.socket('tcp');
      await listener.bind('0.0.0.0', 80);
      await listener.listen();
      const conn = await listener.accept();
      const { text, from } = await conn.recv();
      await conn.send(`echo ${text}`);
      await conn.close();
      return from;
    };
    const client = async () => {
      const s = laptop.sockets.socket('tcp');
      await s.connect('10.0.0.2', 80);
      await s.send('hi');
      const reply = await s.recv();
      return [reply.text, s.localEndpoint()!.ip];
    };
    const results = Promise.all([server(), client()]);
    await network.run();
    const [from, [reply, ip]] = await results;
    expect([from.ip, reply, ip]).toEqual(['10.0.0.10', 'echo hi', '10.0.0.10']);
  });

  it('records the errors it raises in network.errors(), for UDP as for TCP', async () => {
    const network = lan();
    const laptop = network.spawn('laptop', 'node');
    const udp = laptop.sockets.socket('udp');
    const tcp = laptop.sockets.socket('tcp');
    const codes = await Promise.all([
      udp.bind('10.9.9.9', 53).catch((error: { code: string }) => error.code),
      udp.listen().catch((error: { code: string }) => error.code),
      tcp.bind('10.9.9.9', 80).catch((error: { code: string }) => error.code),
    ]);
    expect(codes).toEqual(['EADDRNOTAVAIL', 'EOPNOTSUPP', 'EADDRNOTAVAIL']);
    expect(network.errors().map((e) => [e.socket, e.code, e.syscall, e.handled])).toEqual([
      [udp.id, 'EADDRNOTAVAIL', 'bind', true],
      [udp.id, 'EOPNOTSUPP', 'listen', true],
      [tcp.id, 'EADDRNOTAVAIL', 'bind', true],
    ]);
  });
});

