import { describe, expect, it } from 'vitest';
import { Buffer } from '../../src/lib/netsim/node/libs';
import { createNetwork, type TcpSegmentEvent, type TraceEvent } from '../../src/lib/netsim/index';
import { LAN, lan, program } from './fixtures';

describe('a burst of connections', () => {
  it('connects 10,000 clients sent at once to a server with the default backlog (511), with no SYN retried', () => {
    // 20,000 sockets (10,000 each side): past a run's default limit (5,000), which is for learners' programs.
    const network = createNetwork(LAN, { seed: 1, limits: { sockets: 25_000 } });
    const web = program(network, 'web', 'server');
    const laptop = program(network, 'laptop', 'client');
    let accepted = 0;
    let connected = 0;
    const failures: string[] = [];
    web.net.createServer(() => accepted++).listen(80);
    network.runUntilIdle();
    for (let i = 0; i < 10_000; i++) {
      const client = laptop.net.connect(80, 'web', () => connected++);
      client.on('error', (error: Error & { code?: string }) => failures.push(error.code ?? error.message));
    }
    network.runUntilIdle();
    expect(failures).toEqual([]);
    expect([accepted, connected]).toEqual([10_000, 10_000]);
    const syns = network.trace().filter((e): e is TcpSegmentEvent => e.kind === 'tcp' && e.flags.join() === 'SYN');
    expect(syns).toHaveLength(10_000); // one each: nothing waited for a retransmission
    expect(network.sockets({ host: 'web' }).filter((row) => row.state === 'ESTABLISHED')).toHaveLength(10_000);
    // The lowest free descriptor is reused, as socket() does.
    expect(new Set(network.sockets({ host: 'laptop' }).map((row) => row.owner?.fd)).size).toBe(10_000);
    // About a second of work: a generous limit, so a machine busy with other work does not fail it (how fast it
    // runs is the benchmark's to say, bench/netsim.bench.ts).
  }, 60_000);
});

describe('the trace, kept compact', () => {
  it('hands subscribers and trace() the same frozen events, in order', () => {
    const network = lan();
    const seen: TraceEvent[] = [];
    const web = program(network, 'web');
    web.net.createServer((socket) => socket.end('hello')).listen(80);
    network.subscribe((event) => seen.push(event));
    program(network, 'laptop').net.connect(80, 'web').resume();
    network.runUntilIdle();
    const trace = network.trace();
    expect(trace.slice(trace.length - seen.length)).toEqual(seen);
    seen.forEach((event) => expect(trace[event.index]).toBe(event));
    expect(trace.every((event, i) => event.index === i && Object.isFrozen(event))).toBe(true);
  });

  it('keeps what was sent even when the program scribbles over its buffers afterwards', () => {
    const network = lan();
    const web = program(network, 'web');
    web.net.createServer((socket) => socket.on('data', (chunk: Uint8Array) => chunk.fill(0x21))).listen(80);
    const block = new Uint8Array([104, 105]); // "hi"
    const client = program(network, 'laptop').net.connect(80, 'web', () => {
      client.write(block);
      block.fill(0x3f);
    });
    network.runUntilIdle();
    const data = network.trace().find((e): e is TcpSegmentEvent => e.kind === 'tcp' && e.length > 0);
    expect(data?.preview).toBe('hi');
    const server = network.streams().find((s) => s.role === 'accepted');
    expect([server?.received, server?.receivedBytes]).toEqual(['hi', 2]);
  });

  it('keeps only the first 64 KiB of a stream as text, and counts every byte', () => {
    const network = lan();
    program(network, 'web').net.createServer((socket) => socket.resume()).listen(80);
    const client = program(network, 'laptop').net.connect(80, 'web', () => {
      for (let i = 0; i < 5; i++) client.write(Buffer.alloc(20_000, 'a'));
      client.end();
    });
    network.runUntilIdle();
    const sent = network.streams().find((s) => s.role === 'connector');
    expect([sent?.sent.length, sent?.sentBytes, sent?.sent.slice(0, 3)]).toEqual([65536, 100_000, 'aaa']);
  });
});
