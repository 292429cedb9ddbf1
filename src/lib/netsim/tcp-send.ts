/**
 * The send side of one TCP connection: the sequence space `iss … una … nxt`, the peer's window, the bytes
 * the application wrote that are not sent yet, and the FIN that follows them.
 *
 * Every field is set in the constructor and keeps its type, so V8 keeps one fast shape for all sockets.
 */
import { StreamText } from './observe';
import { seqAdd, seqDiff } from './packets';
import { SendBuffer } from './send-buffer';

/** Linux's default send buffer, simplified: fixed instead of auto-tuned. */
export const SEND_BUFFER = 65536;

/** What an acknowledgement did to the send side. */
export type AckOutcome = 'ignored' | 'duplicate' | 'advanced' | 'fin-acked';

export class SendSide {
  /** Initial send sequence number (our SYN's). */
  iss = 0;
  /** Oldest byte not yet acknowledged. */
  una = 0;
  /** Next sequence number to send. */
  nxt = 0;
  /** The peer's advertised receive window. */
  window = 0;
  readonly unsent = new SendBuffer();
  finQueued = false;
  finSent = false;
  /** What the stream carried, for `streams()` (made on the first write). */
  text: StreamText | null = null;
  /** Bytes written by the application in all. */
  bytes = 0;

  /** Picks the initial sequence number; the SYN takes one. */
  start(iss: number): void {
    this.iss = iss;
    this.una = iss;
    this.nxt = seqAdd(iss, 1);
  }

  /** Bytes sent and not yet acknowledged. */
  get inFlight(): number {
    return seqDiff(this.nxt, this.una);
  }

  /** What `ss` shows as Send-Q: in flight plus not yet sent. */
  get queued(): number {
    return this.inFlight + this.unsent.bytes;
  }

  /** Free room in the send buffer: what `write` would accept now. */
  get room(): number {
    return SEND_BUFFER - this.queued;
  }

  /** Takes as many bytes as fit; returns how many. */
  queue(bytes: Uint8Array): number {
    const room = this.room;
    if (room <= 0 || bytes.length === 0) return 0;
    const chunk = bytes.length <= room ? bytes : bytes.subarray(0, room);
    this.unsent.push(chunk);
    (this.text ??= new StreamText()).append(chunk);
    this.bytes += chunk.length;
    return chunk.length;
  }

  /** How many bytes the peer's window lets us send now (0 when it is full). */
  usableWindow(): number {
    const usable = this.window - this.inFlight;
    return usable > 0 ? usable : 0;
  }

  /** Processes an acknowledgement number and window (RFC 9293 §3.10.7.4, "fifth, check the ACK field"). */
  acknowledge(ack: number, window: number): AckOutcome {
    const advance = seqDiff(ack, this.una);
    if (advance < 0 || seqDiff(ack, this.nxt) > 0) return 'ignored';
    this.window = window;
    if (advance === 0) return 'duplicate';
    this.una = ack;
    return this.finSent && ack === this.nxt ? 'fin-acked' : 'advanced';
  }
}
