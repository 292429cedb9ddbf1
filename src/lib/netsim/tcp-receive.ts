/**
 * The receive side of one TCP connection: the next byte expected, the bytes that arrived and wait for the
 * application, the window we advertise, and the delayed-ACK bookkeeping.
 *
 * Every field is set in the constructor and keeps its type, so V8 keeps one fast shape for all sockets.
 */
import { Fifo } from './fifo';
import { StreamText } from './observe';
import { seqAdd } from './packets';

/** Linux's default receive buffer, simplified: fixed instead of auto-tuned. */
export const RECEIVE_BUFFER = 65536;

export class ReceiveSide {
  /** Next sequence number expected from the peer. */
  nxt = 0;
  /** Arrived in order, not yet handed to the application. */
  readonly #queue = new Fifo<Uint8Array>();
  /** Bytes waiting in the queue: what `ss` shows as Recv-Q. */
  bytes = 0;
  /** False while the application paused reading. */
  reading = true;
  finReceived = false;
  endDelivered = false;
  /** An ACK is owed and will go out at the end of this turn unless a reply carries it first. */
  ackPending = false;
  /** We advertised less than one MSS: a window update is due once the application reads. */
  windowWasSmall = false;
  /** What the stream carried, for `streams()` (made on the first byte). */
  text: StreamText | null = null;
  /** Bytes received in all. */
  total = 0;

  /** The window to advertise: free buffer space, at most 65535 (no window scaling). */
  get window(): number {
    const free = RECEIVE_BUFFER - this.bytes;
    return free > 65535 ? 65535 : free;
  }

  get waiting(): number {
    return this.#queue.size;
  }

  /** In-order bytes arrived: they wait for the application. */
  accept(payload: Uint8Array): void {
    this.nxt = seqAdd(this.nxt, payload.length);
    (this.text ??= new StreamText()).append(payload);
    this.total += payload.length;
    this.#queue.push(payload);
    this.bytes += payload.length;
  }

  /** The oldest waiting chunk, removed from the queue. */
  take(): Uint8Array | undefined {
    const chunk = this.#queue.shift();
    if (chunk === undefined) return undefined;
    this.bytes -= chunk.length;
    return chunk;
  }

  /** The peer's FIN takes one sequence number. */
  finArrived(): void {
    this.nxt = seqAdd(this.nxt, 1);
    this.finReceived = true;
  }
}
