/**
 * The packet trace as rows of a timeline: one row per packet that crossed a wire (TCP segment, UDP
 * datagram, ICMP message, ARP question), in virtual time, each placed on its connection with an arrow
 * that says which way it went. Socket lifecycle events are not packets; they are left out.
 */
import type { Endpoint, TcpFlag, TcpSegmentEvent, TraceEvent } from '../netsim/types';
import { connectionLabel, flowKey, formatEndpoint } from './endpoints';

/** What a packet does, in the words of the lessons. */
export type PacketName = 'syn' | 'syn-ack' | 'ack' | 'data' | 'fin' | 'rst' | 'udp' | 'icmp' | 'arp';

export interface PacketRow {
  /** Index of the event in the trace (unique, increasing). */
  index: number;
  /** Virtual time in milliseconds. */
  at: number;
  name: PacketName;
  /** Short label: `SYN`, `SYN-ACK`, `PSH-ACK`, `UDP`, `ICMP echo request`, `ARP who-has 10.0.0.3`. */
  label: string;
  /** tcpdump's flags, e.g. `[S.]`; empty for anything but TCP. */
  tcpdumpFlags: string;
  /** The connection this packet belongs to: opened by `left`, answered by `right`. */
  flow: PacketFlow;
  /** `right` when the packet goes from the opener to the other side, `left` for the reply direction. */
  direction: 'right' | 'left';
  /** Where it came from and went to, as written in the trace. */
  src: Endpoint | null;
  dst: Endpoint | null;
  /** Payload bytes (0 for a bare SYN or ACK). */
  length: number;
  preview: string;
  /** `seq 1:6, ack 1` with numbers relative to each side's first sequence number, as tcpdump prints them. */
  detail: string;
  dropped: boolean;
  /** One sentence for screen readers and tooltips. */
  summary: string;
}

/** A conversation between two end-points: a TCP connection, a UDP flow, ICMP between two hosts, an ARP. */
export interface PacketFlow {
  key: string;
  protocol: 'tcp' | 'udp' | 'icmp' | 'arp';
  /** The side that sent first (the client of a TCP connection). */
  left: string;
  right: string;
  /** `10.0.0.10:51234 ↔ 10.0.0.2:80` */
  label: string;
  /** The two end-points, opener first (absent for ICMP and ARP, which have no ports). */
  ends: [Endpoint, Endpoint] | null;
}

// tcpdump prints flags in this order, with `.` for ACK.
const TCPDUMP_FLAG_ORDER: [TcpFlag, string][] = [['FIN', 'F'], ['SYN', 'S'], ['RST', 'R'], ['PSH', 'P'], ['ACK', '.']];
// People say "SYN-ACK", "FIN-ACK", "PSH-ACK": the control flag first, ACK last.
const SPOKEN_FLAG_ORDER: TcpFlag[] = ['SYN', 'FIN', 'RST', 'PSH', 'ACK'];

export function tcpdumpFlags(flags: readonly TcpFlag[]): string {
  return `[${TCPDUMP_FLAG_ORDER.filter(([flag]) => flags.includes(flag)).map(([, letter]) => letter).join('')}]`;
}

export function tcpPacketName(segment: Pick<TcpSegmentEvent, 'flags' | 'length'>): PacketName {
  const has = (flag: TcpFlag) => segment.flags.includes(flag);
  if (has('RST')) return 'rst';
  if (has('SYN')) return has('ACK') ? 'syn-ack' : 'syn';
  if (has('FIN')) return 'fin';
  if (segment.length > 0) return 'data';
  return 'ack';
}

/** Turns a trace into timeline rows. Pure: the same trace always gives the same rows. */
export function packetRows(trace: readonly TraceEvent[]): PacketRow[] {
  const builder = new PacketRowBuilder();
  for (const event of trace) builder.add(event);
  return builder.rows;
}

/**
 * The same rows, built as the trace arrives: each event is read once (a row's numbers depend on the
 * packets before it, so the builder remembers each connection's first sequence numbers).
 */
export class PacketRowBuilder {
  readonly rows: PacketRow[] = [];
  readonly #flows = new FlowBook();

  /** Adds the event's row, if it is a packet; returns the row. */
  add(event: TraceEvent): PacketRow | null {
    const row = packetRow(event, this.#flows);
    if (row) this.rows.push(row);
    return row;
  }
}

function packetRow(event: TraceEvent, flows: FlowBook): PacketRow | null {
  switch (event.kind) {
    case 'tcp':
      return tcpRow(event, flows);
    case 'udp': {
      const flow = flows.portFlow('udp', flowKey('udp', event.src, event.dst), event.src, event.dst);
      const bytes = `${event.length} byte${event.length === 1 ? '' : 's'}`;
      return {
        ...base(event, flow, event.src, event.dst),
        name: 'udp',
        label: 'UDP',
        tcpdumpFlags: '',
        length: event.length,
        preview: event.preview,
        detail: `length ${event.length}`,
        dropped: event.fate === 'dropped',
        summary: sentence(`UDP datagram of ${bytes}`, event.src, event.dst, event.fate === 'dropped'),
      };
    }
    case 'icmp': {
      const flow = flows.addressFlow('icmp', event.src, event.dst);
      const label = `ICMP ${event.type.replace('-', ' ')}`;
      const detail = event.type.startsWith('echo') ? `icmp_seq ${event.detail}` : `port ${event.detail}`;
      return {
        index: event.index,
        at: event.at,
        flow,
        direction: flow.left === event.src ? 'right' : 'left',
        src: null,
        dst: null,
        name: 'icmp',
        label,
        tcpdumpFlags: '',
        length: 0,
        preview: '',
        detail,
        dropped: false,
        summary: `${label} from ${event.src} to ${event.dst}, ${detail}`,
      };
    }
    case 'arp': {
      const flow = flows.addressFlow('arp', event.host, event.target);
      return {
        index: event.index,
        at: event.at,
        flow,
        direction: 'right',
        src: null,
        dst: null,
        name: 'arp',
        label: `ARP who-has ${event.target}`,
        tcpdumpFlags: '',
        length: 0,
        preview: '',
        detail: event.answered ? 'answered' : 'no answer',
        dropped: !event.answered,
        summary: `${event.host} asks who has ${event.target}: ${event.answered ? 'answered' : 'no answer'}`,
      };
    }
    case 'socket':
      return null;
    default: {
      const unknown: never = event;
      throw new Error(`packetRows: unknown trace event ${JSON.stringify(unknown)}`);
    }
  }
}

function tcpRow(segment: TcpSegmentEvent, flows: FlowBook): PacketRow {
  const flow = flows.portFlow('tcp', `tcp#${segment.connection}`, segment.src, segment.dst);
  const name = tcpPacketName(segment);
  const label = SPOKEN_FLAG_ORDER.filter((flag) => segment.flags.includes(flag)).join('-') || 'no flags';
  const detail = flows.relativeNumbers(segment);
  const what = name === 'data' ? `${label} with ${segment.length} byte${segment.length === 1 ? '' : 's'}` : label;
  return {
    ...base(segment, flow, segment.src, segment.dst),
    name,
    label,
    tcpdumpFlags: tcpdumpFlags(segment.flags),
    length: segment.length,
    preview: segment.preview,
    detail,
    dropped: segment.fate === 'dropped',
    summary: sentence(what, segment.src, segment.dst, segment.fate === 'dropped'),
  };
}

function base(event: TraceEvent, flow: PacketFlow, src: Endpoint, dst: Endpoint) {
  const fromOpener = flow.ends !== null && formatEndpoint(flow.ends[0]) === formatEndpoint(src);
  return { index: event.index, at: event.at, flow, src, dst, direction: fromOpener ? 'right' : 'left' } as const;
}

function sentence(what: string, src: Endpoint, dst: Endpoint, dropped: boolean): string {
  return `${what} from ${formatEndpoint(src)} to ${formatEndpoint(dst)}${dropped ? ', dropped' : ''}`;
}

/** Remembers every flow seen so far and each side's first sequence number. */
class FlowBook {
  #flows = new Map<string, PacketFlow>();
  /** Initial sequence number per sending end-point of a connection, from its SYN. */
  #isn = new Map<string, number>();

  portFlow(protocol: 'tcp' | 'udp', key: string, src: Endpoint, dst: Endpoint): PacketFlow {
    let flow = this.#flows.get(key);
    if (!flow) {
      flow = {
        key,
        protocol,
        left: formatEndpoint(src),
        right: formatEndpoint(dst),
        label: connectionLabel(src, dst),
        ends: [{ ...src }, { ...dst }],
      };
      this.#flows.set(key, flow);
    }
    return flow;
  }

  addressFlow(protocol: 'icmp' | 'arp', from: string, to: string): PacketFlow {
    const key = protocol === 'arp' ? `arp ${from} ${to}` : `icmp ${[from, to].sort().join(' ')}`;
    let flow = this.#flows.get(key);
    if (!flow) {
      flow = { key, protocol, left: from, right: to, label: `${from} ↔ ${to}`, ends: null };
      this.#flows.set(key, flow);
    }
    return flow;
  }

  /** `seq 1:6, ack 1`: relative once both SYNs are known, absolute before (as tcpdump does). */
  relativeNumbers(segment: TcpSegmentEvent): string {
    const mine = `${segment.connection} ${formatEndpoint(segment.src)}`;
    const theirs = `${segment.connection} ${formatEndpoint(segment.dst)}`;
    if (segment.flags.includes('SYN')) this.#isn.set(mine, segment.seq);
    const myIsn = this.#isn.get(mine);
    const theirIsn = this.#isn.get(theirs);
    const parts: string[] = [];
    if (segment.flags.includes('SYN') || myIsn === undefined) {
      parts.push(`seq ${segment.seq}`);
    } else if (segment.length > 0) {
      const start = (segment.seq - myIsn) >>> 0; // sequence numbers wrap at 2^32
      parts.push(`seq ${start}:${start + segment.length}`);
    } else if (segment.flags.includes('FIN') || segment.flags.includes('RST')) {
      parts.push(`seq ${(segment.seq - myIsn) >>> 0}`);
    }
    if (segment.flags.includes('ACK')) {
      const isSynAck = segment.flags.includes('SYN');
      parts.push(`ack ${theirIsn === undefined || isSynAck ? segment.ack : (segment.ack - theirIsn) >>> 0}`);
    }
    parts.push(`win ${segment.window}`);
    return parts.join(', ');
  }
}
