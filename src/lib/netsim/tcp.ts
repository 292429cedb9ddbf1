/**
 * TCP: one connection's state machine, to be read top to bottom as RFC 9293 tells it.
 * - what a socket holds, then the application's calls (`bind/listen/connect/write/shutdown/close/abort`),
 *   heard back through its `TcpUser` (the `net` face or the explicit API);
 * - every incoming segment through the one `receive(segment)`; what goes out through `#output`;
 * - listeners' children, endings and timers;
 * - every state change through the one private `#setState`, which feeds the trace and the tables;
 * - last, what `ss`, `streams()` and the faces read.
 *
 * The helpers below it take the records they work on, never this class: the send side, receive side and
 * control block (tcp-send.ts, tcp-receive.ts, tcp-control.ts, tcp-listener.ts), the place in the port table
 * (tcp-address.ts), the traffic that changes no state (tcp-output.ts) and what observers read
 * (tcp-observe.ts). What it needs of its host is `TcpHost`, which network.ts's hosts provide.
 *
 * No loss is simulated, so there is no retransmission of data; SYNs are retransmitted (a firewall that
 * drops them makes connect time out after Linux's 127 s).
 */
import { ANY, formatIpv4 } from './addresses';
import type { Clock } from './clock';
import { systemError, type SystemError } from './errors';
import type { ObservedSocket, Recorder } from './observe';
import type { ProcessCore } from './owner';
import { ACK, FIN, RST, SYN, type Segment, type SegmentOut } from './packets';
import type { AddressBook, PortHolder, PortTable } from './ports';
import { bindForChild, bindForConnect, bindLocal, unbindAll } from './tcp-address';
import { ControlBlock, type TcpRole } from './tcp-control';
import { AcceptQueue } from './tcp-listener';
import { socketChange, socketRow, socketStream, stateEvent } from './tcp-observe';
import { deliver, scheduleAck, sendData, sendSegment } from './tcp-output';
import { ReceiveSide } from './tcp-receive';
import { SendSide } from './tcp-send';
import type { Endpoint, Errno, SocketOwner, SocketRow, StreamRecord, TcpState } from './types';

export { MSS_ETHERNET, MSS_LOOPBACK } from './tcp-control';
export { RECEIVE_BUFFER } from './tcp-receive';
export { SEND_BUFFER } from './tcp-send';

/** 2 × MSL on Linux (TCP_TIMEWAIT_LEN). */
export const TIME_WAIT_MS = 60_000;
/** tcp_fin_timeout: how long an orphaned FIN-WAIT-2 socket waits for the peer's FIN. */
export const FIN_WAIT_2_MS = 60_000;
/** tcp_syn_retries = 6: retransmissions after 1, 3, 7, 15, 31, 63 s; failure at 127 s. */
export const SYN_RETRY_DELAYS = [1000, 2000, 4000, 8000, 16000, 32000, 64000];

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

/** What a TCP socket needs of the host it lives on (network.ts's hosts provide it). */
export interface TcpHost extends AddressBook, SegmentOut {
  /** The host's name, for the trace and the socket table. */
  readonly name: string;
  /** Bound and listening sockets, and connections, by port. */
  readonly tcp: PortTable<TcpSocket>;
  readonly clock: Clock;
  readonly recorder: Recorder;
  /** A new socket on this host (a listener's child has no owner until it is accepted). */
  newTcpSocket(owner: ProcessCore | null): TcpSocket;
  /** A segment nobody wants gets a RST. */
  answerWithReset(seg: Segment): void;
}

/**
 * At most 12 own fields, all set in the constructor, the rest grouped by idea in the three parts: V8 gives
 * an object whose fields it cannot place inside it a property dictionary once they pass 12, and 20,000
 * sockets with a dictionary each cost 40 MB more.
 */
export class TcpSocket implements PortHolder, ObservedSocket {
  localIp = ANY;
  localPort = 0;
  remoteIp = 0;
  remotePort = 0;
  /** @internal The sequence space and the bytes waiting to go (tcp-send.ts). */
  readonly sendSide = new SendSide();
  /** @internal The bytes that arrived and wait for the application (tcp-receive.ts). */
  readonly receiveSide = new ReceiveSide();
  /** @internal Everything else RFC 9293 keeps in the control block (tcp-control.ts). */
  readonly control = new ControlBlock<TcpSocket, TcpUser>();
  #state: TcpState = 'CLOSED';

  constructor(
    readonly id: number,
    /** @internal */
    readonly host: TcpHost,
    owner: ProcessCore | null,
  ) {
    if (owner) this.control.descriptor.open(owner);
    host.recorder.track(this);
    host.recorder.record({ kind: 'socket', socket: id, host: host.name, protocol: 'tcp', change: 'open', owner: this.control.descriptor.row });
  }

  get state(): TcpState {
    return this.#state;
  }

  // ───────────────────────────── the application's calls ─────────────────────────────

  /** Binds ip:port (port 0: an ephemeral port). Returns the errno on failure, as `bind()` would. */
  bind(ip: number, port: number): Errno | null {
    const failure = bindLocal<TcpSocket>(this, ip, port);
    if (!failure) this.host.recorder.record(socketChange(this, 'bind', this.control.descriptor.row));
    return failure;
  }

  /** Starts listening; binds 0.0.0.0 on an ephemeral port first if unbound. */
  listen(backlog: number): Errno | null {
    if (!this.control.bound) {
      const failure = this.bind(ANY, 0);
      if (failure) return failure;
    }
    this.control.role = 'listener';
    if (this.control.accept) this.control.accept.backlog = backlog;
    else this.control.accept = new AcceptQueue<TcpSocket>(backlog);
    this.host.recorder.record(socketChange(this, 'listen', this.control.descriptor.row));
    this.#setState('LISTEN');
    return null;
  }

  /** Sends a SYN to ip:port. ENETUNREACH is returned at once when no route leads there. */
  connect(ip: number, port: number): Errno | null {
    const failure = bindForConnect<TcpSocket>(this, ip, port);
    if (failure) return failure;
    this.sendSide.start(this.host.random.uint32());
    this.#setState('SYN-SENT');
    this.#sendSyn();
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
        this.control.startTimer(this.host.clock, stateTimeout, this, FIN_WAIT_2_MS);
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
        this.host.answerWithReset(seg);
        return;

      case 'LISTEN':
        // A SYN for a listener opens a child connection; anything else gets a RST.
        if (flags & SYN && !(flags & ACK)) this.#openChild(seg);
        else if (flags & ACK) this.host.answerWithReset(seg);
        return;

      case 'SYN-SENT':
        // Only SYN+ACK acknowledging our SYN moves on.
        if (!(flags & SYN) || !(flags & ACK) || seg.ack !== send.nxt) {
          if (flags & ACK) this.host.answerWithReset(seg);
          return;
        }
        this.control.cancelTimer(this.host.clock);
        receive.nxt = (seg.seq + 1) >>> 0; // their SYN takes one sequence number
        send.acknowledge(seg.ack, seg.window);
        this.#setState('ESTABLISHED');
        sendSegment(this, ACK, send.nxt, null);
        this.control.user?.connected();
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
          if (this.control.orphaned) this.control.startTimer(this.host.clock, stateTimeout, this, FIN_WAIT_2_MS);
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
    const user = this.control.user;
    if ((outcome === 'advanced' || outcome === 'fin-acked') && user && !this.sendSide.finQueued) user.roomToSend();
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

  /** Sends our SYN and arms its retransmission timer (`retrySyn` decides when to give up). */
  #sendSyn(): void {
    const control = this.control;
    sendSegment(this, SYN, this.sendSide.iss, null);
    const delay = SYN_RETRY_DELAYS[control.synAttempt++];
    control.timer = this.host.clock.schedule(delay ?? 0, synTimeout, this);
  }

  /** SYN retransmission timer (called through `synTimeout`). */
  retrySyn(): void {
    this.control.timer = null;
    if (this.#state !== 'SYN-SENT') return;
    if (this.control.synAttempt >= SYN_RETRY_DELAYS.length) return this.#fail('ETIMEDOUT', 'connect');
    this.#sendSyn();
  }

  // ───────────────────────────── listeners' children ─────────────────────────────

  /** A SYN reached a listener: a child socket answers SYN+ACK, unless the accept queue is full. */
  #openChild(syn: Segment): void {
    const queue = this.control.accept!;
    if (queue.full) return; // Linux drops the SYN; the client retries
    const child = this.host.newTcpSocket(null);
    child.control.parent = this;
    bindForChild(child, syn);
    child.sendSide.start(this.host.random.uint32());
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
    this.control.user?.incoming?.(child);
  }

  // ───────────────────────────── endings and timers ─────────────────────────────

  #enterTimeWait(): void {
    // The application usually closes its descriptor at once (Node destroys the socket after 'end');
    // `ss` then shows the TIME-WAIT socket with no process.
    this.#setState('TIME-WAIT');
    this.control.startTimer(this.host.clock, stateTimeout, this, TIME_WAIT_MS);
  }

  /** TIME-WAIT and orphaned FIN-WAIT-2 end here (called through `stateTimeout`). */
  expire(): void {
    this.control.timer = null;
    if (this.#state === 'TIME-WAIT' || this.#state === 'FIN-WAIT-2') this.#setState('CLOSED');
  }

  #fail(code: Errno, syscall: string): void {
    const user = this.control.user;
    const error =
      syscall === 'connect'
        ? systemError(code, 'connect', formatIpv4(this.remoteIp), this.remotePort)
        : systemError(code, syscall);
    this.#setState('CLOSED');
    user?.failed(error);
  }

  #disown(): void {
    this.control.descriptor.close();
    this.control.user = null;
  }

  /** THE one place a state changes: the trace and the tables hang from here. */
  #setState(to: TcpState): void {
    const from = this.#state;
    if (from === to) return;
    this.#state = to;
    this.host.recorder.record(stateEvent(this, from, to, this.control.descriptor.row));
    if (to === 'CLOSED') this.#release();
  }

  /** Leaves every table; the stream record stays. */
  #release(): void {
    const control = this.control;
    if (control.gone) return;
    control.gone = true;
    control.cancelTimer(this.host.clock);
    if (control.parent) {
      control.parent.control.accept!.halfOpen--;
      control.parent = null;
    }
    unbindAll<TcpSocket>(this);
    this.#disown();
    this.host.recorder.untrack(this);
    this.host.recorder.record(socketChange(this, 'close', null));
  }

  // ───────────────────────────── what observers and the faces read ─────────────────────────────

  /** The `ss` row, or null once the socket left the tables. */
  row(): SocketRow | null {
    if (this.control.gone || !this.control.bound) return null;
    return socketRow(this, this.#state, this.control.descriptor.row);
  }

  stream(): StreamRecord {
    return socketStream(this, this.control.gone ? 'CLOSED' : this.#state, this.control.descriptor.first, this.sendSide, this.receiveSide);
  }

  get role(): TcpRole {
    return this.control.role;
  }
  /** Who hears about this connection: the `net` face or the explicit API. */
  get user(): TcpUser | null {
    return this.control.user;
  }
  set user(user: TcpUser | null) {
    this.control.user = user;
  }
  /** Connection id for the trace (both ends share the connector's socket id). */
  get connection(): number {
    return this.control.connection;
  }
  get owner(): ProcessCore | null {
    return this.control.descriptor.process;
  }
  get fd(): number {
    return this.control.descriptor.fd;
  }
  /** Listeners: how many connections may wait to be accepted. */
  get backlog(): number {
    return this.control.accept?.backlog ?? 511;
  }
  get acceptQueue(): readonly TcpSocket[] {
    return this.control.accept?.waiting ?? [];
  }
  /** Listeners: connections waiting to be accepted; others: bytes the application has not read. */
  get recvQ(): number {
    return this.#state === 'LISTEN' ? this.control.accept!.waiting.length : this.receiveSide.bytes;
  }
  /** Listeners: the backlog; others: bytes not yet acknowledged by the peer. */
  get sendQ(): number {
    return this.#state === 'LISTEN' ? this.control.accept!.backlog : this.sendSide.queued;
  }
  /** Free room in the send buffer: what `write` would accept now. */
  get sendSpace(): number {
    return this.sendSide.room;
  }
  get bytesSent(): number {
    return this.sendSide.bytes;
  }
  get bytesReceived(): number {
    return this.receiveSide.total;
  }
  get closed(): boolean {
    return this.control.gone;
  }

  /** Listeners: hands the oldest waiting connection to the application. */
  accept(): TcpSocket | undefined {
    return this.control.accept?.take();
  }

  /** Makes this socket belong to a process (an accepted connection gets the server's owner). */
  adopt(owner: ProcessCore): void {
    this.control.descriptor.open(owner);
  }

  localEndpoint(): Endpoint {
    return this.host.recorder.endpoint(this.localIp, this.localPort);
  }

  remoteEndpoint(): Endpoint | null {
    return this.remotePort ? this.host.recorder.endpoint(this.remoteIp, this.remotePort) : null;
  }
}

/** Timer callbacks: plain functions, so arming a timer makes no closure. */
function stateTimeout(socket: TcpSocket): void {
  socket.expire();
}

function synTimeout(socket: TcpSocket): void {
  socket.retrySyn();
}

export type { SocketOwner };
