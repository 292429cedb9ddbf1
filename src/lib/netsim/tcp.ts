/**
 * TCP, one connection's state machine, readable top-down as RFC 9293 tells it:
 * - every state change passes through the one private `#setState`, which feeds the trace and the tables;
 * - every incoming segment passes through the one `receive(segment)`;
 * - the application talks to it through `bind/listen/connect/write/shutdown/close/abort`, and hears back
 *   through its `TcpUser` (the `net` face or the explicit API).
 *
 * No loss is simulated, so there is no retransmission of data; SYNs are retransmitted (a firewall that
 * drops them makes connect time out after Linux's 127 s).
 */
import { ANY, formatIpv4, isLoopback } from './addresses';
import type { ScheduledEvent } from './clock';
import { systemError, type SystemError } from './errors';
import type { ProcessCore } from './owner';
import { StreamText, type ObservedSocket } from './observe';
import { ACK, FIN, PSH, RST, SYN, seqAdd, seqDiff, type Segment } from './packets';
import type { PortHolder } from './ports';
import { SendBuffer } from './send-buffer';
import type { HostRuntime, Stack } from './network';
import type { Endpoint, SocketOwner, SocketRow, StreamRecord, TcpState } from './types';
import type { Errno } from './types';

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

/** Linux's defaults, simplified: fixed buffers instead of auto-tuning. */
export const SEND_BUFFER = 65536;
export const RECEIVE_BUFFER = 65536;
export const MSS_ETHERNET = 1460;
export const MSS_LOOPBACK = 65483;
/** 2 × MSL on Linux (TCP_TIMEWAIT_LEN). */
export const TIME_WAIT_MS = 60_000;
/** tcp_fin_timeout: how long an orphaned FIN-WAIT-2 socket waits for the peer's FIN. */
export const FIN_WAIT_2_MS = 60_000;
/** tcp_syn_retries = 6: retransmissions after 1, 3, 7, 15, 31, 63 s; failure at 127 s. */
export const SYN_RETRY_DELAYS = [1000, 2000, 4000, 8000, 16000, 32000, 64000];

type Role = 'listener' | 'accepted' | 'connector';

export class TcpSocket implements PortHolder, ObservedSocket {
  localIp = ANY;
  localPort = 0;
  remoteIp = 0;
  remotePort = 0;
  role: Role = 'connector';
  owner: ProcessCore | null;
  fd = -1;
  user: TcpUser | null = null;
  /** Listeners: how many connections may wait to be accepted. */
  backlog = 511;
  readonly acceptQueue: TcpSocket[] = [];
  connection = 0;

  #state: TcpState = 'CLOSED';
  #bound = false;
  #inTable = false;
  #gone = false;
  /** The application closed it; the kernel finishes the connection alone. */
  #orphaned = false;
  #firstOwner: SocketOwner | null = null;
  #mss = MSS_ETHERNET;
  #timer: ScheduledEvent | null = null;
  #synAttempt = 0;
  #parent: TcpSocket | null = null;
  #pendingChildren = 0;

  // send side (sequence space: iss … sndUna … sndNxt … + unsent)
  #iss = 0;
  #sndUna = 0;
  #sndNxt = 0;
  #sndWnd = 0;
  readonly #unsent = new SendBuffer();
  #finQueued = false;
  #finSent = false;

  // receive side
  #rcvNxt = 0;
  #recvQueue: Uint8Array[] = [];
  #recvBytes = 0;
  #reading = true;
  #finReceived = false;
  #endDelivered = false;
  #ackPending = false;
  #windowWasSmall = false;

  // what the stream carried
  #sentText: StreamText | null = null;
  #sentBytes = 0;
  #receivedText: StreamText | null = null;
  #receivedBytes = 0;
  /** The `ss -p` owner, made once per owner (the trace shares it). */
  #ownerRowCache: SocketOwner | null = null;

  constructor(
    readonly id: number,
    readonly host: HostRuntime,
    private readonly stack: Stack,
    owner: ProcessCore | null,
  ) {
    this.owner = owner;
    if (owner) {
      this.fd = owner.openFd();
      this.#firstOwner = this.#ownerRowCache = owner.owner(this.fd);
    }
    stack.recorder.track(this);
    stack.recorder.record({ kind: 'socket', socket: id, host: host.node.name, protocol: 'tcp', change: 'open', owner: this.#ownerRow() });
  }

  get state(): TcpState {
    return this.#state;
  }

  get recvQ(): number {
    return this.#state === 'LISTEN' ? this.acceptQueue.length : this.#recvBytes;
  }

  get sendQ(): number {
    return this.#state === 'LISTEN' ? this.backlog : seqDiff(this.#sndNxt, this.#sndUna) + this.#unsent.bytes;
  }

  /** Free room in the send buffer: what `write` would accept now. */
  get sendSpace(): number {
    return SEND_BUFFER - this.sendQ;
  }

  get bytesSent(): number {
    return this.#sentBytes;
  }

  get bytesReceived(): number {
    return this.#receivedBytes;
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
    if (this.#bound) return 'EINVAL';
    if (ip !== ANY && !this.stack.ownsAddress(this.host, ip)) return 'EADDRNOTAVAIL';
    const table = this.host.tcp;
    if (port === 0) {
      const chosen = table.ephemeralPort(this.stack.random);
      if (chosen === undefined) return 'EADDRINUSE';
      port = chosen;
    } else if (table.conflict(ip, port)) return 'EADDRINUSE';
    this.localIp = ip;
    this.localPort = port;
    this.#bound = true;
    this.#inTable = true;
    table.bind(this);
    this.#event('bind');
    return null;
  }

  /** Starts listening; binds 0.0.0.0 on an ephemeral port first if unbound. */
  listen(backlog: number): Errno | null {
    if (!this.#bound) {
      const failure = this.bind(ANY, 0);
      if (failure) return failure;
    }
    this.role = 'listener';
    this.backlog = backlog;
    this.#event('listen');
    this.#setState('LISTEN');
    return null;
  }

  /** Sends a SYN to ip:port. ENETUNREACH is returned at once when no route leads there. */
  connect(ip: number, port: number): Errno | null {
    const source = this.stack.sourceAddressFor(this.host, ip);
    if (source === null) return 'ENETUNREACH';
    if (this.#bound) this.host.tcp.unbind(this);
    else {
      const chosen = this.host.tcp.ephemeralPort(this.stack.random);
      if (chosen === undefined) return 'EADDRNOTAVAIL';
      this.localPort = chosen;
    }
    if (this.localIp === ANY) this.localIp = source;
    this.#bound = true;
    this.remoteIp = ip;
    this.remotePort = port;
    this.role = 'connector';
    this.#mss = isLoopback(ip) || this.stack.ownsAddress(this.host, ip) ? MSS_LOOPBACK : MSS_ETHERNET;
    this.connection = this.id;
    this.host.tcp.connect(this);
    this.#inTable = true;
    this.#iss = this.stack.random.uint32();
    this.#sndUna = this.#iss;
    this.#sndNxt = seqAdd(this.#iss, 1);
    this.#setState('SYN-SENT');
    this.#sendSyn();
    return null;
  }

  /** Queues bytes for sending; returns how many fit in the send buffer. */
  write(bytes: Uint8Array): number {
    const room = this.sendSpace;
    if (room <= 0 || bytes.length === 0) return 0;
    const chunk = bytes.length <= room ? bytes : bytes.subarray(0, room);
    this.#unsent.push(chunk);
    (this.#sentText ??= new StreamText()).append(chunk);
    this.#sentBytes += chunk.length;
    this.#output();
    return chunk.length;
  }

  /** Half-close: a FIN follows the queued bytes. */
  shutdown(): void {
    if (this.#finQueued) return;
    if (this.#state !== 'ESTABLISHED' && this.#state !== 'CLOSE-WAIT' && this.#state !== 'SYN-RECEIVED') return;
    this.#finQueued = true;
    this.#output();
  }

  /** Turns delivery of received bytes on or off (a paused reader lets the receive window fill). */
  setReading(on: boolean): void {
    this.#reading = on;
    if (on) this.#deliverQueued();
  }

  /**
   * The application let go of the socket (`close()`): the kernel keeps it until the connection ends.
   * Unread bytes make Linux answer with RST instead of FIN.
   */
  close(): void {
    this.#disown();
    this.#orphaned = true;
    switch (this.#state) {
      case 'LISTEN':
        for (const child of this.acceptQueue.splice(0)) child.abort();
        this.#setState('CLOSED');
        return;
      case 'SYN-SENT':
      case 'SYN-RECEIVED':
        this.abort();
        return;
      case 'ESTABLISHED':
      case 'CLOSE-WAIT':
        if (this.#recvBytes > 0) this.abort();
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
      this.#send(RST | ACK, this.#sndNxt, null);
    }
    if (this.#state === 'LISTEN') for (const child of this.acceptQueue.splice(0)) child.abort();
    this.#setState('CLOSED');
  }

  /** Listeners: hands the oldest waiting connection to the application. */
  accept(): TcpSocket | undefined {
    return this.acceptQueue.shift();
  }

  /** Makes this socket belong to a process (an accepted connection gets the server's owner). */
  adopt(owner: ProcessCore): void {
    this.owner = owner;
    this.fd = owner.openFd();
    this.#firstOwner = this.#ownerRowCache = owner.owner(this.fd);
  }

  // ───────────────────────────── segments from the network ─────────────────────────────

  /** Every incoming segment for this socket arrives here. */
  receive(seg: Segment): void {
    const flags = seg.flags;

    // A reset ends everything, in any state but LISTEN and TIME-WAIT (RFC 1337).
    if (flags & RST) {
      switch (this.#state) {
        case 'SYN-SENT':
          if (flags & ACK && seg.ack === this.#sndNxt) this.#fail('ECONNREFUSED', 'connect');
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
        if (!(flags & SYN) || !(flags & ACK) || seg.ack !== this.#sndNxt) {
          if (flags & ACK) this.stack.answerWithReset(this.host, seg);
          return;
        }
        this.#cancelTimer();
        this.#rcvNxt = seqAdd(seg.seq, 1);
        this.#sndUna = seg.ack;
        this.#sndWnd = seg.window;
        this.#setState('ESTABLISHED');
        this.#send(ACK, this.#sndNxt, null);
        this.user?.connected();
        this.#output();
        return;

      case 'SYN-RECEIVED':
        // The third step of the handshake: the client's ACK of our SYN.
        if (!(flags & ACK) || seg.ack !== this.#sndNxt) {
          if (flags & SYN) this.#send(SYN | ACK, this.#iss, null); // their SYN again: repeat the SYN+ACK
          return;
        }
        this.#sndUna = seg.ack;
        this.#sndWnd = seg.window;
        this.#setState('ESTABLISHED');
        const parent = this.#parent;
        if (parent) parent.#enqueueAccepted(this);
        break; // the same segment may carry data or a FIN

      default:
        break;
    }

    // Synchronised states. Reject what is not the next expected byte (a duplicate): acknowledge, drop.
    const length = seg.payload ? seg.payload.length : 0;
    if (seg.seq !== this.#rcvNxt && (length > 0 || flags & FIN)) {
      this.#send(ACK, this.#sndNxt, null);
      return;
    }

    if (flags & ACK) this.#acknowledged(seg);
    if (this.#gone) return;

    if (length > 0) {
      // Data after the application let go of the socket: Linux resets the connection.
      if (this.#orphaned) return this.abort();
      if (this.#finReceived) return;
      this.#rcvNxt = seqAdd(this.#rcvNxt, length);
      (this.#receivedText ??= new StreamText()).append(seg.payload!);
      this.#receivedBytes += length;
      this.#recvQueue.push(seg.payload!);
      this.#recvBytes += length;
      this.#scheduleAck();
    }

    if (flags & FIN) {
      this.#rcvNxt = seqAdd(this.#rcvNxt, 1);
      this.#finReceived = true;
      this.#send(ACK, this.#sndNxt, null);
      this.#ackPending = false;
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

    this.#deliverQueued();
    this.#output();
  }

  /** The network could not deliver our SYN (ARP gave up, or a router said host unreachable). */
  unreachable(code: Errno): void {
    if (this.#state === 'SYN-SENT') this.#fail(code, 'connect');
  }

  // ───────────────────────────── internals ─────────────────────────────

  /** Processes the acknowledgement field: frees acknowledged bytes, notes the FIN's acknowledgement. */
  #acknowledged(seg: Segment): void {
    const advance = seqDiff(seg.ack, this.#sndUna);
    if (advance < 0 || seqDiff(seg.ack, this.#sndNxt) > 0) return;
    this.#sndWnd = seg.window;
    if (advance > 0) {
      this.#sndUna = seg.ack;
      const finAcked = this.#finSent && seg.ack === this.#sndNxt;
      if (finAcked) {
        switch (this.#state) {
          case 'FIN-WAIT-1':
            this.#setState('FIN-WAIT-2');
            if (this.#orphaned) this.#startTimer(FIN_WAIT_2_MS);
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
      if (this.user && !this.#finQueued) this.user.roomToSend();
    }
  }

  /** Sends what the peer's window allows: segments of at most one MSS; then the FIN if queued. */
  #output(): void {
    if (this.#state !== 'ESTABLISHED' && this.#state !== 'CLOSE-WAIT' && this.#state !== 'FIN-WAIT-1' && this.#state !== 'LAST-ACK') {
      return;
    }
    while (this.#unsent.bytes > 0) {
      const inFlight = seqDiff(this.#sndNxt, this.#sndUna);
      const window = this.#sndWnd - inFlight;
      if (window <= 0) return;
      const size = Math.min(this.#mss, window, this.#unsent.bytes);
      const payload = this.#unsent.take(size);
      this.#send(ACK | PSH, this.#sndNxt, payload);
      this.#sndNxt = seqAdd(this.#sndNxt, size);
    }
    if (this.#finQueued && !this.#finSent) {
      this.#finSent = true;
      this.#send(FIN | ACK, this.#sndNxt, null);
      this.#sndNxt = seqAdd(this.#sndNxt, 1);
      this.#setState(this.#state === 'CLOSE-WAIT' ? 'LAST-ACK' : 'FIN-WAIT-1');
    }
  }

  /** Hands queued bytes (then the end) to the application while it reads. */
  #deliverQueued(): void {
    let freed = false;
    while (this.#reading && this.#recvQueue.length && !this.#gone) {
      const chunk = this.#recvQueue.shift()!;
      this.#recvBytes -= chunk.length;
      freed = true;
      this.user?.data(chunk);
    }
    if (freed && this.#windowWasSmall && this.#receiveWindow() >= this.#mss) {
      this.#windowWasSmall = false;
      this.#send(ACK, this.#sndNxt, null); // window update, so a stalled sender resumes
      this.#ackPending = false;
    }
    if (this.#finReceived && !this.#endDelivered && this.#recvQueue.length === 0 && this.#reading) {
      this.#endDelivered = true;
      this.user?.ended();
    }
  }

  #receiveWindow(): number {
    const free = RECEIVE_BUFFER - this.#recvBytes;
    return free > 65535 ? 65535 : free;
  }

  /** Delays a pure ACK until the application had its turn, so a reply can carry it (delayed ACK). */
  #scheduleAck(): void {
    if (this.#ackPending) return;
    this.#ackPending = true;
    this.stack.clock.tick(flushAck, this, null);
  }

  /** Called by the tick queued in `#scheduleAck`. */
  flushAck(): void {
    if (this.#ackPending && !this.#gone && this.#state !== 'CLOSED') this.#send(ACK, this.#sndNxt, null);
    this.#ackPending = false;
  }

  #send(flags: number, seq: number, payload: Uint8Array | null): void {
    const window = this.#receiveWindow();
    if (window < this.#mss) this.#windowWasSmall = true;
    if (flags & ACK) this.#ackPending = false;
    this.stack.sendSegment(this.host, {
      srcIp: this.localIp,
      srcPort: this.localPort,
      dstIp: this.remoteIp,
      dstPort: this.remotePort,
      flags,
      seq,
      ack: flags & ACK ? this.#rcvNxt : 0,
      window,
      payload,
      connection: this.connection,
    }, this);
  }

  #sendSyn(): void {
    this.#send(SYN, this.#iss, null);
    const delay = SYN_RETRY_DELAYS[this.#synAttempt++];
    this.#timer = this.stack.clock.schedule(delay ?? 0, synTimeout, this);
  }

  /** SYN retransmission timer (called through `synTimeout`). */
  retrySyn(): void {
    this.#timer = null;
    if (this.#state !== 'SYN-SENT') return;
    if (this.#synAttempt >= SYN_RETRY_DELAYS.length) return this.#fail('ETIMEDOUT', 'connect');
    this.#sendSyn();
  }

  #openChild(syn: Segment): void {
    if (this.acceptQueue.length >= this.backlog) return; // accept queue full: Linux drops the SYN
    const child = this.stack.newTcpSocket(this.host, null);
    child.role = 'accepted';
    child.#parent = this;
    child.localIp = syn.dstIp;
    child.localPort = syn.dstPort;
    child.remoteIp = syn.srcIp;
    child.remotePort = syn.srcPort;
    child.connection = syn.connection;
    child.#bound = true;
    child.#inTable = true;
    child.#mss = syn.srcIp === syn.dstIp || isLoopback(syn.srcIp) ? MSS_LOOPBACK : MSS_ETHERNET;
    this.host.tcp.connect(child);
    child.#iss = this.stack.random.uint32();
    child.#sndUna = child.#iss;
    child.#sndNxt = seqAdd(child.#iss, 1);
    child.#rcvNxt = seqAdd(syn.seq, 1);
    child.#sndWnd = syn.window;
    this.#pendingChildren++;
    child.#setState('SYN-RECEIVED');
    child.#send(SYN | ACK, child.#iss, null);
  }

  #enqueueAccepted(child: TcpSocket): void {
    this.#pendingChildren--;
    child.#parent = null;
    if (this.#state !== 'LISTEN') return child.abort();
    this.acceptQueue.push(child);
    this.user?.incoming?.(child);
  }

  #enterTimeWait(): void {
    // The application usually closes its descriptor at once (Node destroys the socket after 'end');
    // `ss` then shows the TIME-WAIT socket with no process.
    this.#setState('TIME-WAIT');
    this.#startTimer(TIME_WAIT_MS);
  }

  /** TIME-WAIT and orphaned FIN-WAIT-2 end here (called through `stateTimeout`). */
  expire(): void {
    this.#timer = null;
    if (this.#state === 'TIME-WAIT' || this.#state === 'FIN-WAIT-2') this.#setState('CLOSED');
  }

  #startTimer(ms: number): void {
    this.#cancelTimer();
    this.#timer = this.stack.clock.schedule(ms, stateTimeout, this);
  }

  #cancelTimer(): void {
    if (this.#timer) this.stack.clock.cancel(this.#timer);
    this.#timer = null;
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
    if (this.owner) {
      this.owner.closeFd(this.fd);
      this.owner = null;
      this.fd = -1;
      this.#ownerRowCache = null;
    }
    this.user = null;
  }

  /** THE one place a state changes: the trace and the tables hang from here. */
  #setState(to: TcpState): void {
    const from = this.#state;
    if (from === to) return;
    this.#state = to;
    this.stack.recorder.record({
      kind: 'socket',
      socket: this.id,
      host: this.host.node.name,
      protocol: 'tcp',
      change: 'state',
      from,
      to,
      local: this.localEndpoint(),
      remote: this.remoteEndpoint() ?? undefined,
      owner: this.#ownerRow(),
    });
    if (to === 'CLOSED') this.#release();
  }

  /** Leaves every table; the stream record stays. */
  #release(): void {
    if (this.#gone) return;
    this.#gone = true;
    this.#cancelTimer();
    if (this.#parent) {
      this.#parent.#pendingChildren--;
      this.#parent = null;
    }
    if (this.#inTable) {
      if (this.remotePort) this.host.tcp.disconnect(this);
      else this.host.tcp.unbind(this);
    }
    this.#inTable = false;
    this.#disown();
    this.stack.recorder.untrack(this);
    this.stack.recorder.record({ kind: 'socket', socket: this.id, host: this.host.node.name, protocol: 'tcp', change: 'close', local: this.localEndpoint() });
  }

  #event(change: 'bind' | 'listen'): void {
    this.stack.recorder.record({
      kind: 'socket',
      socket: this.id,
      host: this.host.node.name,
      protocol: 'tcp',
      change,
      local: this.localEndpoint(),
      owner: this.#ownerRow(),
    });
  }

  #ownerRow(): SocketOwner | null {
    return this.#ownerRowCache;
  }

  get closed(): boolean {
    return this.#gone;
  }

  row(): SocketRow | null {
    if (this.#gone || !this.#inTable) return null;
    return {
      id: this.id,
      host: this.host.node.name,
      protocol: 'tcp',
      state: this.#state === 'CLOSED' ? 'UNCONN' : this.#state,
      local: this.localEndpoint(),
      remote: this.#state === 'LISTEN' ? null : this.remoteEndpoint(),
      recvQ: this.recvQ,
      sendQ: this.sendQ,
      owner: this.#ownerRow(),
    };
  }

  stream(): StreamRecord {
    return {
      socket: this.id,
      host: this.host.node.name,
      protocol: 'tcp',
      role: this.role,
      local: this.localEndpoint(),
      remote: this.role === 'listener' ? null : this.remoteEndpoint(),
      owner: this.#firstOwner,
      received: this.#receivedText?.text ?? '',
      receivedBytes: this.#receivedBytes,
      sent: this.#sentText?.text ?? '',
      sentBytes: this.#sentBytes,
      state: this.#gone ? 'CLOSED' : this.#state,
    };
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
