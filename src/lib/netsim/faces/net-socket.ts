/**
 * `net.Socket`, as Node's: a duplex byte stream over one TCP connection, with Node's events in Node's
 * order ('connect' → 'ready' → 'data'… → 'end' → 'finish' → 'close'), write backpressure ('drain'), and
 * errors shaped as Node's. This file is what a socket does; what it holds and shows is net-socket-base.ts.
 */
import { formatIpv4, isIpv4, parseIpv4 } from '../addresses';
import { nodeErrors, systemError, type SystemError } from '../errors';
import type { TcpSocket } from '../tcp';
import { Buffer, type BufferEncoding } from './buffer';
import type { EventEmitter } from './events';
import { normaliseConnectArgs, toBytes, validatePort } from './net-args';
import { IdleTimer } from './idle-timer';
import { SocketBase } from './net-socket-base';
import { pipe } from './pipe';
import {
  CONTEXT,
  contextOf,
  WRITABLE_HIGH_WATER_MARK,
  type AddressInfo,
  type ErrnoException,
  type SocketConstructorOpts,
  type TcpSocketConnectOpts,
} from './net-types';

export { normaliseConnectArgs, toBytes, validatePort };

export { CONTEXT, contextOf, WRITABLE_HIGH_WATER_MARK };
export type { AddressInfo, ErrnoException, SocketConstructorOpts, TcpSocketConnectOpts };

/** TextDecoder options for a chunk of a longer stream (made once). */
const STREAM: TextDecodeOptions = { stream: true };

/** A TCP connection, as Node's `net.Socket`. Its events are typed by the `Socket` interface at the end of this file. */
export class Socket extends SocketBase {
  #encoding: BufferEncoding | null = null;
  #decoder: TextDecoder | null = null;
  #paused = false;
  #shutdownSent = false;
  #closeScheduled = false;
  readonly #idle: IdleTimer;
  /** Servers count their connections through this. */
  onClose: (() => void) | null = null;

  constructor(options: SocketConstructorOpts = {}) {
    super(options);
    this.#idle = new IdleTimer(this.ctx, this);
  }

  /** A socket for a connection a server accepted (netsim's own use). */
  static accepted<T extends Socket>(this: new (options?: SocketConstructorOpts) => T, core: TcpSocket, allowHalfOpen: boolean): T {
    const socket = new this({ allowHalfOpen });
    socket.#attach(core);
    socket.pending = false;
    return socket;
  }

  /**
   * Opens a connection: `connect(port, host?, connectListener?)` or `connect({ port, host }, listener?)`.
   * `host` defaults to `localhost`. Failures arrive as an `'error'` event (ECONNREFUSED, ENOTFOUND…).
   */
  connect(options: TcpSocketConnectOpts, connectListener?: () => void): this;
  connect(port: number, host?: string, connectListener?: () => void): this;
  connect(port: number, connectListener?: () => void): this;
  connect(...args: unknown[]): this {
    const { options, listener } = normaliseConnectArgs(args);
    if (listener) this.once('connect', listener);
    if (options.allowHalfOpen !== undefined) this.allowHalfOpen = options.allowHalfOpen;
    if (options.timeout !== undefined) this.setTimeout(options.timeout);
    const host = options.host ?? 'localhost';
    this.connecting = true;
    this.pending = true;
    this.ctx.tick(startConnect, { socket: this, host, options });
    return this;
  }

  /** Called in the next tick by `connect`: name lookup, then the kernel's connect. */
  #startConnect(host: string, options: TcpSocketConnectOpts): void {
    if (this.destroyed) return;
    const found = this.ctx.lookup(host);
    if ('error' in found) return void this.destroy(found.error);
    this.emit('lookup', null, formatIpv4(found.ip), 4, host);
    const core = this.ctx.stack.newTcpSocket(this.ctx.host, this.ctx.process);
    this.#attach(core);
    if (options.localAddress !== undefined || options.localPort !== undefined) {
      const local = options.localAddress ?? '0.0.0.0';
      const failure = isIpv4(local) ? core.bind(parseIpv4(local), options.localPort ?? 0) : 'EINVAL';
      if (failure) return void this.destroy(systemError(failure, 'bind', local, options.localPort ?? 0));
    }
    const failure = core.connect(found.ip, options.port);
    if (failure) {
      // Linux fails at once, before any address is chosen: Node adds "- Local (0.0.0.0:0)".
      return void this.destroy(systemError(failure, 'connect', formatIpv4(found.ip), options.port, 'Local (0.0.0.0:0)'));
    }
  }

  #attach(core: TcpSocket): void {
    this.core = core;
    core.user = this;
    this.ctx.process.onExit.add(this.#onExit);
  }

  readonly #onExit = (): void => {
    this.destroyed = true;
    this.core?.close();
  };

  // ───────── TcpUser: what the kernel tells us ─────────

  /** @internal */
  connected(): void {
    this.ctx.enter();
    this.connecting = false;
    this.pending = false;
    this.#touch();
    this.emit('connect');
    this.emit('ready');
    this.#flush();
  }

  /** @internal */
  data(chunk: Uint8Array): void {
    this.ctx.enter();
    this.bytesRead += chunk.length;
    this.#touch();
    if (this.#decoder) this.emitValue('data', this.#decoder.decode(chunk, STREAM));
    else if (this.#encoding) this.emitValue('data', Buffer.view(chunk).toString(this.#encoding));
    else this.emitValue('data', Buffer.view(chunk));
  }

  /** @internal */
  ended(): void {
    this.peerEnded = true;
    this.ctx.tick(emitEnd, this);
  }

  #emitEnd(): void {
    if (this.destroyed) return;
    this.readableEnded = true;
    this.emit('end');
    if (!this.allowHalfOpen) this.end();
    this.#maybeDestroy();
  }

  /** @internal The kernel has room again. */
  roomToSend(): void {
    this.#flush();
  }

  /** @internal The kernel closed the connection with an error. */
  failed(error: SystemError): void {
    this.destroy(error);
  }

  // ───────── writing ─────────

  /**
   * Queues bytes for sending. Returns false once the buffered bytes reach `writableHighWaterMark`:
   * wait for `'drain'` before writing more.
   */
  write(data: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    const bytes = toBytes(data, encoding as BufferEncoding | undefined);
    if (this.peerEnded && !this.allowHalfOpen && !this.writableEnded && !this.destroyed) {
      // Node swaps `write` for writeAfterFIN once the peer ended; `end(data)` is not affected.
      const error = nodeErrors.endedByOtherParty();
      if (callback) this.ctx.tick(callback, error);
      this.destroy(error);
      return false;
    }
    return this.#write(bytes, callback);
  }

  #write(bytes: Uint8Array, callback: ((error?: Error | null) => void) | undefined): boolean {
    if (this.writableEnded) {
      const error = nodeErrors.writeAfterEnd();
      if (callback) this.ctx.tick(callback, error);
      this.ctx.tick(raiseError, { socket: this, error });
      return false;
    }
    if (this.destroyed) {
      const error = nodeErrors.streamDestroyed('write');
      if (callback) this.ctx.tick(callback, error);
      return false;
    }
    // Writing is activity too: Node restarts the `setTimeout` idle timer on every write.
    this.#touch();
    const ok = this.writes.add(this.core, !this.connecting, bytes, callback);
    this.#flush();
    return ok;
  }

  /** Sends the remaining bytes (and `data`, if given), then a FIN. `callback` runs on 'finish'. */
  end(data?: string | Uint8Array | (() => void), encoding?: BufferEncoding | (() => void), callback?: () => void): this {
    if (typeof data === 'function') {
      callback = data;
      data = undefined;
    } else if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    if (data !== undefined && data !== null) this.#write(toBytes(data, encoding as BufferEncoding | undefined), undefined);
    if (callback) this.once('finish', callback);
    if (this.writableEnded) return this;
    this.writableEnded = true;
    this.#flush();
    return this;
  }

  /** Hands queued bytes to the kernel as far as its send buffer allows; then the FIN if ending. */
  #flush(): void {
    const core = this.core;
    if (!core || this.connecting || this.destroyed) return;
    const writes = this.writes;
    if (!writes.flush(core)) return;
    if (writes.length === 0 && writes.needDrain) {
      writes.needDrain = false;
      this.ctx.tick(emitDrain, this);
    }
    if (this.writableEnded && !this.#shutdownSent) {
      this.#shutdownSent = true;
      core.shutdown();
      this.ctx.tick(emitFinish, this);
    }
  }

  #emitFinish(): void {
    if (this.destroyed) return;
    this.writableFinished = true;
    this.emit('finish');
    this.#maybeDestroy();
  }

  /** Node's autoDestroy: once both directions are done, the socket closes. */
  #maybeDestroy(): void {
    if (this.readableEnded && this.writableFinished) this.destroy();
  }

  // ───────── reading ─────────

  /** 'data' events carry strings decoded with `encoding` instead of Buffers. */
  setEncoding(encoding: BufferEncoding = 'utf8'): this {
    Buffer.from('', encoding); // validates the name
    this.#encoding = encoding;
    // A character split across segments must arrive whole, as Node's StringDecoder ensures.
    this.#decoder = encoding === 'utf8' || encoding === 'utf-8' ? new TextDecoder() : null;
    return this;
  }

  /** Stops 'data' events; unread bytes wait in the kernel and the receive window shrinks. */
  pause(): this {
    this.#paused = true;
    this.core?.setReading(false);
    return this;
  }

  resume(): this {
    this.#paused = false;
    this.core?.setReading(true);
    return this;
  }

  /** Sends everything read from this socket to `destination` (ending it on 'end'), with backpressure. */
  pipe<W extends EventEmitter & { write(chunk: any): boolean; end(): unknown }>(destination: W, options?: { end?: boolean }): W {
    return pipe(this, destination, options);
  }

  isPaused(): boolean {
    return this.#paused;
  }

  // ───────── closing ─────────

  /**
   * Closes the socket now. With an error, emits 'error' then 'close'(true). Unread data makes the
   * kernel send RST instead of FIN.
   */
  destroy(error?: Error): this {
    if (this.destroyed) return this;
    this.destroyed = true;
    this.connecting = false;
    this.#clearIdle();
    this.ctx.process.onExit.delete(this.#onExit);
    const core = this.core;
    if (core) core.close();
    if (error) this.ctx.tick(raiseError, { socket: this, error });
    this.#scheduleClose(!!error);
    return this;
  }

  /** Closes with a RST (SO_LINGER 0), as Node's `resetAndDestroy`. */
  resetAndDestroy(): this {
    if (!this.destroyed) this.core?.abort();
    return this.destroy();
  }

  destroySoon(): void {
    this.end();
  }

  #scheduleClose(hadError: boolean): void {
    if (this.#closeScheduled) return;
    this.#closeScheduled = true;
    // Node emits 'close' from the handle's close callback: a later turn of the loop than 'error'.
    this.ctx.soon(emitClose, { socket: this, hadError });
  }

  #emitClose(hadError: boolean): void {
    this.emit('close', hadError);
    this.onClose?.();
  }

  // ───────── options ─────────

  /** Emits 'timeout' after `ms` of inactivity (0 disables). The socket stays open: end it yourself. */
  setTimeout(ms: number, callback?: () => void): this {
    if (callback) this.once('timeout', callback);
    this.timeout = ms > 0 ? ms : undefined;
    this.#idle.set(this.timeout);
    return this;
  }

  #touch(): void {
    this.#idle.touch();
  }

  #clearIdle(): void {
    this.#idle.set(undefined);
  }

  /** @internal */
  static runStartConnect(socket: Socket, host: string, options: TcpSocketConnectOpts): void {
    socket.#startConnect(host, options);
  }
  /** @internal */
  static runEmitEnd(socket: Socket): void {
    socket.#emitEnd();
  }
  /** @internal */
  static runEmitFinish(socket: Socket): void {
    socket.#emitFinish();
  }
  /** @internal */
  static runEmitClose(socket: Socket, hadError: boolean): void {
    socket.#emitClose(hadError);
  }
  /** @internal */
  static raise(socket: Socket, error: Error): void {
    socket.ctx.raise(socket, error, socket.socketId);
  }
}

function startConnect(arg: { socket: Socket; host: string; options: TcpSocketConnectOpts }): void {
  Socket.runStartConnect(arg.socket, arg.host, arg.options);
}
function emitEnd(socket: Socket): void {
  Socket.runEmitEnd(socket);
}
function emitFinish(socket: Socket): void {
  Socket.runEmitFinish(socket);
}
function emitDrain(socket: Socket): void {
  if (!socket.destroyed) socket.emit('drain');
}
function emitClose(arg: { socket: Socket; hadError: boolean }): void {
  Socket.runEmitClose(arg.socket, arg.hadError);
}
function raiseError(arg: { socket: Socket; error: Error }): void {
  Socket.raise(arg.socket, arg.error);
}

/**
 * The events a Socket emits and what their listeners receive, as in Node's typings. An interface merged
 * with the class: only types, nothing is added to the prototype or to the 'data' path. Hover shows an
 * undocumented overload with its method's first doc comment: hence one doc for each of addListener & co.
 */
export interface Socket {
  /** `'close'`: the socket is fully closed; `hadError` is true if an error closed it. */
  on(event: 'close', listener: (hadError: boolean) => void): this;
  /** `'connect'`: the connection is established (the three-way handshake completed). */
  on(event: 'connect', listener: () => void): this;
  /**
   * `'data'`: bytes arrived, as a Buffer (a string after `setEncoding`: then write `(text: string) => …`). A chunk
   * is not one `write` of the peer: TCP keeps no message boundaries.
   */
  on(event: 'data', listener: (data: Buffer) => void): this;
  /** `'drain'`: the write buffer emptied: after `write` returned false, write again. */
  on(event: 'drain', listener: () => void): this;
  /** `'end'`: the peer ended its side (its FIN arrived): nothing more will be read. */
  on(event: 'end', listener: () => void): this;
  /**
   * `'error'`: something failed; `err.code` says what (ECONNREFUSED, ECONNRESET, ETIMEDOUT, ENOTFOUND…). Without
   * an 'error' listener, the program crashes with it.
   */
  on(event: 'error', listener: (err: ErrnoException) => void): this;
  /** `'finish'`: after `end()`, every byte written went to the kernel, and the FIN with it. */
  on(event: 'finish', listener: () => void): this;
  /** `'lookup'`: `host` was resolved to `address`, before connecting. */
  on(event: 'lookup', listener: (err: Error | null, address: string, family: number, host: string) => void): this;
  /** `'ready'`: the socket can be used; follows 'connect' at once. */
  on(event: 'ready', listener: () => void): this;
  /** `'timeout'`: the socket was idle for the `setTimeout` delay. It stays open: end it yourself. */
  on(event: 'timeout', listener: () => void): this;
  /** Any other event: the listener's arguments are untyped (`any`). A misspelt event name lands here too. */
  on(event: string | symbol, listener: (...args: any[]) => unknown): this;
  /** `'close'`: the socket is fully closed; `hadError` is true if an error closed it. */
  once(event: 'close', listener: (hadError: boolean) => void): this;
  /** `'connect'`: the connection is established (the three-way handshake completed). */
  once(event: 'connect', listener: () => void): this;
  /**
   * `'data'`: bytes arrived, as a Buffer (a string after `setEncoding`: then write `(text: string) => …`). A chunk
   * is not one `write` of the peer: TCP keeps no message boundaries.
   */
  once(event: 'data', listener: (data: Buffer) => void): this;
  /** `'drain'`: the write buffer emptied: after `write` returned false, write again. */
  once(event: 'drain', listener: () => void): this;
  /** `'end'`: the peer ended its side (its FIN arrived): nothing more will be read. */
  once(event: 'end', listener: () => void): this;
  /**
   * `'error'`: something failed; `err.code` says what (ECONNREFUSED, ECONNRESET, ETIMEDOUT, ENOTFOUND…). Without
   * an 'error' listener, the program crashes with it.
   */
  once(event: 'error', listener: (err: ErrnoException) => void): this;
  /** `'finish'`: after `end()`, every byte written went to the kernel, and the FIN with it. */
  once(event: 'finish', listener: () => void): this;
  /** `'lookup'`: `host` was resolved to `address`, before connecting. */
  once(event: 'lookup', listener: (err: Error | null, address: string, family: number, host: string) => void): this;
  /** `'ready'`: the socket can be used; follows 'connect' at once. */
  once(event: 'ready', listener: () => void): this;
  /** `'timeout'`: the socket was idle for the `setTimeout` delay. It stays open: end it yourself. */
  once(event: 'timeout', listener: () => void): this;
  /** Any other event: the listener's arguments are untyped (`any`). A misspelt event name lands here too. */
  once(event: string | symbol, listener: (...args: any[]) => unknown): this;
  /** Same as `on`. */
  addListener(event: 'close', listener: (hadError: boolean) => void): this;
  addListener(event: 'connect', listener: () => void): this;
  addListener(event: 'data', listener: (data: Buffer) => void): this;
  addListener(event: 'drain', listener: () => void): this;
  addListener(event: 'end', listener: () => void): this;
  addListener(event: 'error', listener: (err: ErrnoException) => void): this;
  addListener(event: 'finish', listener: () => void): this;
  addListener(event: 'lookup', listener: (err: Error | null, address: string, family: number, host: string) => void): this;
  addListener(event: 'ready', listener: () => void): this;
  addListener(event: 'timeout', listener: () => void): this;
  addListener(event: string | symbol, listener: (...args: any[]) => unknown): this;
  /** As `on`, but the listener runs before those already added. */
  prependListener(event: 'close', listener: (hadError: boolean) => void): this;
  prependListener(event: 'connect', listener: () => void): this;
  prependListener(event: 'data', listener: (data: Buffer) => void): this;
  prependListener(event: 'drain', listener: () => void): this;
  prependListener(event: 'end', listener: () => void): this;
  prependListener(event: 'error', listener: (err: ErrnoException) => void): this;
  prependListener(event: 'finish', listener: () => void): this;
  prependListener(event: 'lookup', listener: (err: Error | null, address: string, family: number, host: string) => void): this;
  prependListener(event: 'ready', listener: () => void): this;
  prependListener(event: 'timeout', listener: () => void): this;
  prependListener(event: string | symbol, listener: (...args: any[]) => unknown): this;
  /** As `once`, but the listener runs before those already added. */
  prependOnceListener(event: 'close', listener: (hadError: boolean) => void): this;
  prependOnceListener(event: 'connect', listener: () => void): this;
  prependOnceListener(event: 'data', listener: (data: Buffer) => void): this;
  prependOnceListener(event: 'drain', listener: () => void): this;
  prependOnceListener(event: 'end', listener: () => void): this;
  prependOnceListener(event: 'error', listener: (err: ErrnoException) => void): this;
  prependOnceListener(event: 'finish', listener: () => void): this;
  prependOnceListener(event: 'lookup', listener: (err: Error | null, address: string, family: number, host: string) => void): this;
  prependOnceListener(event: 'ready', listener: () => void): this;
  prependOnceListener(event: 'timeout', listener: () => void): this;
  prependOnceListener(event: string | symbol, listener: (...args: any[]) => unknown): this;
}
