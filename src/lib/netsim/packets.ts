/**
 * Packets as plain data: what netsim moves between hosts (addresses are 32-bit numbers inside netsim), and
 * the ways out of a host that sockets hand them to (network.ts's hosts provide them).
 */
import type { Errno, TcpFlag } from './types';

export const SYN = 1;
export const ACK = 2;
export const FIN = 4;
export const RST = 8;
export const PSH = 16;

export interface Segment {
  srcIp: number;
  srcPort: number;
  dstIp: number;
  dstPort: number;
  /** Bit set of SYN | ACK | FIN | RST | PSH. */
  flags: number;
  seq: number;
  ack: number;
  window: number;
  payload: Uint8Array | null;
  /** Connection id for the trace (shared by both directions). */
  connection: number;
  /** Index of the host it is travelling to (set by the network when it leaves). */
  hop?: number;
}

export interface Datagram {
  srcIp: number;
  srcPort: number;
  dstIp: number;
  dstPort: number;
  payload: Uint8Array;
  hop?: number;
}

/** Who sent a segment, told when the network could not deliver it (ARP gave up, a router said unreachable). */
export interface SegmentSender {
  unreachable(code: Errno): void;
}

/** A host's way out for TCP segments. */
export interface SegmentOut {
  /** A segment to fill in completely (a recycled one, or new) and hand to `sendSegment`. */
  takeSegment(): Segment;
  /** The segment belongs to the network from now on; `sender` hears if it cannot be delivered. */
  sendSegment(seg: Segment, sender: SegmentSender | null): void;
}

/** A host's way out for UDP datagrams. */
export interface DatagramOut {
  sendDatagram(datagram: Datagram): void;
}

// Flag lists as tcpdump orders them, shared and frozen so the trace need not allocate one per segment.
const FLAG_LISTS: (readonly TcpFlag[])[] = [];
for (let bits = 0; bits < 32; bits++) {
  const list: TcpFlag[] = [];
  if (bits & SYN) list.push('SYN');
  if (bits & FIN) list.push('FIN');
  if (bits & RST) list.push('RST');
  if (bits & PSH) list.push('PSH');
  if (bits & ACK) list.push('ACK');
  FLAG_LISTS.push(Object.freeze(list));
}

export function flagList(bits: number): readonly TcpFlag[] {
  return FLAG_LISTS[bits & 31]!;
}

/** Sequence-number arithmetic modulo 2^32. */
export function seqAdd(a: number, n: number): number {
  return (a + n) >>> 0;
}

export function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

/** The first bytes as text, non-printable bytes as `.` (at most 64 characters). */
export function previewOf(payload: Uint8Array | null): string {
  if (!payload || payload.length === 0) return '';
  const n = payload.length < 64 ? payload.length : 64;
  let text = '';
  for (let i = 0; i < n; i++) {
    const b = payload[i]!;
    text += b >= 32 && b < 127 ? String.fromCharCode(b) : '.';
  }
  return text;
}
