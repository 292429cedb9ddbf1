/**
 * Callback-style programs the benchmark runs unchanged on netsim and on Node's real `net`: no promises
 * inside, so netsim can run them to the end with `runUntilIdle`.
 */
import type * as NodeNet from 'node:net';

export type NetModule = typeof NodeNet;

function portOf(server: NodeNet.Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return address.port;
}

/** One client sends `size` bytes, the server echoes them, `roundTrips` times in a row. */
export function echoRoundTrips(net: NetModule, roundTrips: number, size: number, done: (completed: number) => void): void {
  const message = 'x'.repeat(size);
  const server = net.createServer((socket) => socket.on('data', (chunk) => socket.write(chunk)));
  server.listen(0, '127.0.0.1', () => {
    const client = net.connect(portOf(server), '127.0.0.1', () => client.write(message));
    let completed = 0;
    let pendingBytes = 0;
    client.on('data', (chunk: Buffer) => {
      pendingBytes += chunk.length;
      if (pendingBytes < size) return; // a reply split in two: wait for the rest
      pendingBytes -= size;
      completed += 1;
      if (completed < roundTrips) {
        client.write(message);
      } else {
        client.destroy();
        server.close();
        done(completed);
      }
    });
  });
}

/** One client streams `total` bytes in `chunk`-byte writes, honouring backpressure; the server counts them. */
export function bulkTransfer(net: NetModule, total: number, chunk: number, done: (received: number) => void): void {
  const block = new Uint8Array(chunk).fill(0x61);
  const server = net.createServer((socket) => {
    let received = 0;
    socket.on('data', (data: Buffer) => (received += data.length));
    socket.on('end', () => {
      server.close();
      done(received);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const client = net.connect(portOf(server), '127.0.0.1');
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk;
        if (!client.write(block)) return void client.once('drain', pump);
      }
      client.end();
    };
    client.on('connect', pump);
  });
}

/**
 * `count` clients connect at once to one server (Node's default backlog, 511) and stay connected. The server
 * accepts as handshakes complete, so the burst needs no SYN retry (real Linux connects all 10,000).
 */
export function manyConnections(
  net: NetModule,
  count: number,
  done: (outcome: { connected: number; failures: Record<string, number>; sockets: NodeNet.Socket[] }) => void,
): void {
  const server = net.createServer();
  const sockets: NodeNet.Socket[] = [];
  const failures: Record<string, number> = {};
  let connected = 0;
  let settled = 0;
  const settle = () => {
    settled += 1;
    if (settled === count) done({ connected, failures, sockets });
  };
  server.listen(0, '127.0.0.1', () => {
    for (let i = 0; i < count; i++) {
      const client = net.connect(portOf(server), '127.0.0.1', () => {
        connected += 1;
        settle();
      });
      client.on('error', (error: Error & { code?: string }) => {
        failures[error.code ?? error.message] = (failures[error.code ?? error.message] ?? 0) + 1;
        settle();
      });
      sockets.push(client);
    }
  });
}
