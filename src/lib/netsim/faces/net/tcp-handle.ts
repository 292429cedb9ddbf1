/**
 * The kernel side of a `net.Socket`, as libuv's TCP handle is to Node's: netsim's TcpSocket seen through
 * the calls `lib/net.js` makes (readStart/readStop, write with a completion callback, shutdown, close,
 * reset, getsockname/getpeername) and the callbacks it expects (connect done, bytes read, EOF, error).
 *
 * A socket keeps its handle in a private field: nothing a program can reach leads here. The handle is the
 * kernel socket's user itself, and tells its socket through a table of functions shared by every socket of
 * the class (`HandleOwner`), so 10,000 connections do not cost 10,000 sets of closures.
 */
import { formatIpv4 } from '../../addresses';
import { Fifo } from '../../fifo';
import type { SystemError } from '../../errors';
import type { TcpSocket, TcpUser } from '../../tcp';
import type { Errno } from '../../types';
import { LOOPBACK_LATENCY_MS } from '../../network';
import { Buffer } from '../../node/libs';
import type { FaceContext } from '../context';

/** What a socket hears from its handle (Node's afterConnect, onStreamRead, onWriteComplete, afterShutdown). */
export interface HandleOwner<S> {
  /** The handshake completed (`error` null) or failed (ECONNREFUSED, ETIMEDOUT, EHOSTUNREACH…). */
  connectDone(socket: S, error: SystemError | null): void;
  /** Bytes arrived while reading was on: a Buffer of its own the program may keep and change. */
  read(socket: S, chunk: Buffer): void;
  /** The peer's FIN arrived after every byte before it. */
  eof(socket: S, nothing?: undefined): void;
  /** The connection broke (ECONNRESET, or ETIMEDOUT on an established connection). */
  failed(socket: S, error: SystemError): void;
  /** A write that had to wait for room was all taken by the kernel: run the stream's callback. */
  written(socket: S, callback: (error?: Error | null) => void): void;
  /** The FIN is on its way (a later turn of the loop than `shutdown`, as libuv's). */
  shutdownDone(socket: S, callback: (error?: Error | null) => void): void;
}

export interface SocketName {
  address: string;
  family: 'IPv4';
  port: number;
}

interface PendingWrite {
  bytes: Uint8Array;
  offset: number;
  callback: (error?: Error | null) => void;
}

export class TcpHandle<S = unknown> implements TcpUser {
  /** Whether bytes are being delivered (libuv's readStart/readStop). */
  reading = false;
  readonly #core: TcpSocket;
  readonly #ctx: FaceContext;
  readonly #socket: S;
  readonly #owner: HandleOwner<S>;
  #writes: Fifo<PendingWrite> | null = null;
  #queued = 0;
  #shutdownCallback: ((error?: Error | null) => void) | null = null;
  #bytesRead = 0;
  #bytesWritten = 0;
  #closed = false;

  constructor(core: TcpSocket, ctx: FaceContext, socket: S, owner: HandleOwner<S>) {
    this.#core = core;
    this.#ctx = ctx;
    this.#socket = socket;
    this.#owner = owner;
    core.user = this;
    ctx.openHandles.add(this);
    ctx.holdTaken(); // an open TCP handle keeps the process alive (unless the socket is unref'd)
  }

  #referenced = true;

  /** The socket's ref()/unref(): whether this open handle keeps the process alive. */
  setReferenced(referenced: boolean): void {
    if (this.#closed || referenced === this.#referenced) return;
    this.#referenced = referenced;
    if (referenced) this.#ctx.holdTaken();
    else this.#ctx.holdDropped();
  }

  #letGo(): void {
    this.#ctx.openHandles.delete(this);
    if (this.#referenced) this.#ctx.holdDropped();
  }

  /** A handle for a connection the kernel made for a listener (accept). */
  static accepted<S>(child: TcpSocket, ctx: FaceContext, socket: S, owner: HandleOwner<S>): TcpHandle<S> {
    child.adopt(ctx.process);
    return new TcpHandle(child, ctx, socket, owner);
  }

  /** netsim's id of the kernel socket, for error records. */
  get id(): number {
    return this.#core.id;
  }

  get bytesRead(): number {
    return this.#bytesRead;
  }

  get bytesWritten(): number {
    return this.#bytesWritten;
  }

  /** Bytes written and not yet taken by the kernel's send buffer (libuv's writeQueueSize). */
  get writeQueueSize(): number {
    return this.#queued;
  }

  bind(ip: number, port: number): Errno | null {
    return this.#core.bind(ip, port);
  }

  connect(ip: number, port: number): Errno | null {
    return this.#core.connect(ip, port);
  }

  readStart(): void {
    this.reading = true;
    if (!this.#closed) this.#core.setReading(true);
  }

  readStop(): void {
    this.reading = false;
    if (!this.#closed) this.#core.setReading(false);
  }

  /**
   * Queues bytes. Returns true when the kernel took all of them at once (libuv's synchronous write: the
   * caller runs its callback); else the rest waits for room and `owner.written(socket, callback)` follows.
   * `private` says nobody else holds `bytes` (a Buffer just made from a string): no copy is needed.
   */
  write(bytes: Uint8Array, isPrivate: boolean, callback: (error?: Error | null) => void): boolean {
    this.#bytesWritten += bytes.length;
    // write(2) copies into the kernel: what the program changes afterwards is not what was sent.
    const copy = isPrivate ? bytes : new Uint8Array(bytes);
    const writes = this.#writes;
    if (writes === null || writes.size === 0) {
      const taken = this.#core.write(copy);
      if (taken === copy.length) return true;
      (this.#writes ??= new Fifo()).push({ bytes: copy, offset: taken, callback });
      this.#queued += copy.length - taken;
      return false;
    }
    writes.push({ bytes: copy, offset: 0, callback });
    this.#queued += copy.length;
    return false;
  }

  /** Sends a FIN after every queued byte; `owner.shutdownDone` follows once it is on its way. */
  shutdown(callback: (error?: Error | null) => void): void {
    this.#shutdownCallback = callback;
    this.#flush();
  }

  /** The program let go of the socket (FIN, or RST if unread bytes wait: the kernel decides). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#letGo();
    this.#core.close();
  }

  /** Closes with a RST (SO_LINGER 0). */
  reset(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#letGo();
    this.#core.abort();
  }

  getsockname(): SocketName | null {
    const core = this.#core;
    if (core.localPort === 0) return null;
    return { address: formatIpv4(core.localIp), family: 'IPv4', port: core.localPort };
  }

  getpeername(): SocketName | null {
    const core = this.#core;
    if (core.remotePort === 0) return null;
    return { address: formatIpv4(core.remoteIp), family: 'IPv4', port: core.remotePort };
  }

  #flush(): void {
    const writes = this.#writes;
    while (writes !== null && writes.size > 0) {
      const head = writes.peek()!;
      const taken = this.#core.write(head.offset === 0 ? head.bytes : head.bytes.subarray(head.offset));
      head.offset += taken;
      this.#queued -= taken;
      if (head.offset < head.bytes.length) return;
      writes.shift();
      const callback = head.callback;
      this.#ctx.deliver(this.#owner.written, this.#socket, callback);
    }
    const shutdown = this.#shutdownCallback;
    if (shutdown) {
      this.#shutdownCallback = null;
      this.#core.shutdown();
      this.#ctx.soon(runShutdownDone, { handle: this, callback: shutdown });
    }
  }

  // ───────── TcpUser: what the kernel tells us. The program's code runs guarded (ctx.deliver). ─────────

  connected(): void {
    if (this.#closed) return;
    // On loopback Linux completes the whole handshake inside connect(): the listener has its connection to
    // accept before the client hears that it connected. The final ACK reaches the listener one loopback hop
    // from now; hearing of it after that hop keeps Linux's order (the server's 'connection' first).
    if (this.#ctx.stack.ownsAddress(this.#ctx.host, this.#core.remoteIp)) {
      this.#ctx.stack.clock.schedule(LOOPBACK_LATENCY_MS, notifyConnected, this, this.#ctx.process);
    } else this.notifyConnected();
  }

  /** @internal The deferred loopback 'connected' (see `connected`). */
  notifyConnected(): void {
    if (this.#closed) return;
    this.#ctx.enter();
    this.#ctx.deliver(this.#owner.connectDone, this.#socket, null);
  }

  data(chunk: Uint8Array): void {
    this.#bytesRead += chunk.length;
    if (this.#closed) return;
    const copy = Buffer.allocUnsafe(chunk.length); // the program's own bytes: nothing netsim holds
    copy.set(chunk);
    this.#ctx.enter();
    this.#ctx.deliver(this.#owner.read, this.#socket, copy);
  }

  ended(): void {
    if (this.#closed) return;
    this.#ctx.enter();
    this.#ctx.deliver(this.#owner.eof, this.#socket, undefined);
  }

  roomToSend(): void {
    if (!this.#closed) this.#flush();
  }

  failed(error: SystemError): void {
    if (this.#closed) return;
    this.#ctx.enter();
    if (error.syscall === 'connect') this.#ctx.deliver(this.#owner.connectDone, this.#socket, error);
    else this.#ctx.deliver(this.#owner.failed, this.#socket, error);
  }

  /** @internal */
  shutdownDone(callback: (error?: Error | null) => void): void {
    this.#ctx.deliver(this.#owner.shutdownDone, this.#socket, callback);
  }
}

function notifyConnected(handle: TcpHandle): void {
  handle.notifyConnected();
}

function runShutdownDone(work: { handle: TcpHandle; callback: (error?: Error | null) => void }): void {
  work.handle.shutdownDone(work.callback);
}
