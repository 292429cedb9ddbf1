import { describe, expect, it } from 'vitest';
import { lan, program, shape } from './fixtures';

function echoPair(options: { allowHalfOpen?: boolean } = {}) {
  const network = lan();
  const server = program(network, 'web');
  const client = program(network, 'laptop');
  return { network, server, client, options };
}

describe('a TCP connection carries an ordered byte stream', () => {
  it('delivers events in Node order: connect, ready, data, end, close', () => {
    const { network, server, client } = echoPair();
    server.net.createServer((s) => s.on('data', (d) => s.end(d))).listen(80);
    const log: string[] = [];
    const socket = client.net.connect(80, 'web', () => {
      log.push('connect-callback');
      socket.write('hello');
    });
    socket.on('connect', () => log.push('connect'));
    socket.on('ready', () => log.push('ready'));
    socket.on('data', (d) => log.push(`data ${d}`));
    socket.on('end', () => log.push('end'));
    socket.on('finish', () => log.push('finish'));
    socket.on('close', (hadError: boolean) => log.push(`close ${hadError}`));
    network.runUntilIdle();
    expect(log).toEqual(['connect-callback', 'connect', 'ready', 'data hello', 'end', 'finish', 'close false']);
  });

  it('delivers a large write in MSS-sized segments, in order, byte for byte', () => {
    const { network, server, client } = echoPair();
    const chunks: Uint8Array[] = [];
    server.net.createServer((s) => s.on('data', (d: Uint8Array) => chunks.push(d))).listen(80);
    const payload = new Uint8Array(10_000).map((_, i) => i % 251);
    const socket = client.net.connect(80, 'web', () => socket.end(payload));
    network.runUntilIdle();
    const received = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) received.set(c, (at += c.length) - c.length);
    expect(received).toEqual(payload);
    const sizes = network.trace().filter((e) => e.kind === 'tcp' && e.length > 0).map((e) => (e.kind === 'tcp' ? e.length : 0));
    expect(Math.max(...sizes)).toBe(1460);
  });

  it('counts bytesRead and bytesWritten', () => {
    const { network, server, client } = echoPair();
    server.net.createServer((s) => s.pipe(s)).listen(80);
    const socket = client.net.connect(80, 'web', () => socket.end('12345'));
    socket.resume();
    network.runUntilIdle();
    expect([socket.bytesWritten, socket.bytesRead]).toEqual([5, 5]);
  });

  it('decodes data as text after setEncoding', () => {
    const { network, server, client } = echoPair();
    server.net.createServer((s) => s.end('héllo')).listen(80);
    const got: unknown[] = [];
    client.net.connect(80, 'web').setEncoding('utf8').on('data', (d) => got.push(d));
    network.runUntilIdle();
    expect(got).toEqual(['héllo']);
  });

  it('keeps the writable side open after the peer ends when allowHalfOpen is set', () => {
    const { network, server, client } = echoPair();
    let reply = '';
    server.net.createServer({ allowHalfOpen: true }, (s) => {
      let text = '';
      s.on('data', (d) => (text += d));
      s.on('end', () => s.end(`got ${text}`));
    }).listen(80);
    const socket = client.net.connect(80, 'web', () => socket.end('question'));
    socket.on('data', (d) => (reply += d));
    network.runUntilIdle();
    expect(reply).toBe('got question');
  });

  it('leaves the side that closes first in TIME-WAIT for 60 s, owned by no process', () => {
    const { network, server, client } = echoPair();
    server.net.createServer((s) => s.end('bye')).listen(80);
    client.net.connect(80, 'web').resume();
    network.runUntilIdle({ maxVirtualMs: 1000 });
    const waiting = network.sockets().filter((r) => r.state === 'TIME-WAIT');
    expect(waiting.map((r) => [r.host, r.local.port, r.owner])).toEqual([['web', 80, null]]);
    network.runUntilIdle({ maxVirtualMs: 60_000 });
    expect(network.sockets().filter((r) => r.state === 'TIME-WAIT')).toEqual([]);
  });

  it('resets a connection whose owner closes with unread data, and the peer gets ECONNRESET', () => {
    const { network, server, client } = echoPair();
    // pauseOnConnect leaves the bytes in the kernel (a pause() after accepting would still read them into
    // the stream's buffer, and destroy() would then send a FIN: Node 22 on Linux does exactly that).
    server.net.createServer({ pauseOnConnect: true }, (s) => {
      setTimeoutVirtual(server, () => s.destroy(), 10);
    }).listen(80);
    let error: unknown;
    const socket = client.net.connect(80, 'web', () => socket.write('unread'));
    socket.on('error', (e) => (error = e));
    network.runUntilIdle();
    expect(shape(error)).toEqual({ name: 'Error', code: 'ECONNRESET', errno: -104, syscall: 'read', message: 'read ECONNRESET' });
    expect(network.trace().some((e) => e.kind === 'tcp' && e.flags.includes('RST'))).toBe(true);
  });

  it('gives EPIPE to a write after the peer ended a socket without allowHalfOpen (a write in the end listener still goes out)', () => {
    const { network, server, client } = echoPair();
    let serverGot = '';
    server.net.createServer((s) => {
      s.on('data', (d: Uint8Array) => (serverGot += new TextDecoder().decode(d)));
      s.end();
    }).listen(80);
    let inEnd: boolean | undefined;
    let writeError: unknown;
    const socket = client.net.connect(80, 'web');
    socket.on('error', () => {});
    socket.on('end', () => {
      inEnd = socket.write('late');
      client.process.timers.setImmediate(() => socket.write('later', (e?: Error | null) => (writeError = e)));
    });
    network.runUntilIdle();
    expect([inEnd, serverGot]).toEqual([true, 'late']);
    expect(shape(writeError)).toEqual({ name: 'Error', code: 'EPIPE', message: 'This socket has been ended by the other party' });
  });
});

describe('backpressure', () => {
  it('returns false from a write that reaches the 64 KiB high-water mark, then emits drain', () => {
    const { network, server, client } = echoPair();
    server.net.createServer((s) => s.resume()).listen(80);
    const results: boolean[] = [];
    let drained = false;
    const socket = client.net.connect(80, 'web', () => {
      results.push(socket.write(new Uint8Array(1000)));
      results.push(socket.write(new Uint8Array(70_000)));
    });
    socket.on('drain', () => (drained = true));
    network.runUntilIdle();
    expect(results).toEqual([true, false]);
    expect(drained).toBe(true);
  });

  it('fills the receive window of a reader that paused, so the writer queue grows', () => {
    const { network, server, client } = echoPair();
    server.net.createServer((s) => s.pause()).listen(80);
    const socket = client.net.connect(80, 'web', () => {
      for (let i = 0; i < 10; i++) socket.write(new Uint8Array(65536));
    });
    network.runUntilIdle();
    const rows = network.sockets();
    const reader = rows.find((r) => r.host === 'web' && r.state === 'ESTABLISHED')!;
    const writer = rows.find((r) => r.host === 'laptop')!;
    expect(reader.recvQ).toBe(65536);
    expect(writer.sendQ).toBe(65536);
    expect(socket.writableLength).toBeGreaterThan(0);
    expect(network.trace().some((e) => e.kind === 'tcp' && e.window === 0)).toBe(true);
  });
});

function setTimeoutVirtual(p: { process: { timers: { setTimeout: (cb: () => void, ms: number) => unknown } } }, cb: () => void, ms: number) {
  p.process.timers.setTimeout(cb, ms);
}
