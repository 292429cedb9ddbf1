/**
 * What a TCP socket knows besides its sequence numbers: how it came to be, who uses and who holds it,
 * where it is in its life, its listener, and its one timer. (RFC 9293 calls the whole record the
 * Transmission Control Block; the send and receive variables live in tcp-send.ts and tcp-receive.ts.)
 *
 * It only holds what tcp.ts gives it: `Socket` and `User` are tcp.ts's TcpSocket and TcpUser.
 */
import type { Clock, ScheduledEvent } from './clock';
import { Descriptor } from './owner';
import type { AcceptQueue } from './tcp-listener';

/** Maximum segment size on an Ethernet link (1500 − 40) and on loopback (65536 − 40 − 13 of options). */
export const MSS_ETHERNET = 1460;
export const MSS_LOOPBACK = 65483;

/** How the socket came to be: it listens, a listener accepted it, or it connected out. */
export type TcpRole = 'listener' | 'accepted' | 'connector';

export class ControlBlock<Socket extends { abort(): void }, User> {
  role: TcpRole = 'connector';
  user: User | null = null;
  /** Connection id for the trace (both ends share the connector's socket id). */
  connection = 0;
  /** Bound once (bind or connect): it sits in the port table until `gone`. */
  bound = false;
  gone = false;
  /** The application closed it; the kernel finishes the connection alone. */
  orphaned = false;
  mss = MSS_ETHERNET;
  readonly descriptor = new Descriptor();
  /** Listeners only: connections waiting for `accept()`. */
  accept: AcceptQueue<Socket> | null = null;
  /** Children in SYN-RECEIVED: the listener that will queue them. */
  parent: Socket | null = null;
  /** The SYN retry, FIN-WAIT-2 or TIME-WAIT timer; `synAttempt` counts SYNs sent. */
  timer: ScheduledEvent | null = null;
  synAttempt = 0;

  /** Arms the one timer for `ms` (replacing any armed one); `run(arg)` when it fires. */
  startTimer<A>(clock: Clock, run: (arg: A) => void, arg: A, ms: number): void {
    this.cancelTimer(clock);
    this.timer = clock.schedule(ms, run, arg);
  }

  cancelTimer(clock: Clock): void {
    if (this.timer) clock.cancel(this.timer);
    this.timer = null;
  }
}
