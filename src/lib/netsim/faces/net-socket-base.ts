/**
 * What a `net.Socket` is, as opposed to what it does (net-socket.ts): Node's public flags, the kernel
 * socket it is attached to, its write queue, and everything read from them without changing anything
 * (`readyState`, addresses, byte counts), plus the options netsim accepts and ignores.
 */
import { formatIpv4 } from '../addresses';
import type { TcpSocket } from '../tcp';
import type { FaceContext } from './context';
import { EventEmitter } from './events';
import { contextOf, WRITABLE_HIGH_WATER_MARK, type AddressInfo, type SocketConstructorOpts } from './net-types';
import { WriteQueue } from './write-queue';

export class SocketBase extends EventEmitter {
  /** True from `connect()` until the handshake completes. */
  connecting = false;
  /** True while the socket is not yet connected (or connecting). */
  pending = true;
  /** True once the socket is destroyed: nothing more can be read or written. */
  destroyed = false;
  /** Whether the writable side of the socket is still open after the peer ended. */
  allowHalfOpen: boolean;
  /** Bytes received so far. */
  bytesRead = 0;
  /** Idle timeout in milliseconds set by `setTimeout`, or undefined. */
  timeout: number | undefined = undefined;
  readonly writableHighWaterMark = WRITABLE_HIGH_WATER_MARK;
  readonly readableHighWaterMark = WRITABLE_HIGH_WATER_MARK;
  /** True once `end()` was called. */
  writableEnded = false;
  /** True once every byte after `end()` was handed to the kernel. */
  writableFinished = false;
  /** True once 'end' was emitted. */
  readableEnded = false;

  /** @internal The process's network, host and process. */
  readonly ctx: FaceContext;
  /** @internal The kernel socket, once connecting or accepted. */
  core: TcpSocket | null = null;
  /** @internal Bytes written and not yet taken by the kernel. */
  readonly writes: WriteQueue;
  /** @internal The peer's FIN arrived. */
  peerEnded = false;

  constructor(options: SocketConstructorOpts = {}) {
    super();
    this.ctx = contextOf(this);
    this.writes = new WriteQueue(this.ctx);
    this.allowHalfOpen = !!options.allowHalfOpen;
  }

  get readyState(): 'opening' | 'open' | 'readOnly' | 'writeOnly' | 'closed' {
    if (this.connecting) return 'opening';
    if (this.destroyed || (!this.core && !this.connecting)) return 'closed';
    const readable = !this.readableEnded && !this.peerEnded;
    const writable = !this.writableEnded;
    if (readable && writable) return 'open';
    if (readable) return 'readOnly';
    if (writable) return 'writeOnly';
    return 'closed';
  }

  get localAddress(): string | undefined {
    return this.core ? formatIpv4(this.core.localIp) : undefined;
  }

  get localPort(): number | undefined {
    return this.core?.localPort || undefined;
  }

  get remoteAddress(): string | undefined {
    return this.core && this.core.remotePort ? formatIpv4(this.core.remoteIp) : undefined;
  }

  get remotePort(): number | undefined {
    return this.core?.remotePort || undefined;
  }

  get remoteFamily(): 'IPv4' | undefined {
    return this.remoteAddress === undefined ? undefined : 'IPv4';
  }

  /** Bytes written by the program so far (including those still buffered). */
  get bytesWritten(): number {
    return this.writes.written;
  }

  /** Bytes buffered by `write` that the kernel has not taken yet. */
  get writableLength(): number {
    return this.writes.length;
  }

  get writable(): boolean {
    return !this.destroyed && !this.writableEnded;
  }

  get readable(): boolean {
    return !this.destroyed && !this.readableEnded;
  }

  get writableNeedDrain(): boolean {
    return this.writes.needDrain;
  }

  /** The local end: `{ address, family: 'IPv4', port }`, or `{}` before the socket is connected. */
  address(): AddressInfo | Record<string, never> {
    return this.core ? { address: formatIpv4(this.core.localIp), family: 'IPv4', port: this.core.localPort } : {};
  }

  /** @internal netsim's id of the kernel socket (for error records). */
  get socketId(): number | null {
    return this.core?.id ?? null;
  }

  /** No-op in netsim (there is no Nagle delay to turn off); returns the socket. */
  setNoDelay(_noDelay?: boolean): this {
    return this;
  }

  /** No-op in netsim (no keep-alive probes are simulated); returns the socket. */
  setKeepAlive(_enable?: boolean, _initialDelay?: number): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }
}
