/**
 * A socket's writable side in user space: bytes `write()` accepted that the kernel's send buffer could not
 * take yet, with their callbacks, and the `'drain'` bookkeeping (`write` returns false past the high-water
 * mark; `'drain'` follows once the queue empties).
 */
import { Fifo } from '../fifo';
import type { TcpSocket } from '../tcp';
import type { FaceContext } from './context';
import { WRITABLE_HIGH_WATER_MARK } from './net-types';

type WriteCallback = (error?: Error | null) => void;

interface PendingWrite {
  bytes: Uint8Array;
  offset: number;
  callback: WriteCallback | undefined;
}

export class WriteQueue {
  readonly #pending = new Fifo<PendingWrite>();
  /** Bytes waiting here (Node's `writableLength`). */
  length = 0;
  /** Bytes the program wrote in all, waiting or not (Node's `bytesWritten`). */
  written = 0;
  /** `write` returned false: `'drain'` is owed once the queue empties. */
  needDrain = false;

  constructor(private readonly ctx: FaceContext) {}

  /**
   * Takes bytes for `core` (null or not `ready`: they wait). When nothing waits and the kernel has room
   * they go straight through. Returns what `write()` returns; the caller flushes the rest.
   */
  add(core: TcpSocket | null, ready: boolean, bytes: Uint8Array, callback: WriteCallback | undefined): boolean {
    this.written += bytes.length;
    if (this.#pending.size === 0 && core && ready && core.sendSpace >= bytes.length) {
      core.write(bytes);
      if (callback) this.ctx.tick(callback, null);
      return true;
    }
    this.length += bytes.length;
    const ok = this.length < WRITABLE_HIGH_WATER_MARK;
    if (!ok) this.needDrain = true;
    this.#pending.push({ bytes, offset: 0, callback });
    return ok;
  }

  /** Hands waiting bytes to the kernel as far as its send buffer allows; true once nothing waits. */
  flush(core: TcpSocket): boolean {
    const pending = this.#pending;
    while (pending.size) {
      const head = pending.peek()!;
      const taken = core.write(head.offset === 0 ? head.bytes : head.bytes.subarray(head.offset));
      head.offset += taken;
      this.length -= taken;
      if (head.offset < head.bytes.length) return false;
      pending.shift();
      if (head.callback) this.ctx.tick(head.callback, null);
    }
    return true;
  }
}
