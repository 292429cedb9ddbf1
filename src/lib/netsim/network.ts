/**
 * The network that moves packets: routing (which card, which next hop, through forwarding routers), ARP
 * (cached; an address nobody has fails after ≈3 s, as Linux's three unanswered requests), the links' delays
 * (links.ts), and the packet trace. Sockets (tcp.ts, udp.ts) hand it segments and datagrams; it hands them
 * to the socket at the other end when they come out of the last link.
 */
import { ANY, formatIpv4, isLoopback, LOOPBACK, sameSubnet } from './addresses';
import { Clock } from './clock';
import { DEFAULT_LIMITS, LimitExceeded, type LimitHit, type LimitKind, type RunLimits } from './limits';
import { Links, type LinkTiming, type Wire } from './links';
import { Recorder } from './observe';
import { ProcessCore } from './owner';
import { ACK, previewOf, RST, SYN, seqAdd, type Datagram, type Segment, type SegmentSender } from './packets';
import { PortTable } from './ports';
import { Random } from './random';
import { TcpSocket, type TcpHost } from './tcp';
import { hasAddress, neighbour, routeFrom, type HostNode } from './topology';
import type { RunAs } from './types';
import { UdpSocket, type UdpHost } from './udp';

/**
 * One host at run time: its port tables, ARP cache, learnt paths and processes, and the way its sockets
 * reach the network (what tcp.ts and udp.ts ask of a host, passed on to the stack).
 */
export class HostRuntime implements TcpHost, UdpHost {
  readonly name: string;
  readonly tcp = new PortTable<TcpSocket>();
  readonly udp = new PortTable<UdpSocket>();
  /** Neighbours whose MAC address this host has learnt. */
  readonly arpCache = new Set<number>();
  /** Resolutions in progress for addresses nobody has answered yet: who waits for the verdict. */
  readonly arpWaiting = new Map<number, Set<SegmentSender | null>>();
  readonly paths = new Map<number, Path>();
  /** The last destination asked for and its path: most segments in a row go the same way. */
  lastPathTo = -1;
  lastPath: Path | null = null;
  readonly processes: ProcessCore[] = [];
  nextPid: number;
  readonly clock: Clock;
  readonly recorder: Recorder;
  readonly random: Random;
  readonly #stack: Stack;

  constructor(
    readonly node: HostNode,
    readonly index: number,
    stack: Stack,
  ) {
    this.name = node.name;
    this.#stack = stack;
    this.clock = stack.clock;
    this.recorder = stack.recorder;
    this.random = stack.random;
    this.nextPid = stack.random.int(1000, 30000);
  }

  ownsAddress(ip: number): boolean {
    return hasAddress(this.node, ip);
  }

  sourceAddressFor(dst: number): number | null {
    return this.#stack.sourceAddressFor(this, dst);
  }

  newTcpSocket(owner: ProcessCore | null): TcpSocket {
    return this.#stack.newTcpSocket(this, owner);
  }

  takeSegment(): Segment {
    return this.#stack.takeSegment();
  }

  sendSegment(seg: Segment, sender: SegmentSender | null): void {
    this.#stack.sendSegment(this, seg, sender);
  }

  answerWithReset(seg: Segment): void {
    this.#stack.answerWithReset(this, seg);
  }

  sendDatagram(datagram: Datagram): void {
    this.#stack.sendDatagram(this, datagram);
  }
}

/** Where a packet from one host to one address ends up, and over which wires (none: loopback). */
type Path =
  | { kind: 'arrives'; to: HostRuntime; wires: Wire[]; arp: { from: HostRuntime; ip: number }[] }
  | { kind: 'arp-fails'; from: HostRuntime; ip: number; arp: { from: HostRuntime; ip: number }[] }
  | { kind: 'no-route'; at: HostRuntime };

/** ARP: Linux sends 3 requests a second apart, then reports the host unreachable. */
export const ARP_RETRIES = 3;
export const ARP_INTERVAL_MS = 1000;
/** ping's echo messages: 8 bytes of ICMP header and 56 of data, as `ping` sends by default. */
export const ICMP_ECHO_LENGTH = 64;
/**
 * An ICMP error quotes the packet that caused it: its IP header (20 bytes) and as much of the rest as fits
 * in a 576-byte reply (RFC 1812 §4.3.2.3), after its own 8-byte header and the reply's IP header.
 */
function icmpErrorLength(quotedTransportBytes: number): number {
  return 8 + Math.min(20 + quotedTransportBytes, 576 - 20 - 8);
}

/** Loopback delivery takes a little time too, so the order of events stays that of a real exchange. */
export const LOOPBACK_LATENCY_MS = 0.0625;

export class Stack {
  readonly clock = new Clock();
  readonly recorder = new Recorder(this.clock);
  readonly random: Random;
  readonly hosts: HostRuntime[];
  readonly #links: Links;
  #nextSocketId = 1;
  /** Segments that arrived, ready for reuse: nothing keeps a segment once `receive` returned. */
  readonly #spareSegments: Segment[] = [];
  #spareSegmentCount = 0;
  // Made once, so scheduling a packet's arrival allocates no closure.
  readonly #deliverSegment = (seg: Segment) => {
    this.arriveSegment(this.hosts[seg.hop!]!, seg);
    this.#recycle(seg);
  };
  readonly #deliverDatagram = (datagram: Datagram) => this.arriveDatagram(this.hosts[datagram.hop!]!, datagram);

  constructor(nodes: HostNode[], seed: number, timing: LinkTiming) {
    this.random = new Random(seed);
    this.#links = new Links(timing, seed, nodes.length);
    this.hosts = nodes.map((node, index) => new HostRuntime(node, index, this));
  }

  host(name: string): HostRuntime {
    const host = this.hosts.find((h) => h.node.name === name);
    if (!host) throw new Error(`No host named "${name}" in this network (hosts: ${this.hosts.map((h) => h.node.name).join(', ')})`);
    return host;
  }

  newTcpSocket(host: HostRuntime, owner: ProcessCore | null): TcpSocket {
    this.#countSocket(host, owner);
    return new TcpSocket(this.#nextSocketId++, host, owner);
  }

  newUdpSocket(host: HostRuntime, owner: ProcessCore | null): UdpSocket {
    this.#countSocket(host, owner);
    return new UdpSocket(this.#nextSocketId++, host, owner);
  }

  /** What this run may use (limits.ts); the runner may set its own. */
  limits: RunLimits = DEFAULT_LIMITS;
  /** The limit a program reached, if one did: the network is halted from then on. */
  limitHit: LimitHit | null = null;
  #socketsOpened = 0;

  /** Sockets opened by programs count toward the run's limit (the kernel's own, for a listener's connections, too). */
  #countSocket(host: HostRuntime, owner: ProcessCore | null): void {
    if (++this.#socketsOpened <= this.limits.sockets) return;
    this.exceed('sockets', this.limits.sockets, host.node.name, owner?.pid ?? 0);
  }

  /** A program went past a limit: record it, halt the network, and stop the program's code here. */
  exceed(kind: LimitKind, limit: number, host: string, pid: number): never {
    // Once halted, the same error is thrown again: a program that catches it and loops on costs no new stacks.
    if (this.#limitError) throw this.#limitError;
    const hit: LimitHit = { kind, limit, host, pid, at: this.clock.now };
    this.limitHit = hit;
    this.clock.halt();
    this.#limitError = new LimitExceeded(hit);
    throw this.#limitError;
  }

  #limitError: LimitExceeded | null = null;

  ownsAddress(host: HostRuntime, ip: number): boolean {
    return hasAddress(host.node, ip);
  }

  /** The source address the kernel picks for a packet to `dst`, or null when no route leads there. */
  sourceAddressFor(host: HostRuntime, dst: number): number | null {
    const route = routeFrom(host.node, dst);
    switch (route.kind) {
      case 'local':
        return isLoopback(dst) ? LOOPBACK : dst;
      case 'nic':
        return route.nic.ip;
      case 'none':
        return null;
      default: {
        const never: never = route;
        return never;
      }
    }
  }

  // ───────────────────────────── moving packets ─────────────────────────────

  /**
   * A segment to fill in and hand to `sendSegment`: one that arrived and was recycled, or a new one. The
   * caller sets every field (filling in place, rather than passing ten numbers to a constructor, keeps the
   * addresses, which are no small integers to V8, from being boxed on the way).
   */
  takeSegment(): Segment {
    if (this.#spareSegmentCount === 0) return { srcIp: 0, srcPort: 0, dstIp: 0, dstPort: 0, flags: 0, seq: 0, ack: 0, window: 0, payload: null, connection: 0, hop: -1 };
    const seg = this.#spareSegments[--this.#spareSegmentCount]!;
    this.#spareSegments[this.#spareSegmentCount] = undefined as unknown as Segment;
    return seg;
  }

  #recycle(seg: Segment): void {
    seg.payload = null; // the receiver keeps the bytes, not the segment
    if (this.#spareSegmentCount < 1024) this.#spareSegments[this.#spareSegmentCount++] = seg;
  }

  /** Sends a segment from `takeSegment`; it belongs to the network from now on. */
  sendSegment(from: HostRuntime, seg: Segment, sender: SegmentSender | null): void {
    const path = this.#segmentPath(from, seg);
    let delivered = path.kind === 'arrives';
    if (delivered && path.kind === 'arrives' && path.to.node.dropsIncoming && seg.flags === SYN && path.to !== from) delivered = false;
    this.#learnArp(path);
    this.recorder.segment(seg, delivered);
    if (delivered && path.kind === 'arrives') {
      seg.hop = path.to.index;
      this.#carry(path, this.#deliverSegment, seg);
      return;
    }
    if (path.kind === 'arp-fails') this.#resolveFailing(path.from, path.ip, sender);
    else if (path.kind === 'no-route' && path.at !== from) this.#routerUnreachable(path.at, seg, sender);
    this.#recycle(seg);
  }

  sendDatagram(from: HostRuntime, datagram: Datagram): void {
    const path = this.#pathFor(from, datagram.dstIp);
    this.#learnArp(path);
    this.recorder.record({
      kind: 'udp',
      src: this.recorder.endpoint(datagram.srcIp, datagram.srcPort),
      dst: this.recorder.endpoint(datagram.dstIp, datagram.dstPort),
      length: datagram.payload.length,
      preview: previewOf(datagram.payload),
      fate: path.kind === 'arrives' ? 'delivered' : 'dropped',
    });
    if (path.kind === 'arrives') {
      datagram.hop = path.to.index;
      this.#carry(path, this.#deliverDatagram, datagram);
    } else if (path.kind === 'arp-fails') {
      this.#resolveFailing(path.from, path.ip, null);
    }
  }

  /** A segment nobody wants gets a RST (never in answer to a RST). */
  answerWithReset(host: HostRuntime, seg: Segment): void {
    if (seg.flags & RST) return;
    const length = (seg.payload ? seg.payload.length : 0) + (seg.flags & SYN ? 1 : 0);
    const acked = seg.flags & ACK;
    const reset = this.takeSegment();
    reset.srcIp = seg.dstIp;
    reset.srcPort = seg.dstPort;
    reset.dstIp = seg.srcIp;
    reset.dstPort = seg.srcPort;
    reset.flags = acked ? RST : RST | ACK;
    reset.seq = acked ? seg.ack : 0;
    reset.ack = acked ? 0 : seqAdd(seg.seq, length);
    reset.window = 0;
    reset.payload = null;
    reset.connection = seg.connection;
    this.sendSegment(host, reset, null);
  }

  /** A segment reached its host: the connection it belongs to, else a listener, else a RST. */
  arriveSegment(host: HostRuntime, seg: Segment): void {
    const connected = host.tcp.connectedFor(seg.dstIp, seg.dstPort, seg.srcIp, seg.srcPort);
    if (connected) return connected.receive(seg);
    const listener = host.tcp.boundFor(seg.dstIp, seg.dstPort, isListening);
    if (listener) return listener.receive(seg);
    this.answerWithReset(host, seg);
  }

  arriveDatagram(host: HostRuntime, datagram: Datagram): void {
    const socket = host.udp.boundFor(datagram.dstIp, datagram.dstPort, (s) => !s.connected || (s.remoteIp === datagram.srcIp && s.remotePort === datagram.srcPort));
    if (socket) return socket.receive(datagram);
    // Nobody listens: ICMP port unreachable goes back to the sender.
    const length = icmpErrorLength(8 + datagram.payload.length);
    this.#sendIcmp(host, datagram.dstIp, datagram.srcIp, 'port-unreachable', datagram.dstPort, length, () => {
      const origin = this.#hostWith(datagram.srcIp, host);
      const sender = origin?.udp.boundFor(datagram.srcIp, datagram.srcPort, () => true);
      sender?.portUnreachable(datagram.dstIp, datagram.dstPort);
    });
  }

  /** ICMP echo: resolves with the round trip, or why it failed. */
  ping(from: HostRuntime, target: number, seq: number): Promise<{ ok: true; rttMs: number } | { ok: false; reason: 'unreachable' | 'timeout' }> {
    const start = this.clock.now;
    const source = this.sourceAddressFor(from, target);
    if (source === null) return Promise.resolve({ ok: false, reason: 'unreachable' });
    return new Promise((settle) => {
      // Its answer comes from the kernel's processing: the code awaiting it runs before the next event.
      const resolve = (answer: { ok: true; rttMs: number } | { ok: false; reason: 'unreachable' | 'timeout' }) => {
        this.clock.markProgramRan();
        settle(answer);
      };
      const outcome = this.#sendIcmp(from, source, target, 'echo-request', seq, ICMP_ECHO_LENGTH, (to) => {
        this.#sendIcmp(to, target, source, 'echo-reply', seq, ICMP_ECHO_LENGTH, () => resolve({ ok: true, rttMs: this.clock.now - start }));
      });
      if (outcome === 'arp-fails') this.clock.schedule(ARP_RETRIES * ARP_INTERVAL_MS, resolve, { ok: false, reason: 'unreachable' } as const);
      else if (outcome === 'no-route') resolve({ ok: false, reason: 'unreachable' });
    });
  }

  #sendIcmp(
    from: HostRuntime,
    src: number,
    dst: number,
    type: 'echo-request' | 'echo-reply' | 'port-unreachable' | 'host-unreachable',
    detail: number,
    length: number,
    onArrival: (to: HostRuntime) => void,
  ): Path['kind'] {
    const path = this.#pathFor(from, dst);
    this.#learnArp(path);
    this.recorder.record({ kind: 'icmp', src: formatIpv4(src), dst: formatIpv4(dst), type, detail, length });
    if (path.kind === 'arrives') this.#carry(path, onArrival, path.to);
    else if (path.kind === 'arp-fails') this.#resolveFailing(path.from, path.ip, null);
    return path.kind;
  }

  /** A router has no route for `seg`: ICMP host unreachable quotes it (netsim's segments carry no TCP options). */
  #routerUnreachable(router: HostRuntime, seg: Segment, sender: SegmentSender | null): void {
    const routerIp = router.node.nics.find((n) => !n.loopback)?.ip ?? LOOPBACK;
    const length = icmpErrorLength(20 + (seg.payload ? seg.payload.length : 0));
    this.#sendIcmp(router, routerIp, seg.srcIp, 'host-unreachable', 0, length, () => sender?.unreachable('EHOSTUNREACH'));
  }

  /** Puts a packet on its way: `arrive(packet)` once it comes out of the path's last wire (loopback: at once, nearly). */
  #carry<P>(path: Path & { kind: 'arrives' }, arrive: (packet: P) => void, packet: P): void {
    const wires = path.wires;
    if (wires.length === 0) this.clock.post(LOOPBACK_LATENCY_MS, arrive, packet);
    else this.clock.postAt(this.#links.arrival(this.clock.now, wires), arrive, packet);
  }

  /** `#pathFor` the segment's destination; the usual case (the same as last time) passes no address across a call. */
  #segmentPath(from: HostRuntime, seg: Segment): Path {
    const last = from.lastPath;
    if (last !== null && from.lastPathTo === seg.dstIp && (last.kind !== 'arrives' || last.arp.length === 0)) return last;
    return this.#pathFor(from, seg.dstIp);
  }

  /** Follows routes hop by hop (through forwarding hosts) and remembers the answer per destination. */
  #pathFor(from: HostRuntime, dst: number): Path {
    const known = from.paths.get(dst);
    if (known && (known.kind !== 'arrives' || known.arp.length === 0)) {
      from.lastPathTo = dst;
      from.lastPath = known;
      return known;
    }
    const arp: { from: HostRuntime; ip: number }[] = [];
    const wires: Wire[] = [];
    let at = from;
    for (let hop = 0; hop < 16; hop++) {
      const route = routeFrom(at.node, dst);
      if (route.kind === 'none') return this.#remember(from, dst, { kind: 'no-route', at });
      if (route.kind === 'local') {
        const path: Path = { kind: 'arrives', to: at, wires, arp };
        return this.#remember(from, dst, path);
      }
      const next = neighbour(this.#nodes(), route.nic, route.nextHop);
      if (!at.arpCache.has(route.nextHop)) arp.push({ from: at, ip: route.nextHop });
      if (!next) return { kind: 'arp-fails', from: at, ip: route.nextHop, arp: [] };
      const nextHost = this.hosts[this.#nodes().indexOf(next)]!;
      wires.push(this.#links.wire(at.index, nextHost.index));
      if (hasAddress(next, dst)) return this.#remember(from, dst, { kind: 'arrives', to: nextHost, wires, arp });
      if (!next.forwarding) return this.#remember(from, dst, { kind: 'no-route', at: nextHost });
      at = nextHost;
    }
    return { kind: 'no-route', at };
  }

  #remember(from: HostRuntime, dst: number, path: Path): Path {
    from.paths.set(dst, path);
    from.lastPathTo = dst;
    from.lastPath = path;
    return path;
  }

  #nodes(): HostNode[] {
    return this.hosts.map((h) => h.node);
  }

  /**
   * First contact with a neighbour: an answered ARP request, recorded once, then cached. The answerer learns
   * the asker's address from the request itself (RFC 826), so it does not ask back.
   */
  #learnArp(path: Path): void {
    if (path.kind !== 'arrives' || path.arp.length === 0) return;
    for (const { from, ip } of path.arp) {
      if (from.arpCache.has(ip)) continue;
      from.arpCache.add(ip);
      this.recorder.record({ kind: 'arp', host: from.node.name, target: formatIpv4(ip), answered: true });
      const answerer = this.hosts.find((h) => hasAddress(h.node, ip));
      const asker = from.node.nics.find((n) => !n.loopback && sameSubnet(n.ip, ip, n.prefix));
      if (answerer && asker) answerer.arpCache.add(asker.ip);
    }
    path.arp.length = 0;
  }

  /** An address nobody answers for: three ARP requests a second apart, then EHOSTUNREACH to the waiters. */
  #resolveFailing(host: HostRuntime, ip: number, waiter: SegmentSender | null): void {
    const waiting = host.arpWaiting.get(ip);
    if (waiting) {
      waiting.add(waiter);
      return;
    }
    host.arpWaiting.set(ip, new Set([waiter]));
    const ask = () => this.recorder.record({ kind: 'arp', host: host.node.name, target: formatIpv4(ip), answered: false });
    ask();
    for (let i = 1; i < ARP_RETRIES; i++) this.clock.schedule(i * ARP_INTERVAL_MS, ask, undefined);
    this.clock.schedule(ARP_RETRIES * ARP_INTERVAL_MS, () => {
      const waiters = host.arpWaiting.get(ip) ?? new Set();
      host.arpWaiting.delete(ip);
      for (const socket of waiters) socket?.unreachable('EHOSTUNREACH');
    }, undefined);
  }

  #hostWith(ip: number, fallback: HostRuntime): HostRuntime | undefined {
    if (isLoopback(ip)) return fallback;
    return this.hosts.find((h) => hasAddress(h.node, ip));
  }

  // ───────────────────────────── processes ─────────────────────────────

  spawn(host: HostRuntime, name: string, runAs: RunAs): ProcessCore {
    const core = new ProcessCore(host.nextPid++, name, host.node.name, runAs);
    host.processes.push(core);
    return core;
  }

  reap(core: ProcessCore): void {
    const host = this.host(core.host);
    const i = host.processes.indexOf(core);
    if (i >= 0) host.processes.splice(i, 1);
  }
}

function isListening(socket: TcpSocket): boolean {
  return socket.state === 'LISTEN';
}


export { ANY };
