/**
 * TCP, one connection's state machine, readable top-down as RFC 9293 tells it:
 * - every state change passes through the one private `#setState`, which feeds the trace and the tables;
 * - every incoming segment passes through the one `receive(segment)`;
 * - the application talks to it through `bind/listen/connect/write/shutdown/close/abort`, and hears back
 *   through its `TcpUser` (the `net` face or the explicit API).
 * The send side (tcp-send.ts), the receive side (tcp-receive.ts) and a listener's queue (tcp-listener.ts)
 * keep their own numbers; what `ss` and `streams()` show is read in tcp-observe.ts.
 *
 * No loss is simulated, so there is no retransmission of data; SYNs are retransmitted (a firewall that
 * drops them makes connect time out after Linux's 127 s).
 */
import { ANY, formatIpv4, isLoopback } from './addresses';
import type { ScheduledEvent } from './clock';
import { systemError, type SystemError } from './errors';
import type { HostRuntime, Stack } from './network';
import type { ProcessCore } from './owner';
import { ACK, FIN, PSH, RST, SYN, type Segment } from './packets';
import type { PortHolder } from './ports';
import { ControlBlock, MSS_ETHERNET, MSS_LOOPBACK } from './tcp-control';
import { AcceptQueue } from './tcp-listener';
import { ReceiveSide } from './tcp-receive';
import { SendSide } from './tcp-send';
import { socketRow, socketStream, stateEvent, type TcpRole } from './tcp-observe';
import type { ObservedSocket } from './observe';
import type { Endpoint, Errno, SocketOwner, SocketRow, StreamRecord, TcpState } from './types';

export { MSS_ETHERNET, MSS_LOOPBACK } from './tcp-control';
export { RECEIVE_BUFFER } from './tcp-receive';
export { SEND_BUFFER } from './tcp-send';

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
/** tcp_syn_retries = 6: retransmissions after 1, 3, 7, 15, 31, 63 s; failure at 127 s. */
export const SYN_RETRY_DELAYS = [1000, 2000, 4000, 8000, 16000, 32000, 64000];

// Few own fields (at most 12, all set in the constructor), the rest grouped by idea: V8 gives an object
// whose fields it cannot place inside it a property dictionary once they pass 12, and 20,000 sockets with
// a dictionary each cost 40 MB more.
export class TcpSocket implements PortHolder, ObservedSocket {
  localIp = ANY;
  localPort = 0;
  remoteIp = 0;
  remotePort = 0;
  #state: TcpState = 'CLOSED';
  readonly #send = new SendSide();
  readonly #receive = new ReceiveSide();
  readonly #control = new ControlBlock();

  constructor(
    readonly id: number,
    readonly host: HostRuntime,
    private readonly stack: Stack,
    owner: ProcessCore | null,
  ) {
    if (owner) this.#control.descriptor.open(owner);
    stack.recorder.track(this);
    stack.recorder.record({ kind: 'socket', socket: id, host: host.node.name, protocol: 'tcp', change: 'open', owner: this.#control.descriptor.row });
  }

  get role(): TcpRole {
    return this.#control.role;
  }
  set role(role: TcpRole) {
    this.#control.role = role;
  }
  /** Who hears about this connection: the `net` face or the explicit API. */
  get user(): TcpUser | null {
    return this.#control.user;
  }
  set user(user: TcpUser | null) {
    this.#control.user = user;
  }
  /** Connection id for the trace (both ends share the connector's socket id). */
  get connection(): number {
    return this.#control.connection;
  }
  set connection(id: number) {
    this.#control.connection = id;
  }

  get state(): TcpState {
    return this.#state;
  }
  get owner(): ProcessCore | null {
    return this.#control.descriptor.process;
  }
  get fd(): number {
    return this.#control.descriptor.fd;
  }
  /** Listeners: how many connections may wait to be accepted. */
  get backlog(): number {
    return this.#control.accept?.backlog ?? 511;
  }
  get acceptQueue(): readonly TcpSocket[] {
    return this.#control.accept?.waiting ?? [];
  }
  get recvQ(): number {
    return this.#state === 'LISTEN' ? this.#control.accept!.waiting.length : this.#receive.bytes;
  }
  get sendQ(): number {
    return this.#state === 'LISTEN' ? this.#control.accept!.backlog : this.#send.queued;
  }
  /** Free room in the send buffer: what `write` would accept now. */
  get sendSpace(): number {
    return this.#send.room;
  }
  get bytesSent(): number {
    return this.#send.bytes;
  }
  get bytesReceived(): number {
    return this.#receive.total;
  }
  get closed(): boolean {
    return this.#control.gone;
  }

  localEndpoint(): Endpoint {
    return this.stack.recorder.endpoint(this.localIp, this.localPort);
  }

  remoteEndpoint(): Endpoint | null {
    return this.remotePort ? this.stack.recorder.endpoint(this.remoteIp, this.remotePort) : null;
  }

  // ───────────────────────────── the application's calls ─────────────────────────────

  /** Binds ip:port (port 0: an ephemeral port). Returns the errno on failure, as `bind()` would. */
  bind(ip: number, port: number): Errno | null {
    if (this.#control.bound) return 'EINVAL';
    if (ip !== ANY && !this.stack.ownsAddress(this.host, ip)) return 'EADDRNOTAVAIL';
    const table = this.host.tcp;
    if (port === 0) {
      const chosen = table.ephemeralPort(this.stack.random);
      if (chosen === undefined) return 'EADDRINUSE';
      port = chosen;
    } else if (table.conflict(ip, port)) return 'EADDRINUSE';
    this.localIp = ip;
    this.localPort = port;
    this.#control.bound = true;
    table.bind(this);
    this.#record('bind');
    return null;
  }

  /** Starts listening; binds 0.0.0.0 on an ephemeral port first if unbound. */
  listen(backlog: number): Errno | null {
    if (!this.#control.bound) {
      const failure = this.bind(ANY, 0);
      if (failure) return failure;
    }
    this.role = 'listener';
    if (this.#control.accept) this.#control.accept.backlog = backlog;
    else this.#control.accept = new AcceptQueue(backlog);
    this.#record('listen');
    this.#setState('LISTEN');
    return null;
  }

  /** Sends a SYN to ip:port. ENETUNREACH is returned at once when no route leads there. */
  connect(ip: number, port: number): Errno | null {
    const source = this.stack.sourceAddressFor(this.host, ip);
    if (source === null) return 'ENETUNREACH';
    if (this.#control.bound) this.host.tcp.unbind(this);
    else {
      const chosen = this.host.tcp.ephemeralPort(this.stack.random);
      if (chosen === undefined) return 'EADDRNOTAVAIL';
      this.localPort = chosen;
    }
    if (this.localIp === ANY) this.localIp = source;
    this.#control.bound = true;
    this.remoteIp = ip;
    this.remotePort = port;
    this.role = 'connector';
    this.#control.mss = isLoopback(ip) || this.stack.ownsAddress(this.host, ip) ? MSS_LOOPBACK : MSS_ETHERNET;
    this.connection = this.id;
    this.host.tcp.connect(this);
    this.#send.start(this.stack.random.uint32());
    this.#setState('SYN-SENT');
    this.#sendSyn();
    return null;
  }

  /** Queues bytes for sending; returns how many fit in the send buffer. */
  write(bytes: Uint8Array): number {
    const taken = this.#send.queue(bytes);
    if (taken > 0) this.#output();
    return taken;
  }

  /** Half-close: a FIN follows the queued bytes. */
  shutdown(): void {
    if (this.#send.finQueued) return;
    if (this.#state !== 'ESTABLISHED' && this.#state !== 'CLOSE-WAIT' && this.#state !== 'SYN-RECEIVED') return;
    this.#send.finQueued = true;
    this.#output();
  }

  /** Turns delivery of received bytes on or off (a paused reader lets the receive window fill). */
  setReading(on: boolean): void {
    this.#receive.reading = on;
    if (on) this.#deliver();
  }

  /**
   * The application let go of the socket (`close()`): the kernel keeps it until the connection ends.
   * Unread bytes make Linux answer with RST instead of FIN.
   */
  close(): void {
    this.#disown();
    this.#control.orphaned = true;
    switch (this.#state) {
      case 'LISTEN':
        this.#control.accept!.abortAll();
        this.#setState('CLOSED');
        return;
      case 'SYN-SENT':
      case 'SYN-RECEIVED':
        this.abort();
        return;
      case 'ESTABLISHED':
      case 'CLOSE-WAIT':
        if (this.#receive.bytes > 0) this.abort();
        else this.shutdown();
        return;
      case 'FIN-WAIT-2':
        this.#startTimer(FIN_WAIT_2_MS);
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
      this.#segment(RST | ACK, this.#send.nxt, null);
    }
    if (this.#state === 'LISTEN') this.#control.accept!.abortAll();
    this.#setState('CLOSED');
  }

  /** Listeners: hands the oldest waiting connection to the application. */
  accept(): TcpSocket | undefined {
    return this.#control.accept?.take();
  }

  /** Makes this socket belong to a process (an accepted connection gets the server's owner). */
  adopt(owner: ProcessCore): void {
    this.#control.descriptor.open(owner);
  }

  /** The network could not deliver our SYN (ARP gave up, or a router said host unreachable). */
  unreachable(code: Errno): void {
    if (this.#state === 'SYN-SENT') this.#fail(code, 'connect');
  }

  // ───────────────────────────── segments from the network ─────────────────────────────

  /** Every incoming segment for this socket arrives here. */
  receive(seg: Segment): void {
    const flags = seg.flags;
    const send = this.#send;
    const receive = this.#receive;

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
        this.#cancelTimer();
        receive.nxt = (seg.seq + 1) >>> 0; // their SYN takes one sequence number
        send.acknowledge(seg.ack, seg.window);
        this.#setState('ESTABLISHED');
        this.#segment(ACK, send.nxt, null);
        this.user?.connected();
        this.#output();
        return;

      case 'SYN-RECEIVED':
        // The third step of the handshake: the client's ACK of our SYN.
        if (!(flags & ACK) || seg.ack !== send.nxt) {
          if (flags & SYN) this.#segment(SYN | ACK, send.iss, null); // their SYN again: repeat the SYN+ACK
          return;
        }
        send.acknowledge(seg.ack, seg.window);
        this.#setState('ESTABLISHED');
        if (this.#control.parent) this.#control.parent.#queueAccepted(this);
        break; // the same segment may carry data or a FIN

      default:
        break;
    }

    // Synchronised states. Reject what is not the next expected byte (a duplicate): acknowledge, drop.
    const payload = seg.payload;
    const length = payload ? payload.length : 0;
    if (seg.seq !== receive.nxt && (length > 0 || flags & FIN)) {
      this.#segment(ACK, send.nxt, null);
      return;
    }

    if (flags & ACK) this.#acknowledged(seg);
    if (this.#control.gone) return;

    if (payload && length > 0) {
      // Data after the application let go of the socket: Linux resets the connection.
      if (this.#control.orphaned) return this.abort();
      if (receive.finReceived) return;
      receive.accept(payload);
      this.#scheduleAck();
    }

    if (flags & FIN) {
      receive.finArrived();
      this.#segment(ACK, send.nxt, null);
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

    this.#deliver();
    this.#output();
  }

  /** The acknowledgement field: frees acknowledged bytes; the FIN's acknowledgement moves the state on. */
  #acknowledged(seg: Segment): void {
    const outcome = this.#send.acknowledge(seg.ack, seg.window);
    if (outcome === 'fin-acked') {
      switch (this.#state) {
        case 'FIN-WAIT-1':
          this.#setState('FIN-WAIT-2');
          if (this.#control.orphaned) this.#startTimer(FIN_WAIT_2_MS);
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
    if ((outcome === 'advanced' || outcome === 'fin-acked') && this.user && !this.#send.finQueued) this.user.roomToSend();
  }

  // ───────────────────────────── segments to the network ─────────────────────────────

  /** Sends what the peer's window allows, in segments of at most one MSS; then the FIN if queued. */
  #output(): void {
    const state = this.#state;
    if (state !== 'ESTABLISHED' && state !== 'CLOSE-WAIT' && state !== 'FIN-WAIT-1' && state !== 'LAST-ACK') return;
    const send = this.#send;
    while (send.unsent.bytes > 0) {
      const window = send.usableWindow();
      if (window === 0) return;
      const size = Math.min(this.#control.mss, window, send.unsent.bytes);
      this.#segment(ACK | PSH, send.nxt, send.unsent.take(size));
      send.nxt = (send.nxt + size) >>> 0;
    }
    if (send.finQueued && !send.finSent) {
      send.finSent = true;
      this.#segment(FIN | ACK, send.nxt, null);
      send.nxt = (send.nxt + 1) >>> 0;
      this.#setState(state === 'CLOSE-WAIT' ? 'LAST-ACK' : 'FIN-WAIT-1');
    }
  }

  /** Hands queued bytes (then the end) to the application while it reads. */
  #deliver(): void {
    const receive = this.#receive;
    let freed = false;
    while (receive.reading && !this.#control.gone) {
      const chunk = receive.take();
      if (!chunk) break;
      freed = true;
      this.user?.data(chunk);
    }
    if (freed && receive.windowWasSmall && receive.window >= this.#control.mss) {
      receive.windowWasSmall = false;
      this.#segment(ACK, this.#send.nxt, null); // window update, so a stalled sender resumes
    }
    if (receive.finReceived && !receive.endDelivered && receive.waiting === 0 && receive.reading) {
      receive.endDelivered = true;
      this.user?.ended();
    }
  }

  /** Delays a pure ACK until the application had its turn, so a reply can carry it (delayed ACK). */
  #scheduleAck(): void {
    if (this.#receive.ackPending) return;
    this.#receive.ackPending = true;
    this.stack.clock.tick(flushAck, this, null);
  }

  /** Called by the tick queued in `#scheduleAck`. */
  flushAck(): void {
    if (this.#receive.ackPending && !this.#control.gone && this.#state !== 'CLOSED') this.#segment(ACK, this.#send.nxt, null);
    this.#receive.ackPending = false;
  }

  #segment(flags: number, seq: number, payload: Uint8Array | null): void {
    const receive = this.#receive;
    const window = receive.window;
    if (window < this.#control.mss) receive.windowWasSmall = true;
    if (flags & ACK) receive.ackPending = false;
    const stack = this.stack;
    const seg = stack.newSegment(this.localIp, this.localPort, this.remoteIp, this.remotePort, flags, seq, flags & ACK ? receive.nxt : 0, window, payload, this.connection);
    stack.sendSegment(this.host, seg, this);
  }

  #sendSyn(): void {
    this.#segment(SYN, this.#send.iss, null);
    const delay = SYN_RETRY_DELAYS[this.#control.synAttempt++];
    this.#control.timer = this.stack.clock.schedule(delay ?? 0, synTimeout, this);
  }

  /** SYN retransmission timer (called through `synTimeout`). */
  retrySyn(): void {
    this.#control.timer = null;
    if (this.#state !== 'SYN-SENT') return;
    if (this.#control.synAttempt >= SYN_RETRY_DELAYS.length) return this.#fail('ETIMEDOUT', 'connect');
    this.#sendSyn();
  }

  // ───────────────────────────── listeners' children ─────────────────────────────

  /** A SYN reached a listener: a child socket answers SYN+ACK, unless the accept queue is full. */
  #openChild(syn: Segment): void {
    const queue = this.#control.accept!;
    if (queue.full) return; // Linux drops the SYN; the client retries
    const child = this.stack.newTcpSocket(this.host, null);
    child.role = 'accepted';
    child.#control.parent = this;
    child.localIp = syn.dstIp;
    child.localPort = syn.dstPort;
    child.remoteIp = syn.srcIp;
    child.remotePort = syn.srcPort;
    child.connection = syn.connection;
    child.#control.bound = true;
    child.#control.mss = syn.srcIp === syn.dstIp || isLoopback(syn.srcIp) ? MSS_LOOPBACK : MSS_ETHERNET;
    this.host.tcp.connect(child);
    child.#send.start(this.stack.random.uint32());
    child.#send.window = syn.window;
    child.#receive.nxt = (syn.seq + 1) >>> 0;
    queue.halfOpen++;
    child.#setState('SYN-RECEIVED');
    child.#segment(SYN | ACK, child.#send.iss, null);
  }

  #queueAccepted(child: TcpSocket): void {
    child.#control.parent = null;
    const queue = this.#control.accept!;
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
    this.#startTimer(TIME_WAIT_MS);
  }

  /** TIME-WAIT and orphaned FIN-WAIT-2 end here (called through `stateTimeout`). */
  expire(): void {
    this.#control.timer = null;
    if (this.#state === 'TIME-WAIT' || this.#state === 'FIN-WAIT-2') this.#setState('CLOSED');
  }

  #startTimer(ms: number): void {
    this.#cancelTimer();
    this.#control.timer = this.stack.clock.schedule(ms, stateTimeout, this);
  }

  #cancelTimer(): void {
    if (this.#control.timer) this.stack.clock.cancel(this.#control.timer);
    this.#control.timer = null;
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
    this.#control.descriptor.close();
    this.user = null;
  }

  /** THE one place a state changes: the trace and the tables hang from here. */
  #setState(to: TcpState): void {
    const from = this.#state;
    if (from === to) return;
    this.#state = to;
    this.stack.recorder.record(stateEvent(this, from, to, this.#control.descriptor.row));
    if (to === 'CLOSED') this.#release();
  }

  /** Leaves every table; the stream record stays. */
  #release(): void {
    if (this.#control.gone) return;
    const inTable = this.#control.bound;
    this.#control.gone = true;
    this.#cancelTimer();
    if (this.#control.parent) {
      this.#control.parent.#control.accept!.halfOpen--;
      this.#control.parent = null;
    }
    if (inTable) {
      if (this.remotePort) this.host.tcp.disconnect(this);
      else this.host.tcp.unbind(this);
    }
    this.#disown();
    this.stack.recorder.untrack(this);
    this.#record('close');
  }

  #record(change: 'bind' | 'listen' | 'close'): void {
    const event = { kind: 'socket', socket: this.id, host: this.host.node.name, protocol: 'tcp', change, local: this.localEndpoint() } as const;
    // A closed socket has no owner left to show.
    this.stack.recorder.record(change === 'close' ? event : { ...event, owner: this.#control.descriptor.row });
  }

  /** The `ss` row, or null once the socket left the tables. */
  row(): SocketRow | null {
    if (this.#control.gone || !this.#control.bound) return null;
    return socketRow(this, this.#state, this.#control.descriptor.row);
  }

  stream(): StreamRecord {
    return socketStream(this, this.#control.gone ? 'CLOSED' : this.#state, this.#control.descriptor.first, this.#send, this.#receive);
  }
}

function flushAck(socket: TcpSocket): void {
  socket.flushAck();
}

function synTimeout(socket: TcpSocket): void {
  socket.retrySyn();
}

function stateTimeout(socket: TcpSocket): void {
  socket.expire();
}

export type { SocketOwner };
