/**
 * TCP, one connection's state machine, readable top-down as RFC 9293 tells it:
 * - every state change passes through the one private `#setState`, which feeds the trace and the tables;
 * - every incoming segment passes through the one `receive(segment)`;
 * - the application talks to it through `bind/listen/connect/write/shutdown/close/abort`, and hears back
 *   through its `TcpUser` (the `net` face or the explicit API).
 * What a socket holds and shows is in tcp-base.ts (its send side, receive side and control block keep
 * their own numbers in tcp-send.ts, tcp-receive.ts, tcp-control.ts); the traffic that changes no state
 * (segments out, bytes to the application, delayed ACKs) in tcp-output.ts; what `ss` and `streams()` show
 * is read in tcp-observe.ts.
 *
 * No loss is simulated, so there is no retransmission of data; SYNs are retransmitted (a firewall that
 * drops them makes connect time out after Linux's 127 s).
 */
import { ANY, formatIpv4 } from './addresses';
import { systemError, type SystemError } from './errors';
import type { HostRuntime, Stack } from './network';
import type { ProcessCore } from './owner';
import { ACK, FIN, RST, SYN, type Segment } from './packets';
import { TcpSocketBase } from './tcp-base';
import { bindForChild, bindForConnect, bindLocal, unbindAll } from './tcp-address';
import { AcceptQueue } from './tcp-listener';
import { deliver, scheduleAck, sendData, sendSegment, sendSyn, SYN_RETRY_DELAYS } from './tcp-output';
import { socketChange, socketRow, socketStream, stateEvent } from './tcp-observe';
import type { ObservedSocket } from './observe';
import type { Errno, SocketOwner, SocketRow, StreamRecord, TcpState } from './types';

export { MSS_ETHERNET, MSS_LOOPBACK } from './tcp-control';
export { RECEIVE_BUFFER } from './tcp-receive';
export { SEND_BUFFER } from './tcp-send';
export { SYN_RETRY_DELAYS } from './tcp-output';

/** What the application layer hears from a connection. */
export interface TcpUser {
  /** The handshake completed on a connecting socket. */
  connected(): void;
  /** In-order bytes arrived (only while reading is on). */
  data(chunk: Uint8Array): void;
  /** The peer's FIN arrived, after every byte before it was delivered. */
  ended(): void;
  /** Send-buffer space was freed by an acknowledgement. */
  roomToSend(): void;
  /** The connection failed: ECONNREFUSED, ECONNRESET, ETIMEDOUT, EHOSTUNREACH. */
  failed(error: SystemError): void;
  /** Listeners: a new connection completed its handshake and waits to be accepted. */
  incoming?(child: TcpSocket): void;
}

/** 2 × MSL on Linux (TCP_TIMEWAIT_LEN). */
export const TIME_WAIT_MS = 60_000;
/** tcp_fin_timeout: how long an orphaned FIN-WAIT-2 socket waits for the peer's FIN. */
export const FIN_WAIT_2_MS = 60_000;

export class TcpSocket extends TcpSocketBase implements ObservedSocket {
  #state: TcpState = 'CLOSED';

  constructor(id: number, host: HostRuntime, stack: Stack, owner: ProcessCore | null) {
    super(id, host, stack);
    if (owner) this.control.descriptor.open(owner);
    stack.recorder.track(this);
    stack.recorder.record({ kind: 'socket', socket: id, host: host.node.name, protocol: 'tcp', change: 'open', owner: this.control.descriptor.row });
  }

  get state(): TcpState {
    return this.#state;
  }

  // ───────────────────────────── the application's calls ─────────────────────────────

  /** Binds ip:port (port 0: an ephemeral port). Returns the errno on failure, as `bind()` would. */
  bind(ip: number, port: number): Errno | null {
    const failure = bindLocal(this, ip, port);
    if (!failure) this.stack.recorder.record(socketChange(this, 'bind'));
    return failure;
  }

  /** Starts listening; binds 0.0.0.0 on an ephemeral port first if unbound. */
  listen(backlog: number): Errno | null {
    if (!this.control.bound) {
      const failure = this.bind(ANY, 0);
      if (failure) return failure;
    }
    this.role = 'listener';
    if (this.control.accept) this.control.accept.backlog = backlog;
    else this.control.accept = new AcceptQueue(backlog);
    this.stack.recorder.record(socketChange(this, 'listen'));
    this.#setState('LISTEN');
    return null;
  }

  /** Sends a SYN to ip:port. ENETUNREACH is returned at once when no route leads there. */
  connect(ip: number, port: number): Errno | null {
    const failure = bindForConnect(this, ip, port);
    if (failure) return failure;
    this.sendSide.start(this.stack.random.uint32());
    this.#setState('SYN-SENT');
    sendSyn(this);
    return null;
  }

  /** Queues bytes for sending; returns how many fit in the send buffer. */
  write(bytes: Uint8Array): number {
    const taken = this.sendSide.queue(bytes);
    if (taken > 0) this.#output();
    return taken;
  }

  /** Half-close: a FIN follows the queued bytes. */
  shutdown(): void {
    if (this.sendSide.finQueued) return;
    if (this.#state !== 'ESTABLISHED' && this.#state !== 'CLOSE-WAIT' && this.#state !== 'SYN-RECEIVED') return;
    this.sendSide.finQueued = true;
    this.#output();
  }

  /** Turns delivery of received bytes on or off (a paused reader lets the receive window fill). */
  setReading(on: boolean): void {
    this.receiveSide.reading = on;
    if (on) deliver(this);
  }

  /**
   * The application let go of the socket (`close()`): the kernel keeps it until the connection ends.
   * Unread bytes make Linux answer with RST instead of FIN.
   */
  close(): void {
    this.#disown();
    this.control.orphaned = true;
    switch (this.#state) {
      case 'LISTEN':
        this.control.accept!.abortAll();
        this.#setState('CLOSED');
        return;
      case 'SYN-SENT':
      case 'SYN-RECEIVED':
        this.abort();
        return;
      case 'ESTABLISHED':
      case 'CLOSE-WAIT':
        if (this.receiveSide.bytes > 0) this.abort();
        else this.shutdown();
        return;
      case 'FIN-WAIT-2':
        this.control.startTimer(this.stack.clock, stateTimeout, this, FIN_WAIT_2_MS);
        return;
      case 'CLOSED':
        this.#release();
        return;
      default:
        return; // FIN-WAIT-1, CLOSING, LAST-ACK, TIME-WAIT: the kernel finishes them alone
    }
  }

  /** Drops the connection with a RST (SO_LINGER 0, `resetAndDestroy`, or a kernel decision). */
  abort(): void {
    this.#disown();
    if (this.#state === 'CLOSED') return this.#release();
    if (this.#state !== 'LISTEN' && this.#state !== 'SYN-SENT' && this.#state !== 'TIME-WAIT') {
      sendSegment(this, RST | ACK, this.sendSide.nxt, null);
    }
    if (this.#state === 'LISTEN') this.control.accept!.abortAll();
    this.#setState('CLOSED');
  }

  /** The network could not deliver our SYN (ARP gave up, or a router said host unreachable). */
  unreachable(code: Errno): void {
    if (this.#state === 'SYN-SENT') this.#fail(code, 'connect');
  }

  // ───────────────────────────── segments from the network ─────────────────────────────

  /** Every incoming segment for this socket arrives here. */
  receive(seg: Segment): void {
    const flags = seg.flags;
    const send = this.sendSide;
    const receive = this.receiveSide;

    // A reset ends everything, in any state but LISTEN and TIME-WAIT (RFC 1337).
    if (flags & RST) {
      switch (this.#state) {
        case 'SYN-SENT':
          if (flags & ACK && seg.ack === send.nxt) this.#fail('ECONNREFUSED', 'connect');
          return;
        case 'LISTEN':
        case 'TIME-WAIT':
        case 'CLOSED':
          return;
        case 'SYN-RECEIVED':
          this.#setState('CLOSED');
          return;
        default:
          this.#fail('ECONNRESET', 'read');
          return;
      }
    }

    switch (this.#state) {
      case 'CLOSED':
        this.stack.answerWithReset(this.host, seg);
        return;

      case 'LISTEN':
        // A SYN for a listener opens a child connection; anything else gets a RST.
        if (flags & SYN && !(flags & ACK)) this.#openChild(seg);
        else if (flags & ACK) this.stack.answerWithReset(this.host, seg);
        return;

      case 'SYN-SENT':
        // Only SYN+ACK acknowledging our SYN moves on.
        if (!(flags & SYN) || !(flags & ACK) || seg.ack !== send.nxt) {
          if (flags & ACK) this.stack.answerWithReset(this.host, seg);
          return;
        }
        this.control.cancelTimer(this.stack.clock);
        receive.nxt = (seg.seq + 1) >>> 0; // their SYN takes one sequence number
        send.acknowledge(seg.ack, seg.window);
        this.#setState('ESTABLISHED');
        sendSegment(this, ACK, send.nxt, null);
        this.user?.connected();
        this.#output();
        return;

      case 'SYN-RECEIVED':
        // The third step of the handshake: the client's ACK of our SYN.
        if (!(flags & ACK) || seg.ack !== send.nxt) {
          if (flags & SYN) sendSegment(this, SYN | ACK, send.iss, null); // their SYN again: repeat the SYN+ACK
          return;
        }
        send.acknowledge(seg.ack, seg.window);
        this.#setState('ESTABLISHED');
        if (this.control.parent) this.control.parent.#queueAccepted(this);
        break; // the same segment may carry data or a FIN

      default:
        break;
    }

    // Synchronised states. Reject what is not the next expected byte (a duplicate): acknowledge, drop.
    const payload = seg.payload;
    const length = payload ? payload.length : 0;
    if (seg.seq !== receive.nxt && (length > 0 || flags & FIN)) {
      sendSegment(this, ACK, send.nxt, null);
      return;
    }

    if (flags & ACK) this.#acknowledged(seg);
    if (this.control.gone) return;

    if (payload && length > 0) {
      // Data after the application let go of the socket: Linux resets the connection.
      if (this.control.orphaned) return this.abort();
      if (receive.finReceived) return;
      receive.accept(payload);
      scheduleAck(this);
    }

    if (flags & FIN) {
      receive.finArrived();
      sendSegment(this, ACK, send.nxt, null);
      switch (this.#state) {
        case 'ESTABLISHED':
          this.#setState('CLOSE-WAIT');
          break;
        case 'FIN-WAIT-1':
          this.#setState('CLOSING'); // our FIN is not acknowledged yet: simultaneous close
          break;
        case 'FIN-WAIT-2':
          this.#enterTimeWait();
          break;
        default:
          break;
      }
    }

    deliver(this);
    this.#output();
  }

  /** The acknowledgement field: frees acknowledged bytes; the FIN's acknowledgement moves the state on. */
  #acknowledged(seg: Segment): void {
    const outcome = this.sendSide.acknowledge(seg.ack, seg.window);
    if (outcome === 'fin-acked') {
      switch (this.#state) {
        case 'FIN-WAIT-1':
          this.#setState('FIN-WAIT-2');
          if (this.control.orphaned) this.control.startTimer(this.stack.clock, stateTimeout, this, FIN_WAIT_2_MS);
          break;
        case 'CLOSING':
          this.#enterTimeWait();
          break;
        case 'LAST-ACK':
          this.#setState('CLOSED');
          return;
        default:
          break;
      }
    }
    if ((outcome === 'advanced' || outcome === 'fin-acked') && this.user && !this.sendSide.finQueued) this.user.roomToSend();
  }

  // ───────────────────────────── segments to the network ─────────────────────────────

  /** Sends what the peer's window allows (tcp-output.ts); then the FIN if queued, which moves the state on. */
  #output(): void {
    const state = this.#state;
    if (state !== 'ESTABLISHED' && state !== 'CLOSE-WAIT' && state !== 'FIN-WAIT-1' && state !== 'LAST-ACK') return;
    if (!sendData(this)) return;
    const send = this.sendSide;
    if (send.finQueued && !send.finSent) {
      send.finSent = true;
      sendSegment(this, FIN | ACK, send.nxt, null);
      send.nxt = (send.nxt + 1) >>> 0;
      this.#setState(state === 'CLOSE-WAIT' ? 'LAST-ACK' : 'FIN-WAIT-1');
    }
  }

  /** SYN retransmission timer (called through `synTimeout`). */
  retrySyn(): void {
    this.control.timer = null;
    if (this.#state !== 'SYN-SENT') return;
    if (this.control.synAttempt >= SYN_RETRY_DELAYS.length) return this.#fail('ETIMEDOUT', 'connect');
    sendSyn(this);
  }

  // ───────────────────────────── listeners' children ─────────────────────────────

  /** A SYN reached a listener: a child socket answers SYN+ACK, unless the accept queue is full. */
  #openChild(syn: Segment): void {
    const queue = this.control.accept!;
    if (queue.full) return; // Linux drops the SYN; the client retries
    const child = this.stack.newTcpSocket(this.host, null);
    child.control.parent = this;
    bindForChild(child, syn);
    child.sendSide.start(this.stack.random.uint32());
    child.sendSide.window = syn.window;
    child.receiveSide.nxt = (syn.seq + 1) >>> 0;
    queue.halfOpen++;
    child.#setState('SYN-RECEIVED');
    sendSegment(child, SYN | ACK, child.sendSide.iss, null);
  }

  #queueAccepted(child: TcpSocket): void {
    child.control.parent = null;
    const queue = this.control.accept!;
    queue.halfOpen--;
    if (this.#state !== 'LISTEN') return child.abort();
    queue.waiting.push(child);
    this.user?.incoming?.(child);
  }

  // ───────────────────────────── endings and timers ─────────────────────────────

  #enterTimeWait(): void {
    // The application usually closes its descriptor at once (Node destroys the socket after 'end');
    // `ss` then shows the TIME-WAIT socket with no process.
    this.#setState('TIME-WAIT');
    this.control.startTimer(this.stack.clock, stateTimeout, this, TIME_WAIT_MS);
  }

  /** TIME-WAIT and orphaned FIN-WAIT-2 end here (called through `stateTimeout`). */
  expire(): void {
    this.control.timer = null;
    if (this.#state === 'TIME-WAIT' || this.#state === 'FIN-WAIT-2') this.#setState('CLOSED');
  }

  #fail(code: Errno, syscall: string): void {
    const user = this.user;
    const error =
      syscall === 'connect'
        ? systemError(code, 'connect', formatIpv4(this.remoteIp), this.remotePort)
        : systemError(code, syscall);
    this.#setState('CLOSED');
    user?.failed(error);
  }

  #disown(): void {
    this.control.descriptor.close();
    this.user = null;
  }

  /** THE one place a state changes: the trace and the tables hang from here. */
  #setState(to: TcpState): void {
    const from = this.#state;
    if (from === to) return;
    this.#state = to;
    this.stack.recorder.record(stateEvent(this, from, to, this.control.descriptor.row));
    if (to === 'CLOSED') this.#release();
  }

  /** Leaves every table; the stream record stays. */
  #release(): void {
    if (this.control.gone) return;
    this.control.gone = true;
    this.control.cancelTimer(this.stack.clock);
    if (this.control.parent) {
      this.control.parent.control.accept!.halfOpen--;
      this.control.parent = null;
    }
    unbindAll(this);
    this.#disown();
    this.stack.recorder.untrack(this);
    this.stack.recorder.record(socketChange(this, 'close'));
  }

  /** The `ss` row, or null once the socket left the tables. */
  row(): SocketRow | null {
    if (this.control.gone || !this.control.bound) return null;
    return socketRow(this, this.#state, this.control.descriptor.row);
  }

  stream(): StreamRecord {
    return socketStream(this, this.control.gone ? 'CLOSED' : this.#state, this.control.descriptor.first, this.sendSide, this.receiveSide);
  }
}

function stateTimeout(socket: TcpSocket): void {
  socket.expire();
}

export type { SocketOwner };
