/**
 * The `node:dgram` module one process gets: UDP sockets as lib/dgram.js makes them, over netsim's UDP.
 * Node's state machine is kept as it is — unbound → binding → bound, disconnected → connecting →
 * connected; sends and connects made before the bind completes wait in a queue; an IP address is
 * "looked up" on the next tick and a name on a later event — so argument and state errors come out
 * when and as Node's do. The class is made once per process; its kernel socket is a private field.
 */
import { ANY, formatIpv4, isIpv4, toLocal } from '../addresses';
import { invalidArgType, nodeErrors, systemError, type SystemError } from '../errors';
import type { UdpSocket, UdpUser } from '../udp';
import { Buffer, EventEmitter } from '../node/libs';
import { named } from './named';
import type { FaceContext, Hold } from './context';
import { validatePort } from './net/args';

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
  reusePort?: boolean;
  ipv6Only?: boolean;
  recvBufferSize?: number;
  sendBufferSize?: number;
}

export interface BindOptions {
  port?: number;
  address?: string;
  exclusive?: boolean;
}

type SendCallback = (error: Error | null, bytes?: number) => void;

/** 255.255.255.255: the limited broadcast address. */
const BROADCAST = 0xffffffff;

/** The largest UDP payload over IPv4: 65,535 − 20 (IP header) − 8 (UDP header). */
export const MAX_UDP_PAYLOAD = 65507;
/** Linux's default socket buffers (net.core.rmem_default / wmem_default). */
const DEFAULT_BUFFER_SIZE = 212992;

const enum Bind {
  Unbound,
  Binding,
  Bound,
}
const enum Connect {
  Disconnected,
  Connecting,
  Connected,
}

export function bindDgram(ctx: FaceContext) {
  class Socket extends EventEmitter {
    readonly type: 'udp4';
    #core: UdpSocket | null;
    #bind = Bind.Unbound;
    #connect = Connect.Disconnected;
    #queue: (() => void)[] | undefined = undefined;
    #receiving = false;

    constructor(type: 'udp4' | 'udp6' | SocketOptions, listener?: (msg: Buffer, rinfo: RemoteInfo) => void) {
      super();
      const options = type !== null && typeof type === 'object' ? type : undefined;
      const kind = options ? options.type : type;
      if (kind !== 'udp4') {
        if (kind === 'udp6') throw new Error("netsim's hosts are IPv4 only: use dgram.createSocket('udp4')");
        throw nodeErrors.badSocketType();
      }
      this.type = 'udp4';
      this.#core = ctx.stack.newUdpSocket(ctx.host, ctx.process);
      this.#core.user = this.#user;
      ctx.process.onExit.add(this.#onExit);
      if (typeof listener === 'function') this.on('message', listener);
    }

    readonly #onExit = (): void => {
      this.#core?.close();
      this.#core = null;
    };

    /** What the kernel tells this socket. */
    readonly #user: UdpUser = {
      message: (payload, fromIp, fromPort) => {
        if (!this.#receiving) return;
        ctx.enter();
        const rinfo: RemoteInfo = { address: formatIpv4(fromIp), family: 'IPv4', port: fromPort, size: payload.length };
        const copy = Buffer.from(payload); // Buffer.from copies: the program gets its own bytes
        ctx.deliver(emitMessage, this, { copy, rinfo });
      },
      failed: (error: SystemError) => {
        ctx.enter();
        ctx.recordError(error, this.#core?.id ?? null);
        ctx.deliver(emitError, this, error);
      },
    };

    #healthCheck(): UdpSocket {
      if (!this.#core) throw nodeErrors.dgramNotRunning();
      return this.#core;
    }

    /** `address` → IP, as Node's lookup4: an IP on the next tick, a name on a later event. */
    #lookup(address: string | undefined, callback: (error: SystemError | null, ip: number) => void): void {
      const name = address || '127.0.0.1';
      const resolve = () => {
        const found = ctx.lookup(name);
        if ('error' in found) callback(found.error, 0);
        else callback(null, found.ip);
      };
      if (isIpv4(name)) ctx.tick(resolve, undefined);
      else ctx.soon(resolve, undefined);
    }

    /**
     * Binds to `address:port` (default every address, and a port the OS picks); 'listening' follows, a
     * failure (EADDRINUSE, EADDRNOTAVAIL) arrives as 'error'.
     */
    bind(...args: unknown[]): this {
      this.#healthCheck();
      if (this.#bind !== Bind.Unbound) throw nodeErrors.dgramAlreadyBound();
      this.#bind = Bind.Binding;
      const callback = args.length ? args[args.length - 1] : undefined;
      if (typeof callback === 'function') {
        const removeListeners = () => {
          this.removeListener('error', removeListeners);
          this.removeListener('listening', onListening);
        };
        const onListening = () => {
          removeListeners();
          (callback as () => void).call(this);
        };
        this.on('error', removeListeners);
        this.on('listening', onListening);
      }
      let port: unknown = args[0];
      let address: string;
      if (port !== null && typeof port === 'object') {
        const options = port as BindOptions;
        address = options.address || '';
        port = options.port;
      } else {
        address = typeof args[1] === 'function' ? '' : ((args[1] as string | undefined) ?? '');
      }
      if (!address) address = '0.0.0.0';
      const portNumber = port === undefined || port === null || typeof port === 'function' ? 0 : validatePort(port, 'Port');
      this.#lookup(address, (error, ip) => {
        const core = this.#core;
        if (!core) return;
        if (error) {
          this.#bind = Bind.Unbound;
          ctx.recordError(error, core.id);
          this.emit('error', error);
          return;
        }
        const failure = core.bind(ip, portNumber);
        if (failure) {
          const ex = systemError(failure, 'bind', ip === ANY ? '0.0.0.0' : formatIpv4(ip), portNumber);
          this.#bind = Bind.Unbound;
          ctx.recordError(ex, core.id);
          this.emit('error', ex);
          return;
        }
        this.#receiving = true;
        this.#bind = Bind.Bound;
        this.#hold = ctx.hold();
        if (this.#unreferenced) this.#hold.unref();
        this.emit('listening');
        this.#clearQueue();
      });
      return this;
    }

    /** Work to do once the pending bind completes (Node's enqueue). */
    #enqueue(work: () => void): void {
      if (this.#queue === undefined) {
        this.#queue = [];
        const onError = () => {
          this.removeListener('listening', onListening);
          this.#queue = undefined;
        };
        const onListening = () => this.removeListener('error', onError);
        this.once('error', onError);
        this.once('listening', onListening);
      }
      this.#queue.push(work);
    }

    #clearQueue(): void {
      const queue = this.#queue;
      this.#queue = undefined;
      for (const work of queue ?? []) work();
    }

    /** Fixes the peer: `send` needs no address any more and only the peer's datagrams arrive. */
    connect(port: unknown, address?: unknown, callback?: () => void): void {
      const portNumber = validatePort(port, 'Port', false);
      if (typeof address === 'function') {
        callback = address as () => void;
        address = '';
      } else if (address === undefined) address = '';
      if (typeof address !== 'string') throw invalidArgType('address', 'of type string', address);
      if (this.#connect !== Connect.Disconnected) throw nodeErrors.dgramAlreadyConnected();
      this.#connect = Connect.Connecting;
      if (this.#bind === Bind.Unbound) this.bind({ port: 0, exclusive: true });
      const target = address;
      const run = () => this.#doConnect(portNumber, target, callback);
      if (this.#bind !== Bind.Bound) this.#enqueue(run);
      else run();
    }

    #doConnect(port: number, address: string, callback: (() => void) | undefined): void {
      if (callback) this.once('connect', callback);
      this.#lookup(address, (lookupError, ip) => {
        const core = this.#core;
        if (!core) return;
        let error: SystemError | null = lookupError;
        if (!error) {
          const failure = core.connect(toLocal(ip), port);
          if (failure) error = systemError(failure, 'connect', address, port);
        }
        if (error) {
          this.#connect = Connect.Disconnected;
          const ex = error;
          ctx.recordError(ex, core.id);
          ctx.tick(() => {
            if (callback) {
              this.removeListener('connect', callback);
              (callback as (e: Error) => void)(ex);
            } else this.emit('error', ex);
          }, undefined);
          return;
        }
        this.#connect = Connect.Connected;
        ctx.tick(() => this.emit('connect'), undefined);
      });
    }

    disconnect(): void {
      if (this.#connect !== Connect.Connected) throw nodeErrors.dgramNotConnected();
      this.#core?.disconnect();
      this.#connect = Connect.Disconnected;
    }

    /**
     * Sends one datagram: `send(msg, port, address?, cb?)`, `send(msg, offset, length, port, address?, cb?)`,
     * or on a connected socket `send(msg, cb?)`. `msg` may be a list of buffers, sent as one datagram.
     * Nobody listening at the other end is silent (UDP).
     */
    send(buffer: unknown, offset?: unknown, length?: unknown, port?: unknown, address?: unknown, callback?: unknown): void {
      const connected = this.#connect === Connect.Connected;
      if (!connected) {
        if (address || (port && typeof port !== 'function')) buffer = sliceBuffer(buffer, offset, length);
        else {
          callback = port;
          port = offset;
          address = length;
        }
      } else {
        if (typeof length === 'number') {
          buffer = sliceBuffer(buffer, offset, length);
          if (typeof port === 'function') {
            callback = port;
            port = null;
          }
        } else callback = offset;
        if (port || address) throw nodeErrors.dgramAlreadyConnected();
      }
      let list: Uint8Array[];
      if (!Array.isArray(buffer)) {
        if (typeof buffer === 'string') list = [Buffer.from(buffer)];
        else if (!ArrayBuffer.isView(buffer)) throw invalidArgType('buffer', 'of type string or an instance of Buffer, TypedArray, or DataView', buffer);
        else list = [viewOf(buffer)];
      } else {
        const fixed = fixBufferList(buffer);
        if (!fixed) throw invalidArgType('buffer list arguments', 'of type string or an instance of Buffer, TypedArray, or DataView', buffer);
        list = fixed;
      }
      let portNumber = 0;
      if (!connected) portNumber = validatePort(port, 'Port', false);
      let done = typeof callback === 'function' ? (callback as SendCallback) : undefined;
      if (typeof address === 'function') {
        done = address as SendCallback;
        address = undefined;
      } else if (address !== undefined && address !== null && typeof address !== 'string') {
        throw invalidArgType('address', 'of type string', address);
      }
      this.#healthCheck();
      if (this.#bind === Bind.Unbound) this.bind({ port: 0, exclusive: true });
      // The kernel copies a datagram when it is sent: later changes to the program's buffers are not sent.
      const payload = list.length === 1 ? new Uint8Array(list[0]!) : Buffer.concat(list);
      const target = (address as string | undefined) ?? undefined;
      const run = () => this.#doSendAfterLookup(payload, connected, target, portNumber, done);
      if (this.#bind !== Bind.Bound) this.#enqueue(run);
      else run();
    }

    #doSendAfterLookup(payload: Uint8Array, connected: boolean, address: string | undefined, port: number, callback: SendCallback | undefined): void {
      if (connected) return this.#doSend(null, payload, 0, address, port, callback);
      this.#lookup(address, (error, ip) => this.#doSend(error, payload, ip, address, port, callback));
    }

    #doSend(error: SystemError | null, payload: Uint8Array, ip: number, address: string | undefined, port: number, callback: SendCallback | undefined): void {
      const core = this.#core;
      if (error) {
        ctx.recordError(error, core?.id ?? null);
        if (callback) ctx.tick(() => callback(error), undefined);
        else ctx.tick(() => this.emit('error', error), undefined);
        return;
      }
      if (!core) return;
      let failure: ReturnType<UdpSocket['send']>;
      if (payload.length > MAX_UDP_PAYLOAD) failure = 'EMSGSIZE';
      else if (core.connected && !port) failure = core.send(payload, core.remoteIp, core.remotePort);
      else if (ip === BROADCAST && !this.#settings.broadcast) failure = 'EACCES'; // SO_BROADCAST is off
      else failure = core.send(payload, toLocal(ip), port);
      if (!failure) {
        if (callback) ctx.tick(() => callback(null, payload.length), undefined);
        return;
      }
      // A failed send is reported to the callback only, never as 'error' (Node keeps dgram_legacy's rule).
      if (callback) {
        const shownAddress = address ?? (core.connected ? formatIpv4(core.remoteIp) : '127.0.0.1');
        const ex = systemError(failure, 'send', shownAddress, port || core.remotePort);
        ctx.recordError(ex, core.id);
        ctx.tick(() => callback(ex), undefined);
      }
    }

    /** Closes the socket; 'close' follows on the next tick. */
    close(callback?: () => void): this {
      if (typeof callback === 'function') this.on('close', callback);
      if (this.#queue !== undefined) {
        this.#queue.push(() => this.close());
        return this;
      }
      const core = this.#healthCheck();
      this.#receiving = false;
      ctx.process.onExit.delete(this.#onExit);
      core.close();
      this.#core = null;
      this.#hold?.release();
      this.#hold = null;
      ctx.tick(() => this.emit('close'), undefined);
      return this;
    }

    /** The bound address `{ address, family, port }`; throws EBADF before the socket is bound. */
    address(): { address: string; family: 'IPv4'; port: number } {
      const core = this.#healthCheck();
      if (!core.bound) throw systemError('EBADF', 'getsockname');
      return { address: formatIpv4(core.localIp), family: 'IPv4', port: core.localPort };
    }

    /** The peer of a connected socket. */
    remoteAddress(): { address: string; family: 'IPv4'; port: number } {
      const core = this.#healthCheck();
      if (this.#connect !== Connect.Connected) throw nodeErrors.dgramNotConnected();
      return { address: formatIpv4(core.remoteIp), family: 'IPv4', port: core.remotePort };
    }

    /** Allows sending to a broadcast address (255.255.255.255); without it such a send fails with EACCES. */
    setBroadcast(flag: boolean): void {
      this.#options('setBroadcast').broadcast = !!flag;
    }

    setTTL(ttl: number): number {
      if (typeof ttl !== 'number') throw invalidArgType('ttl', 'of type number', ttl);
      this.#options('setTTL');
      if (!(ttl >= 1 && ttl <= 255)) throw systemError('EINVAL', 'setTTL');
      return ttl;
    }

    setMulticastTTL(ttl: number): number {
      if (typeof ttl !== 'number') throw invalidArgType('ttl', 'of type number', ttl);
      this.#options('setMulticastTTL');
      if (!(ttl >= 0 && ttl <= 255)) throw systemError('EINVAL', 'setMulticastTTL');
      return ttl;
    }

    setMulticastLoopback(flag: boolean): boolean {
      this.#options('setMulticastLoopback');
      return flag;
    }

    setRecvBufferSize(size: number): void {
      this.#buffers('recv').recv = validBufferSize(size) * 2;
    }

    setSendBufferSize(size: number): void {
      this.#buffers('send').send = validBufferSize(size) * 2;
    }

    getRecvBufferSize(): number {
      return this.#buffers('recv').recv;
    }

    getSendBufferSize(): number {
      return this.#buffers('send').send;
    }

    /**
     * Socket options need the kernel socket, which exists once bound: before that, Node's calls fail with
     * EBADF (`setTTL EBADF`), named after the method that was called.
     */
    #options(method: string): { broadcast: boolean } {
      this.#healthCheck();
      if (this.#bind !== Bind.Bound) throw systemError('EBADF', method);
      return this.#settings;
    }

    /** SO_RCVBUF / SO_SNDBUF: Linux doubles what is asked (for its bookkeeping) and reports the double. */
    #buffers(which: 'recv' | 'send'): { recv: number; send: number } {
      this.#healthCheck();
      if (this.#bind !== Bind.Bound) throw nodeErrors.socketBufferSize(`uv_${which}_buffer_size`, 'EBADF');
      return this.#bufferSizes;
    }

    readonly #settings = { broadcast: false };
    readonly #bufferSizes = { recv: DEFAULT_BUFFER_SIZE, send: DEFAULT_BUFFER_SIZE };

    getSendQueueSize(): number {
      return 0;
    }

    getSendQueueCount(): number {
      return 0;
    }

    /** Keeps the program running while the socket is bound (the default). */
    ref(): this {
      this.#unreferenced = false;
      this.#hold?.ref();
      return this;
    }

    /** Lets the program end even while the socket is bound. */
    unref(): this {
      this.#unreferenced = true;
      this.#hold?.unref();
      return this;
    }

    #hold: Hold | null = null;
    #unreferenced = false;
  }
  named(Socket, 'Socket');

  function emitMessage(socket: Socket, message: { copy: Buffer; rinfo: RemoteInfo }): void {
    socket.emit('message', message.copy, message.rinfo);
  }
  function emitError(socket: Socket, error: SystemError): void {
    socket.emit('error', error);
  }

  const dgram = {
    /**
     * Creates a UDP socket (`'udp4'`). `listener` is added for 'message'.
     * @example const s = dgram.createSocket('udp4'); s.on('message', (msg, rinfo) => …); s.bind(53);
     */
    createSocket(type: 'udp4' | 'udp6' | SocketOptions, listener?: (msg: Buffer, rinfo: RemoteInfo) => void) {
      return new Socket(type, listener);
    },
    Socket,
  };
  return Object.freeze(dgram);
}

export type DgramModule = ReturnType<typeof bindDgram>;

function validBufferSize(size: unknown): number {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > 0xffffffff) throw invalidArgType('size', 'of type number', size);
  return size;
}

function viewOf(buffer: ArrayBufferView): Uint8Array {
  return buffer instanceof Uint8Array ? buffer : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Node's sliceBuffer: `offset`/`length` checked against the buffer (ERR_BUFFER_OUT_OF_BOUNDS). */
function sliceBuffer(buffer: unknown, offset: unknown, length: unknown): Uint8Array {
  let bytes: Uint8Array;
  if (typeof buffer === 'string') bytes = Buffer.from(buffer);
  else if (ArrayBuffer.isView(buffer)) bytes = viewOf(buffer);
  else throw invalidArgType('buffer', 'of type string or an instance of Buffer, TypedArray, or DataView', buffer);
  const start = Number(offset) >>> 0;
  const size = Number(length) >>> 0;
  if (start > bytes.byteLength) throw nodeErrors.bufferOutOfBounds('offset');
  if (start + size > bytes.byteLength) throw nodeErrors.bufferOutOfBounds('length');
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, size);
}

function fixBufferList(list: unknown[]): Uint8Array[] | null {
  const fixed: Uint8Array[] = [];
  for (const item of list) {
    if (typeof item === 'string') fixed.push(Buffer.from(item));
    else if (ArrayBuffer.isView(item)) fixed.push(viewOf(item));
    else return null;
  }
  return fixed;
}

