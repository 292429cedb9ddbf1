import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../src/lib/netsim/index';
import type { Network, TcpSegmentEvent, TopologySpec } from '../../src/lib/netsim/index';
import { Links, linkTiming } from '../../src/lib/netsim/links';
import { program } from './fixtures';

/** A server and three clients, each on its own host of one /24. */
const OFFICE: TopologySpec = {
  version: 1,
  hosts: [
    { name: 'web', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24 }] },
    { name: 'laptop', nics: [{ name: 'eth0', ip: '10.0.0.10', prefix: 24 }] },
    { name: 'phone', nics: [{ name: 'eth0', ip: '10.0.0.11', prefix: 24 }] },
    { name: 'tablet', nics: [{ name: 'eth0', ip: '10.0.0.12', prefix: 24 }] },
  ],
};
const CLIENTS = ['laptop', 'phone', 'tablet'];
const HOST_OF: Record<string, string> = { '10.0.0.10': 'laptop', '10.0.0.11': 'phone', '10.0.0.12': 'tablet', '10.0.0.2': 'web' };

/** Three clients connect at the same instant to an echo server, send their name, and close. */
function threeClients(seed: number, topology: TopologySpec = OFFICE): Network {
  const network = createNetwork(topology, { seed });
  program(network, 'web').net.createServer((socket) => socket.pipe(socket)).listen(7);
  network.runUntilIdle();
  for (const host of CLIENTS) {
    const client = program(network, host).net.connect(7, 'web', () => client.end(`hello from ${host}\n`));
    client.resume();
  }
  network.runUntilIdle();
  return network;
}

const segments = (network: Network) => network.trace().filter((e): e is TcpSegmentEvent => e.kind === 'tcp');

/** The first dozen segments (the three handshakes and what follows them) as `client:flags`, in the order they left. */
function opening(network: Network): string {
  return segments(network)
    .slice(0, 12)
    .map((s) => `${HOST_OF[s.src.ip] === 'web' ? HOST_OF[s.dst.ip] : HOST_OF[s.src.ip]}:${s.flags.join('+')}`)
    .join(' ');
}

describe('link latency with seeded jitter', () => {
  it('gives the identical trace for the same seed', () => {
    for (const seed of [1, 7, 42]) {
      const first = threeClients(seed);
      const again = threeClients(seed);
      expect(again.trace()).toEqual(first.trace());
      expect(again.streams()).toEqual(first.streams());
    }
  });

  it('interleaves three clients’ handshakes differently under different seeds, and identically without jitter', () => {
    const seeds = Array.from({ length: 12 }, (_, i) => i + 1);
    const orders = new Set(seeds.map((seed) => opening(threeClients(seed))));
    expect(orders.size).toBeGreaterThanOrEqual(3);
    const steady = new Set(seeds.map((seed) => opening(threeClients(seed, { ...OFFICE, jitterMs: 0 }))));
    expect(steady.size).toBe(1);
    // Every client still got exactly its own bytes back, whatever the order.
    for (const seed of seeds) {
      const connectors = threeClients(seed).streams().filter((s) => s.role === 'connector');
      expect(connectors.map((s) => [s.host, s.received])).toEqual(CLIENTS.map((host) => [host, `hello from ${host}\n`]));
    }
  });

  it('shows real timings: one ping after another, round trips spread over 2 × (latency ± jitter)', async () => {
    const network = createNetwork({ ...OFFICE, latencyMs: 0.5, jitterMs: 0.25 }, { seed: 3 });
    const rtts: number[] = [];
    for (let i = 0; i < 40; i++) {
      const reply = network.ping('laptop', '10.0.0.2', i);
      network.runUntilIdle();
      const answer = await reply;
      if (answer.ok) rtts.push(answer.rttMs);
    }
    expect(rtts).toHaveLength(40);
    for (const rtt of rtts) {
      expect(rtt).toBeGreaterThanOrEqual(0.5);
      expect(rtt).toBeLessThanOrEqual(1.5);
    }
    expect(new Set(rtts).size).toBe(40);
    const icmp = network.trace().filter((e) => e.kind === 'icmp');
    expect(icmp.some((e) => e.at % 0.5 !== 0)).toBe(true); // not on a 0.5 ms grid any more
  });

  it('keeps each direction of a link first in, first out: datagrams arrive in the order sent, only their spacing varies', () => {
    const network = createNetwork({ ...OFFICE, latencyMs: 5, jitterMs: 5 }, { seed: 9 });
    const arrivals: { n: number; at: number }[] = [];
    const server = program(network, 'web').dgram.createSocket('udp4');
    server.on('message', (message) => arrivals.push({ n: Number(message.toString()), at: network.now }));
    server.bind(53);
    const laptop = program(network, 'laptop');
    const sender = laptop.dgram.createSocket('udp4');
    let n = 0;
    // One datagram a millisecond: the delay varies by up to 10 ms, so without FIFO they would overtake each other.
    const timer = laptop.process.timers.setInterval(() => {
      sender.send(String(n++), 53, '10.0.0.2');
      if (n === 200) laptop.process.timers.clearInterval(timer);
    }, 1);
    network.runUntilIdle();
    expect(arrivals.map((a) => a.n)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    const gaps = arrivals.slice(1).map((a, i) => a.at - arrivals[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(0);
    expect(new Set(gaps.map((g) => g.toFixed(6))).size).toBeGreaterThan(50);
  });

  it('delivers every byte of a stream written a chunk a millisecond over a link jittering ±5 ms (netsim’s TCP keeps no out-of-order queue)', () => {
    const network = createNetwork({ ...OFFICE, latencyMs: 5, jitterMs: 5 }, { seed: 11 });
    let received = '';
    program(network, 'web')
      .net.createServer((socket) => socket.on('data', (chunk) => (received += chunk.toString())))
      .listen(80);
    const laptop = program(network, 'laptop');
    let sent = '';
    const client = laptop.net.connect(80, 'web', () => {
      let i = 0;
      const timer = laptop.process.timers.setInterval(() => {
        const chunk = `<${i++}>`;
        sent += chunk;
        client.write(chunk);
        if (i === 300) {
          laptop.process.timers.clearInterval(timer);
          client.end();
        }
      }, 1);
    });
    network.runUntilIdle();
    expect(sent.length).toBeGreaterThan(1000);
    expect(received).toBe(sent);
  });

  it('keeps loopback near-instant and unjittered, as on Linux', () => {
    const times = [1, 2, 3].map((seed) => {
      const network = createNetwork({ ...OFFICE, latencyMs: 5, jitterMs: 5 }, { seed });
      program(network, 'web').net.createServer().listen(80);
      let connectedAt = -1;
      const start = network.now;
      program(network, 'web').net.connect(80, '127.0.0.1', () => (connectedAt = network.now - start));
      network.runUntilIdle();
      return connectedAt;
    });
    // Two trips of 0.0625 ms bring the SYN-ACK; the client hears of it once its ACK reached the listener (a
    // third trip), as Linux completes a loopback handshake inside connect() (tcp-handle.ts, `connected`).
    expect(times).toEqual([0.1875, 0.1875, 0.1875]);
  });

  it('refuses a jitter larger than the latency, or a negative one, with a message naming the fix', () => {
    expect(() => createNetwork({ ...OFFICE, latencyMs: 0.5, jitterMs: 0.6 })).toThrow(/jitterMs must be a number from 0 to latencyMs \(0\.5\), got 0\.6/);
    expect(() => createNetwork({ ...OFFICE, jitterMs: -1 })).toThrow(/jitterMs must be a number from 0 to latencyMs/);
    expect(() => createNetwork({ ...OFFICE, latencyMs: -1 })).toThrow(/latencyMs must be a number >= 0/);
    expect(linkTiming({})).toEqual({ latencyMs: 0.5, jitterMs: 0.25 });
    expect(linkTiming({ latencyMs: 2 })).toEqual({ latencyMs: 2, jitterMs: 1 });
    expect(linkTiming({ latencyMs: 2, jitterMs: 0 })).toEqual({ latencyMs: 2, jitterMs: 0 });
  });
});

describe('Links: one wire per direction', () => {
  it('never lets a packet come out before the one sent ahead of it, and draws each hop within latency ± jitter', () => {
    const links = new Links({ latencyMs: 1, jitterMs: 1 }, 5, 3);
    const there = links.wire(0, 1);
    const back = links.wire(1, 0);
    expect(links.wire(0, 1)).toBe(there);
    expect(back).not.toBe(there);
    let now = 0;
    let last = 0;
    let heldBack = 0;
    for (let i = 0; i < 1000; i++) {
      now += 0.1;
      const at = links.arrival(now, [there]);
      expect(at).toBeGreaterThanOrEqual(last);
      expect(at - now).toBeGreaterThanOrEqual(0);
      expect(at - now).toBeLessThanOrEqual(2);
      if (at === last) heldBack++;
      last = at;
    }
    expect(heldBack).toBeGreaterThan(0); // the jitter would have reordered them: FIFO held some back
    // The other direction is a wire of its own: it owes nothing to this one's queue.
    expect(links.arrival(now, [back]) - now).toBeLessThanOrEqual(2);
  });

  it('carries a packet hop after hop over a routed path, each wire first in, first out', () => {
    const links = new Links({ latencyMs: 0.5, jitterMs: 0 }, 1, 3);
    expect(links.arrival(10, [links.wire(0, 1), links.wire(1, 2)])).toBe(11);
    expect(links.arrival(10, [links.wire(0, 1), links.wire(1, 2)])).toBe(11); // sent at the same instant: right behind it
  });
});
