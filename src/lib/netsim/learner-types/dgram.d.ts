/**
 * UDP: single datagrams, each sent on its own to an address and a port, with no connection, no order and no
 * promise of delivery. A datagram that arrives is one `'message'`, whole: UDP keeps message boundaries (TCP
 * does not). The hosts here are IPv4-only: sockets are `'udp4'`.
 */
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';

/** Who sent a datagram. */
export interface RemoteInfo {
  /** The sender's IP address. */
  address: string;
  /** `'IPv4'`. */
  family: string;
  /** The sender's port: send the answer there. */
  port: number;
  /** The datagram's size in bytes. */
  size: number;
}

/** How a UDP socket is made. */
export interface SocketOptions {
  /** `'udp4'`: the hosts here are IPv4-only (`'udp6'` is refused). */
  type: 'udp4';
  /** Accepted and ignored: a second socket binding the same port still gets EADDRINUSE. */
  reuseAddr?: boolean;
  /** Accepted and ignored. */
  reusePort?: boolean;
  /** Accepted and ignored (no IPv6 here). */
  ipv6Only?: boolean;
  /** Accepted and ignored: call `setRecvBufferSize` once bound. */
  recvBufferSize?: number;
  /** Accepted and ignored: call `setSendBufferSize` once bound. */
  sendBufferSize?: number;
}

/** Where to bind: `{ port, address }`. */
export interface BindOptions {
  /** The port (0 or none: the kernel picks a free one). */
  port?: number;
  /** The local address (one of the host's addresses); none: every address (`0.0.0.0`). */
  address?: string;
  /** Accepted; there is no cluster here. */
  exclusive?: boolean;
}

interface DgramSocketEventMap {
  /** `'close'`: `close()` was called: the socket is gone. Nothing happens after it. */
  close: [];
  /** `'connect'`: `connect()` completed: the socket now talks to that one peer only. */
  connect: [];
  /**
   * `'error'`: something failed; `err.code` says what: EADDRINUSE (`bind` to a port taken), ECONNREFUSED (a
   * *connected* socket's peer answered with ICMP port unreachable), ENOTFOUND (unknown name). Without an
   * 'error' listener, the program crashes with it.
   */
  error: [err: NodeJS.ErrnoException];
  /** `'listening'`: the socket is bound: datagrams sent to its port arrive from now on. */
  listening: [];
  /** `'message'`: a datagram arrived: `msg` is its bytes (all of them), `rinfo` says who sent it. */
  message: [msg: Buffer, rinfo: RemoteInfo];
}

/**
 * A UDP socket. `bind` it to receive datagrams on a port (`'message'`); `send` datagrams to any address and
 * port (an unbound socket is bound to a free port first).
 */
export class Socket extends EventEmitter {
  /**
   * Binds to `port` (0 or none: a free one) on `address` (none: every address). `'listening'` follows;
   * `callback` is added for it. A failure arrives as `'error'`: EADDRINUSE (the port is taken),
   * EADDRNOTAVAIL (not an address of this host), EACCES (a port below 1024 for a program that is not root).
   * Binding twice throws ERR_SOCKET_ALREADY_BOUND. A bound socket keeps the program running.
   */
  bind(port?: number, address?: string, callback?: () => void): this;
  bind(port?: number, callback?: () => void): this;
  bind(callback?: () => void): this;
  bind(options: BindOptions, callback?: () => void): this;
  /**
   * Sends one datagram. `msg` may be a list of buffers or strings, sent together as one datagram; `offset`
   * and `length` send part of a buffer. `callback` gets the error, or the number of bytes sent. Nobody
   * listening at the other end is silent for an unconnected socket (UDP). A datagram over 65,507 bytes fails
   * with EMSGSIZE.
   * @example socket.send('ping', 9000, '10.0.0.2');
   */
  send(msg: string | Uint8Array | readonly (string | Uint8Array)[], port: number, address?: string, callback?: (error: Error | null, bytes: number) => void): void;
  send(msg: string | Uint8Array | readonly (string | Uint8Array)[], port: number, callback?: (error: Error | null, bytes: number) => void): void;
  /** On a connected socket: sends one datagram to its peer. */
  send(msg: string | Uint8Array | readonly (string | Uint8Array)[], callback?: (error: Error | null, bytes: number) => void): void;
  send(msg: string | Uint8Array, offset: number, length: number, port: number, address?: string, callback?: (error: Error | null, bytes: number) => void): void;
  send(msg: string | Uint8Array, offset: number, length: number, port: number, callback?: (error: Error | null, bytes: number) => void): void;
  /** On a connected socket: sends `length` bytes of `msg` from `offset` to its peer. */
  send(msg: string | Uint8Array, offset: number, length: number, callback?: (error: Error | null, bytes: number) => void): void;
  /**
   * Fixes the peer: `send` needs no address any more, only that peer's datagrams arrive, and its ICMP "port
   * unreachable" comes back as ECONNREFUSED. `'connect'` follows (`callback` is added for it). Connecting
   * twice throws ERR_SOCKET_DGRAM_IS_CONNECTED.
   */
  connect(port: number, address?: string, callback?: () => void): void;
  connect(port: number, callback: () => void): void;
  /** Forgets the peer set by `connect`; throws ERR_SOCKET_DGRAM_NOT_CONNECTED if there is none. */
  disconnect(): void;
  /** Closes the socket: no more datagrams arrive; `'close'` follows (`callback` is added for it). */
  close(callback?: () => void): this;
  /** The bound end-point `{ address, family, port }`; throws EBADF if the socket is not bound yet. */
  address(): AddressInfo;
  /** The peer of a connected socket; throws ERR_SOCKET_DGRAM_NOT_CONNECTED otherwise. */
  remoteAddress(): AddressInfo;
  /**
   * Allows sending to the broadcast address 255.255.255.255 (without it, such a send fails with EACCES, as on
   * Linux). netsim has no broadcast delivery: the send then fails with ENETUNREACH. Throws EBADF before `bind`.
   */
  setBroadcast(flag: boolean): void;
  /** Sets the IP time-to-live of the datagrams sent (1–255); returns it. Throws EBADF before `bind`. */
  setTTL(ttl: number): number;
  /** Sets the time-to-live of multicast datagrams (0–255); returns it. There is no multicast here. Throws EBADF before `bind`. */
  setMulticastTTL(ttl: number): number;
  /** Whether multicast datagrams come back to this host; returns `flag`. There is no multicast here. Throws EBADF before `bind`. */
  setMulticastLoopback(flag: boolean): boolean;
  /** The receive buffer's size (Linux's default 212,992 bytes, or double what you set, as Linux reports it). Throws before `bind`. */
  getRecvBufferSize(): number;
  /** The send buffer's size (Linux's default 212,992 bytes, or double what you set, as Linux reports it). Throws before `bind`. */
  getSendBufferSize(): number;
  /** Asks for a receive buffer of `size` bytes (Linux doubles it). Throws before `bind`. */
  setRecvBufferSize(size: number): void;
  /** Asks for a send buffer of `size` bytes (Linux doubles it). Throws before `bind`. */
  setSendBufferSize(size: number): void;
  /** Bytes queued to be sent: always 0 here (a datagram leaves at once). */
  getSendQueueSize(): number;
  /** Datagrams queued to be sent: always 0 here (a datagram leaves at once). */
  getSendQueueCount(): number;
  /** Makes the bound socket keep the program running again (the default), after `unref()`. */
  ref(): this;
  /** Lets the program end when nothing else keeps it running, even while this socket is bound. */
  unref(): this;

  // @events DgramSocketEventMap
}

/**
 * Makes a UDP socket (`'udp4'`); `callback` is added for `'message'`. `bind` it to receive on a known port.
 * @example
 * const socket = dgram.createSocket('udp4', (msg, rinfo) => socket.send(msg, rinfo.port, rinfo.address));
 * socket.bind(9000);
 */
export function createSocket(type: 'udp4', callback?: (msg: Buffer, rinfo: RemoteInfo) => void): Socket;
export function createSocket(options: SocketOptions, callback?: (msg: Buffer, rinfo: RemoteInfo) => void): Socket;
