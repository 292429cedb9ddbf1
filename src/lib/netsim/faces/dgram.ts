/** The `node:dgram` module a program gets: UDP sockets as Node's, bound to the program's host and process. */
import { ANY, formatIpv4, isIpv4, parseIpv4 } from '../addresses';
import { invalidArgType, nodeErrors, systemError, type SystemError } from '../errors';
import type { UdpSocket } from '../udp';
import { Buffer } from './buffer';
import type { FaceContext } from './context';
import { EventEmitter } from './events';
import { validatePort, type AddressInfo, type ErrnoException } from './net-socket';

/** Who sent a datagram, as Node's `rinfo`. */
export interface RemoteInfo {
  address: string;
  family: 'IPv4';
  port: number;
  size: number;
}

export interface SocketOptions {
  type: 'udp4' | 'udp6';
  reuseAddr?: boolean;
}

export interface BindOptions {
  port?: number;
  address?: string;
}

type SendCallback = (error: Error | null, bytes: number) => void;

/** A UDP socket, as Node's `dgram.Socket`. Its events are typed by the `DgramSocket` interface below it. */
export class DgramSocket extends EventEmitter {
  #ctx: FaceContext;
  #core: UdpSocket;
  #state: 'unbound' | 'binding' | 'bound' | 'closed' = 'unbound';
  #waiting: (() => void)[] = [];

  /** @internal Use `dgram.createSocket('udp4')`. */
  constructor(ctx: FaceContext) {
    super();
    this.#ctx = ctx;
    this.#core = ctx.stack.newUdpSocket(ctx.host, ctx.process);
    this.#core.user = this; // structurally a UdpUser (its hooks are @internal, hidden from learners)
    ctx.process.onExit.add(this.#onExit);
  }

  readonly #onExit = (): void => {
    this.#state = 'closed';
    this.#core.close();
  };

  /**
   * Binds to `address:port` (default 0.0.0.0 and a port the OS picks). 'listening' follows; a failure
   * (EADDRINUSE, EADDRNOTAVAIL) arrives as 'error'.
   */
  bind(port?: number, address?: string, callback?: () => void): this;
  bind(port?: number, callback?: () => void): this;
  bind(options: BindOptions, callback?: () => void): this;
  bind(callback?: () => void): this;
  bind(...args: unknown[]): this {
    if (this.#state === 'closed') throw nodeErrors.dgramNotRunning();
    if (this.#state !== 'unbound') throw nodeErrors.dgramAlreadyBound();
    let port: unknown = 0;
    let address: unknown;
    let callback: unknown;
    if (args[0] !== null && typeof args[0] === 'object') {
      ({ port = 0, address } = args[0] as BindOptions);
      callback = args[1];
    } else {
      const rest = [...args];
      if (typeof rest[rest.length - 1] === 'function') callback = rest.pop();
      if (rest[0] !== undefined) port = rest[0];
      address = rest[1];
    }
    const portNumber = validatePort(port, 'Port');
    if (typeof callback === 'function') this.once('listening', callback as () => void);
    this.#state = 'binding';
    this.#ctx.tick(() => this.#bindNow(portNumber, (address as string | undefined) ?? '0.0.0.0'), undefined);
    return this;
  }

  #bindNow(port: number, address: string): void {
    if (this.#state !== 'binding') return;
    const found = this.#ctx.lookup(address);
    if ('error' in found) return this.#raise(found.error);
    const failure = this.#core.bind(found.ip, port);
    if (failure) {
      this.#state = 'unbound';
      return this.#raise(systemError(failure, 'bind', found.ip === ANY ? '0.0.0.0' : formatIpv4(found.ip), port));
    }
    this.#state = 'bound';
    this.emit('listening');
    for (const next of this.#waiting.splice(0)) next();
  }

  /** Runs `then` once bound, binding implicitly to 0.0.0.0 and a random port as Node does. */
  #whenBound(then: () => void): void {
    if (this.#state === 'bound') return then();
    this.#waiting.push(then);
    if (this.#state === 'unbound') this.bind(0);
  }

  /**
   * Sends one datagram: `send(msg, port, address?, cb?)` or `send(msg, offset, length, port, address?, cb?)`;
   * on a connected socket, `send(msg, cb?)`. Nobody listening at the other end is silent (UDP).
   */
  send(msg: string | Uint8Array, port?: number, address?: string, callback?: SendCallback): void;
  send(msg: string | Uint8Array, offset: number, length: number, port?: number, address?: string, callback?: SendCallback): void;
  send(msg: string | Uint8Array, callback?: SendCallback): void;
  send(msg: string | Uint8Array, ...args: unknown[]): void {
    let callback: SendCallback | undefined;
    if (typeof args[args.length - 1] === 'function') callback = args.pop() as SendCallback;
    let bytes: Uint8Array;
    if (typeof msg === 'string') bytes = Buffer.from(msg);
    else if (msg instanceof Uint8Array) bytes = msg.slice();
    else throw invalidArgType('buffer', 'of type string or an instance of Buffer, TypedArray, or DataView', msg);
    if (args.length >= 3 || (args.length === 2 && typeof args[1] === 'number')) {
      const offset = args.shift() as number;
      const length = args.shift() as number;
      bytes = bytes.subarray(offset, offset + length);
    }
    let port: number;
    let address: string;
    if (this.#core.connected) {
      if (args[0] !== undefined) throw nodeErrors.dgramAlreadyConnected();
      port = this.#core.remotePort;
      address = formatIpv4(this.#core.remoteIp);
    } else {
      if (args[0] === undefined) throw nodeErrors.dgramNotConnected();
      port = validatePort(args[0], 'Port', false);
      address = (args[1] as string | undefined) ?? '127.0.0.1';
    }
    if (this.#state === 'closed') throw nodeErrors.dgramNotRunning();
    this.#whenBound(() => {
      const found = this.#ctx.lookup(address);
      if ('error' in found) return this.#afterSend(found.error, 0, callback);
      const failure = this.#core.send(bytes, found.ip, port);
      this.#afterSend(failure ? systemError(failure, 'send', address, port) : null, bytes.length, callback);
    });
  }

  #afterSend(error: SystemError | null, bytes: number, callback: SendCallback | undefined): void {
    if (callback) this.#ctx.tick(() => callback(error, bytes), undefined);
    else if (error) this.#ctx.tick(() => this.#raise(error), undefined);
  }

  /** Fixes the peer: later sends need no address, and only its datagrams arrive. */
  connect(port: number, address?: string | (() => void), callback?: () => void): void {
    if (typeof address === 'function') {
      callback = address;
      address = undefined;
    }
    const portNumber = validatePort(port, 'Port', false);
    if (this.#core.connected) throw nodeErrors.dgramAlreadyConnected();
    if (callback) this.once('connect', callback);
    const target = address ?? '127.0.0.1';
    this.#whenBound(() => {
      const found = this.#ctx.lookup(target);
      if ('error' in found) return this.#raise(found.error);
      const failure = this.#core.connect(found.ip, portNumber);
      if (failure) return this.#raise(systemError(failure, 'connect', target, portNumber));
      this.#ctx.tick(() => this.emit('connect'), undefined);
    });
  }

  disconnect(): void {
    if (!this.#core.connected) throw nodeErrors.dgramNotConnected();
    this.#core.disconnect();
  }

  /** The peer of a connected socket. */
  remoteAddress(): AddressInfo {
    if (!this.#core.connected) throw nodeErrors.dgramNotConnected();
    return { address: formatIpv4(this.#core.remoteIp), family: 'IPv4', port: this.#core.remotePort };
  }

  /** The bound address: `{ address, family: 'IPv4', port }`. */
  address(): AddressInfo {
    if (this.#state !== 'bound') {
      const error = systemError('EBADF', 'getsockname');
      throw error;
    }
    return { address: formatIpv4(this.#core.localIp), family: 'IPv4', port: this.#core.localPort };
  }

  /** Closes the socket; 'close' follows. */
  close(callback?: () => void): this {
    if (this.#state === 'closed') throw nodeErrors.dgramNotRunning();
    if (callback) this.once('close', callback);
    this.#state = 'closed';
    this.#ctx.process.onExit.delete(this.#onExit);
    this.#core.close();
    this.#ctx.tick(() => this.emit('close'), undefined);
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  setBroadcast(_flag: boolean): void {}

  setTTL(ttl: number): number {
    return ttl;
  }

  /** @internal */
  message(payload: Uint8Array, fromIp: number, fromPort: number): void {
    this.#ctx.enter();
    const rinfo: RemoteInfo = { address: formatIpv4(fromIp), family: 'IPv4', port: fromPort, size: payload.length };
    this.emit('message', Buffer.view(payload), rinfo);
  }

  /** @internal */
  failed(error: SystemError): void {
    this.#raise(error);
  }

  #raise(error: Error): void {
    this.#ctx.raise(this, error, this.#core.id);
  }
}

/** The events a UDP socket emits and what their listeners receive, as in Node's typings (only types, as net.Socket's). */
export interface DgramSocket {
  /** `'close'`: the socket was closed by `close()`. */
  on(event: 'close', listener: () => void): this;
  /** `'connect'`: `connect()` fixed the peer: `send` needs no address now. */
  on(event: 'connect', listener: () => void): this;
  /**
   * `'error'`: binding or sending failed; `err.code` says why (EADDRINUSE: another socket has the port). Without
   * an 'error' listener, the program crashes with it.
   */
  on(event: 'error', listener: (err: ErrnoException) => void): this;
  /** `'listening'`: the socket is bound: `address()` now gives its port, and datagrams can arrive. */
  on(event: 'listening', listener: () => void): this;
  /**
   * `'message'`: a datagram arrived: `msg` is its payload, `rinfo` who sent it (`address`, `port`) and its `size`.
   * One message is one datagram: UDP keeps boundaries.
   */
  on(event: 'message', listener: (msg: Buffer, rinfo: RemoteInfo) => void): this;
  /** Any other event: the listener's arguments are untyped (`any`). A misspelt event name lands here too. */
  on(event: string | symbol, listener: (...args: any[]) => unknown): this;
  /** `'close'`: the socket was closed by `close()`. */
  once(event: 'close', listener: () => void): this;
  /** `'connect'`: `connect()` fixed the peer: `send` needs no address now. */
  once(event: 'connect', listener: () => void): this;
  /**
   * `'error'`: binding or sending failed; `err.code` says why (EADDRINUSE: another socket has the port). Without
   * an 'error' listener, the program crashes with it.
   */
  once(event: 'error', listener: (err: ErrnoException) => void): this;
  /** `'listening'`: the socket is bound: `address()` now gives its port, and datagrams can arrive. */
  once(event: 'listening', listener: () => void): this;
  /**
   * `'message'`: a datagram arrived: `msg` is its payload, `rinfo` who sent it (`address`, `port`) and its `size`.
   * One message is one datagram: UDP keeps boundaries.
   */
  once(event: 'message', listener: (msg: Buffer, rinfo: RemoteInfo) => void): this;
  /** Any other event: the listener's arguments are untyped (`any`). A misspelt event name lands here too. */
  once(event: string | symbol, listener: (...args: any[]) => unknown): this;
  /** Same as `on`. */
  addListener(event: 'close', listener: () => void): this;
  addListener(event: 'connect', listener: () => void): this;
  addListener(event: 'error', listener: (err: ErrnoException) => void): this;
  addListener(event: 'listening', listener: () => void): this;
  addListener(event: 'message', listener: (msg: Buffer, rinfo: RemoteInfo) => void): this;
  addListener(event: string | symbol, listener: (...args: any[]) => unknown): this;
  /** As `on`, but the listener runs before those already added. */
  prependListener(event: 'close', listener: () => void): this;
  prependListener(event: 'connect', listener: () => void): this;
  prependListener(event: 'error', listener: (err: ErrnoException) => void): this;
  prependListener(event: 'listening', listener: () => void): this;
  prependListener(event: 'message', listener: (msg: Buffer, rinfo: RemoteInfo) => void): this;
  prependListener(event: string | symbol, listener: (...args: any[]) => unknown): this;
  /** As `once`, but the listener runs before those already added. */
  prependOnceListener(event: 'close', listener: () => void): this;
  prependOnceListener(event: 'connect', listener: () => void): this;
  prependOnceListener(event: 'error', listener: (err: ErrnoException) => void): this;
  prependOnceListener(event: 'listening', listener: () => void): this;
  prependOnceListener(event: 'message', listener: (msg: Buffer, rinfo: RemoteInfo) => void): this;
  prependOnceListener(event: string | symbol, listener: (...args: any[]) => unknown): this;
}


/** What `import dgram from 'node:dgram'` gives. */
export interface DgramApi {
  /**
   * Creates a UDP socket. Only `'udp4'` is simulated. `messageListener` is added for 'message'.
   * @example const s = dgram.createSocket('udp4'); s.on('message', (msg, rinfo) => …); s.bind(53);
   */
  createSocket(type: 'udp4' | 'udp6' | SocketOptions, messageListener?: (msg: Buffer, rinfo: RemoteInfo) => void): DgramSocket;
  Socket: typeof DgramSocket;
}

export function bindDgram(ctx: FaceContext): DgramApi {
  const api: DgramApi = {
    createSocket(type, listener) {
      const kind = typeof type === 'string' ? type : type?.type;
      if (kind !== 'udp4') {
        if (kind === 'udp6') throw new Error('netsim simulates IPv4 only: use dgram.createSocket(\'udp4\')');
        throw nodeErrors.dgramBadType();
      }
      const socket = new DgramSocket(ctx);
      if (listener) socket.on('message', listener);
      return socket;
    },
    Socket: DgramSocket,
  };
  return Object.freeze({ ...api, default: api }) as DgramApi;
}

export { isIpv4, parseIpv4 };
