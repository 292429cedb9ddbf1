/**
 * A TCP connection's traffic that changes no state: segments to the network (data cut to the MSS and the
 * peer's window, ACKs, delayed ACKs) and bytes to the application. Every state change and every timer stays
 * in tcp.ts; these functions read and write only the record they are given.
 */
import type { Clock } from './clock';
import { ACK, PSH, type SegmentOut, type SegmentSender } from './packets';
import type { ReceiveSide } from './tcp-receive';
import type { SendSide } from './tcp-send';

/** Where received bytes and the end of the stream go (tcp.ts's TcpUser is one). */
export interface Reader {
  data(chunk: Uint8Array): void;
  ended(): void;
}

/** One connection as its traffic sees it (tcp.ts's TcpSocket is one). */
export interface Connection extends SegmentSender {
  readonly localIp: number;
  readonly localPort: number;
  readonly remoteIp: number;
  readonly remotePort: number;
  readonly sendSide: SendSide;
  readonly receiveSide: ReceiveSide;
  readonly control: { readonly mss: number; readonly connection: number; readonly gone: boolean; readonly user: Reader | null };
  readonly host: SegmentOut & { readonly clock: Clock };
}

/** One segment from `socket` to its peer, carrying our receive window and (with ACK) what we expect next. */
export function sendSegment(socket: Connection, flags: number, seq: number, payload: Uint8Array | null): void {
  const receive = socket.receiveSide;
  const window = receive.window;
  if (window < socket.control.mss) receive.windowWasSmall = true;
  if (flags & ACK) receive.ackPending = false;
  const host = socket.host;
  const seg = host.takeSegment();
  seg.srcIp = socket.localIp;
  seg.srcPort = socket.localPort;
  seg.dstIp = socket.remoteIp;
  seg.dstPort = socket.remotePort;
  seg.flags = flags;
  seg.seq = seq;
  seg.ack = flags & ACK ? receive.nxt : 0;
  seg.window = window;
  seg.payload = payload;
  seg.connection = socket.control.connection;
  host.sendSegment(seg, socket);
}

/** Sends unsent bytes as the peer's window allows, in segments of at most one MSS. True once none wait. */
export function sendData(socket: Connection): boolean {
  const send = socket.sendSide;
  const unsent = send.unsent;
  const mss = socket.control.mss;
  while (unsent.bytes > 0) {
    const window = send.usableWindow();
    if (window === 0) return false;
    const size = Math.min(mss, window, unsent.bytes);
    sendSegment(socket, ACK | PSH, send.nxt, unsent.take(size));
    send.nxt = (send.nxt + size) >>> 0;
  }
  return true;
}

/** Hands queued bytes (then the end) to the application while it reads. */
export function deliver(socket: Connection): void {
  const receive = socket.receiveSide;
  const control = socket.control;
  let freed = false;
  while (receive.reading && !control.gone) {
    const chunk = receive.take();
    if (!chunk) break;
    freed = true;
    control.user?.data(chunk);
  }
  if (freed && receive.windowWasSmall && receive.window >= control.mss) {
    receive.windowWasSmall = false;
    sendSegment(socket, ACK, socket.sendSide.nxt, null); // window update, so a stalled sender resumes
  }
  if (receive.finReceived && !receive.endDelivered && receive.waiting === 0 && receive.reading) {
    receive.endDelivered = true;
    control.user?.ended();
  }
}

/** Delays a pure ACK until the application had its turn, so a reply can carry it (delayed ACK). */
export function scheduleAck(socket: Connection): void {
  if (socket.receiveSide.ackPending) return;
  socket.receiveSide.ackPending = true;
  socket.host.clock.tick(flushAck, socket, null);
}

/** The end of the turn: the ACK nothing carried goes out alone (not once the connection is gone). */
function flushAck(socket: Connection): void {
  if (socket.receiveSide.ackPending && !socket.control.gone) sendSegment(socket, ACK, socket.sendSide.nxt, null);
  socket.receiveSide.ackPending = false;
}
