/**
 * The `node:net` module a program gets: Node's API, bound to the program's host and process.
 * A program written against it runs unchanged on real Node.
 */
import { isIpv4 } from '../addresses';
import type { FaceContext } from './context';
import { Server, type ServerOpts } from './net-server';
import { CONTEXT, Socket, type SocketConstructorOpts, type TcpSocketConnectOpts } from './net-socket';

export { Server, Socket };
export type { AddressInfo, ErrnoException, SocketConstructorOpts, TcpSocketConnectOpts } from './net-socket';
export type { DropArgument, ListenOptions, ServerOpts } from './net-server';

/** What `import net from 'node:net'` gives. */
export interface NetApi {
  /**
   * Creates a TCP server. `connectionListener` is called with each new connection's Socket.
   * @example net.createServer((socket) => socket.pipe(socket)).listen(7)
   */
  createServer(connectionListener?: (socket: Socket) => void): Server;
  createServer(options?: ServerOpts, connectionListener?: (socket: Socket) => void): Server;
  /**
   * Opens a TCP connection to `host:port` (host defaults to `localhost`). `connectListener` runs on
   * 'connect'; failures (ECONNREFUSED, ENOTFOUND, ETIMEDOUT…) arrive as an 'error' event.
   */
  connect(port: number, host?: string, connectListener?: () => void): Socket;
  connect(port: number, connectListener?: () => void): Socket;
  connect(options: TcpSocketConnectOpts, connectListener?: () => void): Socket;
  /** Same as `connect`. */
  createConnection(port: number, host?: string, connectListener?: () => void): Socket;
  createConnection(port: number, connectListener?: () => void): Socket;
  createConnection(options: TcpSocketConnectOpts, connectListener?: () => void): Socket;
  /** 4 for an IPv4 address, 6 for IPv6, 0 otherwise. */
  isIP(input: string): number;
  isIPv4(input: string): boolean;
  isIPv6(input: string): boolean;
  Socket: new (options?: SocketConstructorOpts) => Socket;
  Server: new (options?: ServerOpts | ((socket: Socket) => void), connectionListener?: (socket: Socket) => void) => Server;
}

const IPV6 = /^(([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(([0-9a-f]{1,4}:)*[0-9a-f]{1,4})?::(([0-9a-f]{1,4}:)*[0-9a-f]{1,4})?)$/i;

export function isIPv6(input: string): boolean {
  return typeof input === 'string' && IPV6.test(input);
}

export function isIP(input: string): number {
  return isIpv4(input) ? 4 : isIPv6(input) ? 6 : 0;
}

/** Builds the `net` module for one process. */
export function bindNet(ctx: FaceContext): NetApi {
  class ProcessSocket extends Socket {
    static [CONTEXT] = ctx;
  }
  class ProcessServer extends Server {
    static [CONTEXT] = ctx;
    static SocketClass = ProcessSocket;
  }
  function connect(...args: unknown[]): Socket {
    let socketOptions: SocketConstructorOpts = {};
    if (args[0] !== null && typeof args[0] === 'object') socketOptions = { allowHalfOpen: (args[0] as TcpSocketConnectOpts).allowHalfOpen };
    const socket = new ProcessSocket(socketOptions);
    return (socket.connect as (...a: unknown[]) => Socket)(...args);
  }
  const api: NetApi = {
    createServer: ((options?: unknown, listener?: unknown) => new ProcessServer(options as ServerOpts, listener as (s: Socket) => void)) as NetApi['createServer'],
    connect: connect as NetApi['connect'],
    createConnection: connect as NetApi['createConnection'],
    isIP,
    isIPv4: isIpv4,
    isIPv6,
    Socket: ProcessSocket,
    Server: ProcessServer,
  };
  return Object.freeze({ ...api, default: api }) as NetApi;
}
