/** Small steps most scenarios share, written against the Platform so they run on both sides. */
import type { Server, Socket } from 'node:net';
import type { Platform } from '../platform';
import { once } from '../observe';

export const LOOPBACK = '127.0.0.1';

/** Starts a server and resolves with the port it got (port 0 lets the kernel choose). */
export async function listen(server: Server, port = 0, host = LOOPBACK): Promise<number> {
  server.listen(port, host);
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`server.address() gave ${String(address)}`);
  return address.port;
}

/** An echo server: writes back whatever it reads and ends when the client does. */
export function echoServer(platform: Platform): Server {
  return platform.net.createServer((socket) => socket.pipe(socket));
}

/** Connects and resolves once connected. */
export async function connect(platform: Platform, port: number, host = LOOPBACK): Promise<Socket> {
  const socket = platform.net.connect(port, host);
  await once(socket, 'connect');
  return socket;
}

/** Resolves with everything the socket reads until 'end', as latin1 text. */
export function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    socket.on('data', (chunk: Buffer | string) => {
      received += typeof chunk === 'string' ? chunk : chunk.toString('latin1');
    });
    socket.once('end', () => resolve(received));
    socket.once('error', reject);
  });
}

/** A port with nobody listening: the kernel hands out a free one, and we give it back at once. */
export async function unusedPort(platform: Platform): Promise<number> {
  const server = platform.net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Resolves with what the function threw (synchronously), or 'did not throw'. */
export function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return 'did not throw';
}

/** Resolves with `hadError` when the socket closes, whatever happened before. */
export function closed(socket: Socket): Promise<boolean> {
  return new Promise((resolve) => socket.once('close', (hadError: boolean) => resolve(hadError)));
}
