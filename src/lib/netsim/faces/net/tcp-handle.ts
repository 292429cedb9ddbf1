/**
 * The kernel side of a `net.Socket`, as libuv's TCP handle is to Node's: netsim's TcpSocket seen through
 * the calls `lib/net.js` makes (readStart/readStop, write with a completion callback, shutdown, close,
 * reset, getsockname/getpeername) and the callbacks it expects (connect done, bytes read, EOF, error).
 *
 * A socket keeps its handle in a private field: nothing a program can reach leads here.
 */
import { formatIpv4 } from '../../addresses';
import { Fifo } from '../../fifo';
import type { SystemError } from '../../errors';
import type { TcpSocket, TcpUser } from '../../tcp';
import type { Errno } from '../../types';
import { LOOPBACK_LATENCY_MS } from '../../network';
import { Buffer } from '../../node/libs';
import type { FaceContext, Hold } from '../context';

/** What the socket hears from its handle (Node's afterConnect and onStreamRead). */
export interface HandleOwner {
  /** The handshake completed (`error` null) or failed (ECONNREFUSED, ETIMEDOUT, EHOSTUNREACH…). */
  connectDone(error: SystemError | null): void;
  /** Bytes arrived while reading was on: a Buffer of its own the program may keep and change. */
  read(chunk: Buffer): void;
  /** The peer's FIN arrived after every byte before it. */
  eof(): void;
  /** The connection broke (ECONNRESET, or ETIMEDOUT on an established connection). */
  failed(error: SystemError): void;
}

export interface SocketName {
  address: string;
  family: 'IPv4';
  port: number;
}

interface PendingWrite {
  bytes: Uint8Array;
  offset: number;
  done: () => void;
}

export class TcpHandle {
  /** Whether bytes are being delivered (libuv's readStart/readStop). */
  reading = false;
  readonly #core: TcpSocket;
  readonly #ctx: FaceContext;
  #owner: HandleOwner | null;
  readonly #writes = new Fifo<PendingWrite>();
  #queued = 0;
  #shutdownDone: (() => void) | null = null;
  #bytesRead = 0;
  #bytesWritten = 0;
  #closed = false;

  constructor(core: TcpSocket, ctx: FaceContext, owner: HandleOwner) {
    this.#core = core;
    this.#ctx = ctx;
    this.#owner = owner;
    core.user = this.#user;
    ctx.process.onExit.add(this.#exit);
    this.hold = ctx.hold();
  }

  /** An open TCP handle keeps the process alive (unless the socket is unref'd). */
  readonly hold: Hold;

  /** The process ended: the kernel closes its descriptors (FIN, or RST where unread bytes wait). */
  readonly #exit = (): void => this.close();

  /** A handle for a connection the kernel made for a listener (accept). */
  static accepted(child: TcpSocket, ctx: FaceContext, owner: HandleOwner): TcpHandle {
    child.adopt(ctx.process);
    return new TcpHandle(child, ctx, owner);
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
   * Queues bytes; `done` runs once the kernel took all of them. Returns true when that happened at once
   * (libuv's synchronous write), false when the rest waits for room in the send buffer.
   */
  write(bytes: Uint8Array, done: () => void): boolean {
    this.#bytesWritten += bytes.length;
    // write(2) copies into the kernel: what the program changes afterwards is not what was sent.
    const copy = new Uint8Array(bytes); // a copy, even of a Buffer (whose slice() is a view)
    if (this.#writes.size === 0) {
      const taken = this.#core.write(copy);
      if (taken === copy.length) return true;
      this.#writes.push({ bytes: copy, offset: taken, done });
      this.#queued += copy.length - taken;
      return false;
    }
    this.#writes.push({ bytes: copy, offset: 0, done });
    this.#queued += copy.length;
    return false;
  }

  /** Sends a FIN after every queued byte; `done` runs once it is on its way (a later turn, as libuv's). */
  shutdown(done: () => void): void {
    this.#shutdownDone = done;
    this.#flush();
  }

  /** The program let go of the socket (FIN, or RST if unread bytes wait: the kernel decides). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#owner = null;
    this.#ctx.process.onExit.delete(this.#exit);
    this.hold.release();
    this.#core.close();
  }

  /** Closes with a RST (SO_LINGER 0). */
  reset(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#owner = null;
    this.#ctx.process.onExit.delete(this.#exit);
    this.hold.release();
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
    while (writes.size > 0) {
      const head = writes.peek()!;
      const taken = this.#core.write(head.offset === 0 ? head.bytes : head.bytes.subarray(head.offset));
      head.offset += taken;
      this.#queued -= taken;
      if (head.offset < head.bytes.length) return;
      writes.shift();
      head.done();
    }
    const shutdownDone = this.#shutdownDone;
    if (shutdownDone) {
      this.#shutdownDone = null;
      this.#core.shutdown();
      this.#ctx.soon(runCallback, shutdownDone);
    }
  }

  /** What the kernel tells us; made once per handle. The program's code runs guarded (ctx.deliver). */
  readonly #user: TcpUser = {
    connected: () => {
      if (!this.#owner) return;
      // On loopback Linux completes the whole handshake inside connect(): the listener has its connection to
      // accept before the client hears that it connected. The final ACK reaches the listener one loopback hop
      // from now; hearing of it after that hop keeps Linux's order (the server's 'connection' first).
      if (this.#ctx.stack.ownsAddress(this.#ctx.host, this.#core.remoteIp)) {
        this.#ctx.stack.clock.schedule(LOOPBACK_LATENCY_MS, notifyConnected, this, this.#ctx.process);
      } else this.notifyConnected();
    },
    data: (chunk: Uint8Array) => {
      this.#bytesRead += chunk.length;
      const owner = this.#owner;
      if (!owner) return;
      const copy = Buffer.allocUnsafe(chunk.length); // the program's own bytes: nothing netsim holds
      copy.set(chunk);
      this.#ctx.enter();
      this.#ctx.deliver(() => owner.read(copy));
    },
    ended: () => {
      const owner = this.#owner;
      if (!owner) return;
      this.#ctx.enter();
      this.#ctx.deliver(() => owner.eof());
    },
    roomToSend: () => {
      if (!this.#closed) this.#flush();
    },
    failed: (error: SystemError) => {
      const owner = this.#owner;
      if (!owner) return;
      this.#ctx.enter();
      if (error.syscall === 'connect') this.#ctx.deliver(() => owner.connectDone(error));
      else this.#ctx.deliver(() => owner.failed(error));
    },
  };

  /** @internal The deferred loopback 'connected' (see #user.connected). */
  notifyConnected(): void {
    const owner = this.#owner;
    if (!owner || this.#closed) return;
    this.#ctx.enter();
    this.#ctx.deliver(() => owner.connectDone(null));
  }
}

function notifyConnected(handle: TcpHandle): void {
  handle.notifyConnected();
}

function runCallback(callback: () => void): void {
  callback();
}
