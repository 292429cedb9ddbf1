/**
 * The `node:net` module one process gets: Node's API, with `Socket` and `Server` classes of its own
 * (defineSocket, defineServer) bound to the process's host. What it offers and what it does not is listed
 * in the reference page (src/content/docs/reference/).
 */
import { isIpv4 } from '../../addresses';
import type { FaceContext } from '../context';
import { defineServer, type ServerOpts } from './server';
import { defineSocket, type NetSocket, type SocketConstructorOpts } from './socket';

const IPV6 = /^(([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(([0-9a-f]{1,4}:)*[0-9a-f]{1,4})?::(([0-9a-f]{1,4}:)*[0-9a-f]{1,4})?)$/i;

export function isIPv6(input: unknown): boolean {
  return typeof input === 'string' && IPV6.test(input);
}

export function isIP(input: unknown): number {
  return typeof input === 'string' && isIpv4(input) ? 4 : isIPv6(input) ? 6 : 0;
}

/** Builds the `net` module for one process. */
export function bindNet(ctx: FaceContext) {
  const sockets = defineSocket(ctx);
  const { Socket } = sockets;
  const Server = defineServer(ctx, sockets);

  function connect(...args: unknown[]): NetSocket {
    const first = args[0];
    const options: SocketConstructorOpts = first !== null && typeof first === 'object' ? { ...(first as SocketConstructorOpts) } : {};
    const socket = new Socket(options);
    return socket.connect(...args);
  }

  const net = {
    createServer(options?: ServerOpts | ((socket: NetSocket) => void), connectionListener?: (socket: NetSocket) => void) {
      return new Server(options, connectionListener);
    },
    connect,
    createConnection: connect,
    isIP,
    isIPv4: (input: unknown) => typeof input === 'string' && isIpv4(input),
    isIPv6,
    /** Happy eyeballs is on by default in Node 22; netsim's hosts have one IPv4 address per name. */
    getDefaultAutoSelectFamily: () => true,
    setDefaultAutoSelectFamily: (_value: boolean) => undefined,
    getDefaultAutoSelectFamilyAttemptTimeout: () => 250,
    setDefaultAutoSelectFamilyAttemptTimeout: (_value: number) => undefined,
    Socket,
    Stream: Socket,
    Server,
  };
  return Object.freeze(net);
}

export type NetModule = ReturnType<typeof bindNet>;
