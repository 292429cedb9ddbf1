/** The option and address shapes of Node's `net`, and how a Socket/Server class finds its process. */
import type { FaceContext } from './context';

/** Node 22's default `writableHighWaterMark` for sockets: 64 KiB. */
export const WRITABLE_HIGH_WATER_MARK = 65536;

/** The hidden per-process context of the Socket/Server classes a program gets. */
export const CONTEXT = Symbol('netsim.context');

export interface SocketConstructorOpts {
  /** Keep the writable side open after the peer ends (default false: end it too, as Node). */
  allowHalfOpen?: boolean;
}

export interface TcpSocketConnectOpts {
  port: number;
  host?: string;
  localAddress?: string;
  localPort?: number;
  /** Milliseconds of inactivity before 'timeout' (same as `socket.setTimeout`). */
  timeout?: number;
  allowHalfOpen?: boolean;
  /** Address family for the name lookup, as Node's (4, 6 or 0). netsim is IPv4 only: every host answers with IPv4. */
  family?: number;
}

/**
 * What an 'error' listener receives, as Node's `NodeJS.ErrnoException`: `code` such as 'ECONNREFUSED' or
 * 'ERR_STREAM_WRITE_AFTER_END'; a system error also has `errno`, `syscall` and, when it has one, `address`/`port`.
 */
export interface ErrnoException extends Error {
  code?: string;
  errno?: number;
  syscall?: string;
  address?: string;
  port?: number;
  /** The name that could not be resolved (ENOTFOUND). */
  hostname?: string;
}

export interface AddressInfo {
  address: string;
  family: 'IPv4';
  port: number;
}

export function contextOf(target: object): FaceContext {
  const ctx = (target.constructor as unknown as Record<symbol, FaceContext | undefined>)[CONTEXT];
  if (!ctx) throw new Error('This class is bound to a netsim process: use the one from the `net` module the program was given');
  return ctx;
}
