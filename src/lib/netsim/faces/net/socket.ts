/**
 * `net.Socket`, built as Node builds it (lib/net.js): a `stream.Duplex` from readable-stream over a kernel
 * handle (tcp-handle.ts). Everything the stream contract gives — buffering until someone reads,
 * pause/resume, `'readable'` and `read(n)`, async iteration, cork/uncork, `end(cb)`, pipe and pipeline
 * with backpressure, Node's errors and event order — comes from the same code Node runs; this file only
 * connects the stream to the handle as `lib/net.js` does.
 *
 * The class is made once per process (`defineSocket`), so a program that patches its own `net.Socket`
 * changes nobody else's, and the handle lives in a private field that no program can reach.
 */
import { formatIpv4, isIpv4, parseIpv4, toLocal } from '../../addresses';
import type { Errno } from '../../types';
import { nodeErrors, systemError, validateTimerDuration, type SystemError } from '../../errors';
import type { ScheduledEvent } from '../../clock';
import type { TcpSocket } from '../../tcp';
import { Buffer, streamModule } from '../../node/libs';
import { named } from '../named';
import type { FaceContext } from '../context';
import { normaliseConnectArgs, type ConnectOptions } from './args';
import { TcpHandle, type HandleOwner, type SocketName } from './tcp-handle';

export interface SocketConstructorOpts {
  allowHalfOpen?: boolean;
  readable?: boolean;
  writable?: boolean;
  noDelay?: boolean;
  keepAlive?: boolean;
  keepAliveInitialDelay?: number;
  readableHighWaterMark?: number;
  writableHighWaterMark?: number;
  signal?: AbortSignal;
}

/** What a server hands the socket class for a connection it accepted (never reachable by programs). */
interface Adoption {
  child: TcpSocket;
  pauseOnCreate: boolean;
}

type WriteCallback = (error?: Error | null) => void;

export type SocketClass = ReturnType<typeof defineSocket>['Socket'];
export type NetSocket = InstanceType<SocketClass>;

/** The process's `net.Socket`, and how its server makes a socket for an accepted connection. */
export function defineSocket(ctx: FaceContext) {
  const { Duplex } = streamModule;
  let adopting: Adoption | null = null;
  /** Told when an accepted socket is destroyed, with the server that accepted it (Node's server._connections--). */
  let acceptedGone: (server: object) => void = () => undefined;
  /** Which server accepted a socket: kept by the socket class itself, not in a field a program could change. */
  const acceptedBy = new WeakMap<object, object>();

  class Socket extends Duplex {
    /** True from `connect()` until the handshake completes or fails. */
    connecting = false;
    /** Idle timeout set by `setTimeout`, in milliseconds. */
    timeout: number | undefined = undefined;
    /** The server that accepted this connection, if any. */
    server: unknown = null;
    #handle: TcpHandle<Socket> | null = null;
    #peername: SocketName | null = null;
    #sockname: SocketName | null = null;
    #bytesReadBefore = 0;
    #bytesWrittenBefore = 0;
    #pendingData: unknown = null;
    #pendingEncoding = '';
    #timer: ScheduledEvent | null = null;
    #resetAndClosing = false;
    #requested: { address: string; port: number } | null = null;
    #unreferenced = false;

    constructor(options: SocketConstructorOpts = {}) {
      if (typeof options === 'number') throw new Error('netsim has no file descriptors: use net.connect() or a server\'s socket');
      const opts = { ...options } as Record<string, unknown>;
      opts.allowHalfOpen = Boolean(options.allowHalfOpen);
      opts.emitClose = false; // 'close' comes from the handle's close, as in Node
      opts.autoDestroy = true;
      opts.decodeStrings = false;
      super(opts);
      const adoption = adopting;
      adopting = null;
      this.on('end', onReadableStreamEnd);
      if (adoption) {
        this.#handle = this.#newHandle(adoption.child, true);
        if (options.readable !== false) {
          if (adoption.pauseOnCreate) {
            this.#handle.readStop();
            (this as unknown as { readableFlowing: boolean }).readableFlowing = false;
          } else this.read(0);
        }
      }
    }

    // ───────── connecting ─────────

    /**
     * Opens a connection: `connect(port, host?, listener?)` or `connect({ port, host, localAddress,
     * localPort, timeout }, listener?)`. `host` defaults to `localhost`. Failures arrive as 'error'.
     */
    connect(...args: unknown[]): this {
      const { options, listener } = normaliseConnectArgs(args);
      if (listener) this.once('connect', listener);
      if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
      if (this.destroyed) {
        this.#handle = null;
        this.#peername = null;
        this.#sockname = null;
      }
      (this as unknown as { _undestroy(): void })._undestroy();
      // As Node: the handle exists from connect() on (the kernel socket is made when it connects or binds).
      this.#handle ??= this.#newHandle(ctx.stack.newTcpSocket(ctx.host, ctx.process), false);
      this.#refreshTimer();
      this.connecting = true;
      if (options.timeout !== undefined) this.setTimeout(options.timeout);
      if (options.path !== undefined) this.#connectToPath(String(options.path));
      else this.#lookupAndConnect(options);
      return this;
    }

    /** A Unix domain socket: netsim's hosts have no file system, so the path never exists (ENOENT). */
    #connectToPath(path: string): void {
      ctx.soon(() => {
        if (!this.connecting) return;
        this.connecting = false;
        this.#fail(systemError('ENOENT', 'connect', path));
      }, undefined);
    }

    #lookupAndConnect(options: ConnectOptions): void {
      const host = options.host || 'localhost';
      const { port, localAddress, localPort } = options;
      if (localAddress && !isIpv4(localAddress)) throw nodeErrors.invalidIpAddress(localAddress);
      if (isIpv4(host)) {
        ctx.tick(() => {
          if (this.connecting) this.#internalConnect(host, port, localAddress, localPort);
        }, undefined);
        return;
      }
      // getaddrinfo runs beside the event loop: its answer is a later event.
      ctx.soon(() => {
        if (!this.connecting) return;
        const found = ctx.lookup(host);
        if ('error' in found) {
          ctx.recordError(found.error, this.#handle?.id ?? null);
          this.emit('lookup', found.error, undefined, undefined, host);
          ctx.tick(() => this.destroy(found.error), undefined);
          return;
        }
        const ip = formatIpv4(found.ip);
        this.emit('lookup', null, ip, 4, host);
        if (this.connecting) this.#internalConnect(ip, port, localAddress, localPort);
      }, undefined);
    }

    #internalConnect(address: string, port: number, localAddress: string | undefined, localPort: number | undefined): void {
      const handle = this.#handle;
      if (!handle) return;
      if (localAddress || localPort) {
        const local = localAddress || '0.0.0.0';
        const failure = handle.bind(parseIpv4(local), localPort ?? 0);
        if (failure) return this.#fail(systemError(failure, 'bind', local, localPort ?? 0));
      }
      this.emit('connectionAttempt', address, port, 4);
      this.#requested = { address, port };
      const failure = handle.connect(toLocal(parseIpv4(address)), port);
      if (failure) {
        const name = handle.getsockname();
        const local = name ? `${name.address}:${name.port}` : '0.0.0.0:0';
        this.#fail(systemError(failure, 'connect', address, port, `Local (${local})`));
      }
    }

    /** An error from the kernel: netsim records it, then the stream destroys itself with it as Node's does. */
    #fail(error: SystemError): void {
      ctx.recordError(error, this.#handle?.id ?? null);
      this.destroy(error);
    }

    /**
     * What the handle reports, as Node's afterConnect, onStreamRead, onWriteComplete and afterShutdown: one
     * table for every socket of the process (a handle passes its socket in).
     */
    static readonly #owner: HandleOwner<Socket> = {
      connectDone(socket, error) {
        socket.#connectDone(error);
      },
      read(socket, chunk) {
        socket.#refreshTimer();
        if (socket.destroyed) return;
        if (!socket.push(chunk)) socket.#handle?.readStop();
      },
      eof(socket) {
        socket.#refreshTimer();
        if (socket.readableEnded) return;
        socket.push(null);
        socket.read(0);
      },
      failed(socket, error) {
        socket.#fail(error);
      },
      written(socket, callback) {
        if (!socket.destroyed) socket.#refreshTimer();
        callback(null);
      },
      shutdownDone(_socket, callback) {
        callback();
      },
    };

    #connectDone(error: SystemError | null): void {
      if (this.destroyed) return;
      this.connecting = false;
      this.#sockname = null;
      if (error) {
        // Node names what the program asked for (0.0.0.0 stays 0.0.0.0 though Linux went to 127.0.0.1).
        const asked = this.#requested ?? { address: error.address, port: error.port };
        const shown = systemError(error.code as Errno, 'connect', asked.address, asked.port);
        ctx.recordError(shown, this.#handle?.id ?? null);
        this.emit('connectionAttemptFailed', asked.address, asked.port, 4, shown);
        this.destroy(shown);
        return;
      }
      this.#refreshTimer();
      this.emit('connect');
      this.emit('ready');
      if (!this.isPaused()) this.read(0);
    }

    /** A handle for this socket, on a kernel socket of its own or on one the server accepted. */
    #newHandle(core: TcpSocket, accepted: boolean): TcpHandle<Socket> {
      const handle = accepted ? TcpHandle.accepted(core, ctx, this, Socket.#owner) : new TcpHandle(core, ctx, this, Socket.#owner);
      if (this.#unreferenced) handle.setReferenced(false);
      return handle;
    }

    // ───────── the stream's hooks ─────────

    override _read(_size: number): void {
      const handle = this.#handle;
      if (this.connecting || !handle) this.once('connect', () => this._read(_size));
      else if (!handle.reading) handle.readStart();
    }

    override _write(data: unknown, encoding: BufferEncoding, callback: WriteCallback): void {
      this.#writeGeneric(false, data, encoding, callback);
    }

    override _writev(chunks: { chunk: unknown; encoding: BufferEncoding }[], callback: WriteCallback): void {
      this.#writeGeneric(true, chunks, '', callback);
    }

    #writeGeneric(writev: boolean, data: unknown, encoding: string, callback: WriteCallback): void {
      if (this.connecting) {
        this.#pendingData = data;
        this.#pendingEncoding = encoding;
        const onClose = () => callback(nodeErrors.socketClosedBeforeConnection());
        this.once('connect', () => {
          this.off('close', onClose);
          this.#writeGeneric(writev, data, encoding, callback);
        });
        this.once('close', onClose);
        return;
      }
      this.#pendingData = null;
      this.#pendingEncoding = '';
      const handle = this.#handle;
      if (!handle) return callback(nodeErrors.socketClosed());
      this.#refreshTimer();
      // A Buffer made here from text is the socket's own: the kernel need not copy it (a program's must be).
      const chunks = data as { chunk: unknown }[];
      const isPrivate = writev ? chunks.length > 1 || typeof chunks[0]?.chunk === 'string' : typeof data === 'string';
      const bytes = writev ? joinChunks(data as { chunk: unknown; encoding: BufferEncoding }[]) : toBuffer(data, encoding as BufferEncoding);
      if (handle.write(bytes, isPrivate, callback)) callback(null);
    }

    override _final(callback: WriteCallback): void {
      if (this.connecting) {
        this.once('connect', () => this._final(callback));
        return;
      }
      const handle = this.#handle;
      if (!handle) return callback();
      handle.shutdown(callback);
    }

    override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
      this.connecting = false;
      this.#clearTimer();
      const handle = this.#handle;
      if (handle) {
        const hadError = !!error;
        this.#bytesReadBefore = handle.bytesRead;
        this.#bytesWrittenBefore = handle.bytesWritten;
        if (this.#resetAndClosing) {
          this.#resetAndClosing = false;
          handle.reset();
        } else handle.close();
        // uv_close's callback runs on a later turn of the loop: 'close' follows 'error'.
        ctx.soon(() => this.emit('close', hadError), undefined);
        this.#handle = null;
        this.#sockname = null;
        callback(error);
      } else {
        callback(error);
        // Node's emitCloseNT for a socket that never had a handle: 'close' with no argument.
        ctx.tick(() => this.emit('close'), undefined);
      }
      const server = acceptedBy.get(this);
      if (server) {
        acceptedBy.delete(this);
        acceptedGone(server);
      }
    }

    // ───────── Node's public API beyond the stream ─────────

    override write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
      const limit = ctx.stack.limits.bufferedBytes;
      if (this.writableLength > limit) ctx.stack.exceed('bufferedBytes', limit, ctx.host.node.name, ctx.process.pid);
      return (Duplex.prototype.write as (...a: unknown[]) => boolean).call(this, chunk, encoding, callback);
    }

    /** Closes with a RST (SO_LINGER 0) instead of a FIN. */
    resetAndDestroy(): this {
      if (this.#handle) {
        if (this.connecting) this.once('connect', () => this.#reset());
        else this.#reset();
      } else this.destroy(nodeErrors.socketClosed());
      return this;
    }

    #reset(): void {
      this.#resetAndClosing = true;
      this.destroy();
    }

    /** Ends the writable side, then destroys the socket once everything was written. */
    destroySoon(): void {
      if (this.writable) this.end();
      if (this.writableFinished) this.destroy();
      else this.once('finish', () => this.destroy());
    }

    /** Emits 'timeout' after `ms` without activity (0 turns it off). The socket stays open: end it yourself. */
    setTimeout(ms: number, callback?: () => void): this {
      if (this.destroyed) return this;
      validateTimerDuration(ms, 'msecs');
      this.timeout = ms;
      this.#clearTimer();
      if (ms === 0) {
        if (callback !== undefined) this.removeListener('timeout', callback);
      } else {
        this.#timeoutMs = ms;
        this.#timer = ctx.stack.clock.schedule(ms, Socket.#timeoutFired, this, ctx.process);
        if (callback !== undefined) this.once('timeout', callback);
      }
      return this;
    }

    #timeoutMs = 0;

    static #timeoutFired(socket: Socket): void {
      socket.#timer = null;
      ctx.enter();
      socket.emit('timeout');
    }

    #refreshTimer(): void {
      if (this.#timeoutMs === 0) return;
      if (this.#timer) ctx.stack.clock.cancel(this.#timer);
      this.#timer = ctx.stack.clock.schedule(this.#timeoutMs, Socket.#timeoutFired, this, ctx.process);
    }

    #clearTimer(): void {
      if (this.#timer) ctx.stack.clock.cancel(this.#timer);
      this.#timer = null;
      this.#timeoutMs = 0;
    }

    /** Accepted and ignored: netsim has no Nagle delay. */
    setNoDelay(_noDelay?: boolean): this {
      return this;
    }

    /** Accepted and ignored: netsim sends no keep-alive probes. */
    setKeepAlive(_enable?: boolean, _initialDelay?: number): this {
      return this;
    }

    /** Keeps the program running while this socket is open (the default). */
    ref(): this {
      this.#unreferenced = false;
      this.#handle?.setReferenced(true);
      return this;
    }

    /** Lets the program end even while this socket is open. */
    unref(): this {
      this.#unreferenced = true;
      this.#handle?.setReferenced(false);
      return this;
    }

    /** The local end: `{ address, family, port }`, or `{}` without a connection. */
    address(): SocketName | Record<string, never> {
      return this.#getsockname();
    }

    #getsockname(): SocketName | Record<string, never> {
      if (!this.#handle) return {};
      if (!this.#sockname) {
        const name = this.#handle.getsockname();
        if (!name) return {};
        this.#sockname = name;
      }
      return this.#sockname;
    }

    #getpeername(): Partial<SocketName> {
      if (!this.#handle || this.connecting) return this.#peername ?? {};
      if (!this.#peername) {
        const name = this.#handle.getpeername();
        if (!name) return {};
        this.#peername = name;
      }
      return this.#peername;
    }

    get localAddress(): string | undefined {
      return (this.#getsockname() as Partial<SocketName>).address;
    }

    get localPort(): number | undefined {
      return (this.#getsockname() as Partial<SocketName>).port;
    }

    get localFamily(): string | undefined {
      return (this.#getsockname() as Partial<SocketName>).family;
    }

    get remoteAddress(): string | undefined {
      return this.#getpeername().address;
    }

    get remotePort(): number | undefined {
      return this.#getpeername().port;
    }

    get remoteFamily(): string | undefined {
      return this.#getpeername().family;
    }

    /** True until the socket is connected (or while it connects). */
    get pending(): boolean {
      return !this.#handle || this.connecting;
    }

    get readyState(): 'opening' | 'open' | 'readOnly' | 'writeOnly' | 'closed' {
      if (this.connecting) return 'opening';
      if (this.readable && this.writable) return 'open';
      if (this.readable && !this.writable) return 'readOnly';
      if (!this.readable && this.writable) return 'writeOnly';
      return 'closed';
    }

    /** Bytes buffered for writing (Node's deprecated alias of `writableLength`). */
    get bufferSize(): number | undefined {
      return this.#handle ? this.writableLength : undefined;
    }

    get bytesRead(): number {
      return this.#handle ? this.#handle.bytesRead : this.#bytesReadBefore;
    }

    /** Bytes written so far, including those still buffered. */
    get bytesWritten(): number | undefined {
      let bytes = this.#handle ? this.#handle.bytesWritten : this.#bytesWrittenBefore;
      const buffered = (this as unknown as { writableBuffer?: { chunk: unknown; encoding: string }[] }).writableBuffer;
      if (!buffered) return undefined;
      for (const entry of buffered) bytes += byteLength(entry.chunk, entry.encoding);
      if (this.#pendingData) {
        const pending = this.#pendingData;
        if (Array.isArray(pending)) for (const entry of pending as { chunk: unknown; encoding: string }[]) bytes += byteLength(entry.chunk, entry.encoding);
        else bytes += byteLength(pending, this.#pendingEncoding);
      }
      return bytes;
    }
  }
  named(Socket, 'Socket');

  /** Node's onReadableStreamEnd: once the peer ended, writes on a socket that is not half-open fail (EPIPE). */
  function onReadableStreamEnd(this: Socket): void {
    if (!this.allowHalfOpen) this.write = writeAfterFIN;
  }

  function writeAfterFIN(this: Socket, chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    if (!this.writableEnded) return (Duplex.prototype.write as (...a: unknown[]) => boolean).call(this, chunk, encoding, callback);
    if (typeof encoding === 'function') callback = encoding;
    const error = nodeErrors.endedByOtherParty();
    if (typeof callback === 'function') ctx.tick(callback as (e: Error) => void, error);
    this.destroy(error);
    return false;
  }

  /** A socket for a connection `child` that `server` accepted. */
  function accept(child: TcpSocket, options: SocketConstructorOpts & { pauseOnCreate: boolean }, server: object): Socket {
    adopting = { child, pauseOnCreate: options.pauseOnCreate };
    const socket = new Socket({ ...options, readable: true, writable: true });
    acceptedBy.set(socket, server);
    return socket;
  }

  /** The server class says how it counts its connections down (one function for all servers of the process). */
  function whenAcceptedGone(count: (server: object) => void): void {
    acceptedGone = count;
  }

  return { Socket, accept, whenAcceptedGone };
}

function toBuffer(data: unknown, encoding: BufferEncoding): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, encoding);
  return data as Uint8Array;
}

function joinChunks(chunks: { chunk: unknown; encoding: BufferEncoding }[]): Uint8Array {
  if (chunks.length === 1) return toBuffer(chunks[0]!.chunk, chunks[0]!.encoding);
  return Buffer.concat(chunks.map((entry) => toBuffer(entry.chunk, entry.encoding)));
}

function byteLength(chunk: unknown, encoding: string): number {
  if (typeof chunk === 'string') return Buffer.byteLength(chunk, (encoding || 'utf8') as BufferEncoding);
  return (chunk as Uint8Array).length ?? 0;
}
