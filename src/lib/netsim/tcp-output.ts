/**
 * A TCP socket's traffic that changes no state: segments to the network (data cut to the MSS and the
 * peer's window, ACKs, delayed ACKs, SYNs and their retry timer) and bytes to the application. Every
 * state change stays in tcp.ts; these functions only read the state.
 */
import { ACK, PSH, SYN } from './packets';
import type { TcpSocket } from './tcp';

/** tcp_syn_retries = 6: retransmissions after 1, 3, 7, 15, 31, 63 s; failure at 127 s. */
export const SYN_RETRY_DELAYS = [1000, 2000, 4000, 8000, 16000, 32000, 64000];

/** One segment from `socket` to its peer, carrying our receive window and (with ACK) what we expect next. */
export function sendSegment(socket: TcpSocket, flags: number, seq: number, payload: Uint8Array | null): void {
  const receive = socket.receiveSide;
  const window = receive.window;
  if (window < socket.control.mss) receive.windowWasSmall = true;
  if (flags & ACK) receive.ackPending = false;
  const stack = socket.stack;
  const seg = stack.takeSegment();
  seg.srcIp = socket.localIp;
  seg.srcPort = socket.localPort;
  seg.dstIp = socket.remoteIp;
  seg.dstPort = socket.remotePort;
  seg.flags = flags;
  seg.seq = seq;
  seg.ack = flags & ACK ? receive.nxt : 0;
  seg.window = window;
  seg.payload = payload;
  seg.connection = socket.connection;
  stack.sendSegment(socket.host, seg, socket);
}

/** Sends unsent bytes as the peer's window allows, in segments of at most one MSS. True once none wait. */
export function sendData(socket: TcpSocket): boolean {
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
export function deliver(socket: TcpSocket): void {
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
export function scheduleAck(socket: TcpSocket): void {
  if (socket.receiveSide.ackPending) return;
  socket.receiveSide.ackPending = true;
  socket.stack.clock.tick(flushAck, socket, null);
}

/** The end of the turn: the ACK nothing carried goes out alone. */
function flushAck(socket: TcpSocket): void {
  if (socket.receiveSide.ackPending && !socket.control.gone && socket.state !== 'CLOSED') sendSegment(socket, ACK, socket.sendSide.nxt, null);
  socket.receiveSide.ackPending = false;
}

/** Sends our SYN and arms its retransmission timer (`TcpSocket.retrySyn` decides when to give up). */
export function sendSyn(socket: TcpSocket): void {
  const control = socket.control;
  sendSegment(socket, SYN, socket.sendSide.iss, null);
  const delay = SYN_RETRY_DELAYS[control.synAttempt++];
  control.timer = socket.stack.clock.schedule(delay ?? 0, synTimeout, socket);
}

function synTimeout(socket: TcpSocket): void {
  socket.retrySyn();
}
