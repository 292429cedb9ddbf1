/** The trace view's filter: pick one connection (or flow) and see only its packets. */
import type { PacketFlow, PacketRow } from './packetRows';

export const ALL_PACKETS = 'all';

export interface FlowOption {
  /** `all`, or the flow's key. */
  value: string;
  /** `All packets (12)`, `TCP 10.0.0.10:51234 ↔ 10.0.0.2:80 (10)` */
  label: string;
}

const PROTOCOL_NAMES: Record<PacketFlow['protocol'], string> = { tcp: 'TCP', udp: 'UDP', icmp: 'ICMP', arp: 'ARP' };

/** One option per flow, in the order the flows started, after "All packets". */
export function flowOptions(rows: readonly PacketRow[]): FlowOption[] {
  const counts = new Map<string, { flow: PacketFlow; packets: number }>();
  for (const row of rows) {
    const seen = counts.get(row.flow.key);
    if (seen) seen.packets += 1;
    else counts.set(row.flow.key, { flow: row.flow, packets: 1 });
  }
  const options: FlowOption[] = [{ value: ALL_PACKETS, label: `All packets (${rows.length})` }];
  for (const { flow, packets } of counts.values()) options.push({ value: flow.key, label: flowLabel(flow, packets) });
  return options;
}

/** `TCP 10.0.0.10:51234 ↔ 10.0.0.2:80 (10)` */
export function flowLabel(flow: PacketFlow, packets: number): string {
  return `${PROTOCOL_NAMES[flow.protocol]} ${flow.label} (${packets})`;
}

export function filterRows(rows: readonly PacketRow[], flowKey: string): PacketRow[] {
  return flowKey === ALL_PACKETS ? [...rows] : rows.filter((row) => row.flow.key === flowKey);
}

/**
 * Where the selection goes after a step: `next`/`previous` move one row within the visible rows and stop at
 * the ends; with nothing selected, `next` picks the first row and `previous` the last.
 */
export function stepSelection(
  rows: readonly PacketRow[],
  selectedIndex: number | null,
  step: 'next' | 'previous' | 'first' | 'last',
): number | null {
  if (rows.length === 0) return null;
  if (step === 'first') return rows[0]!.index;
  if (step === 'last') return rows[rows.length - 1]!.index;
  const position = selectedIndex === null ? -1 : rows.findIndex((row) => row.index === selectedIndex);
  if (position === -1) return step === 'next' ? rows[0]!.index : rows[rows.length - 1]!.index;
  const target = step === 'next' ? Math.min(position + 1, rows.length - 1) : Math.max(position - 1, 0);
  return rows[target]!.index;
}

/** `0.500 ms`: virtual time, to the microsecond like tcpdump. */
export function formatVirtualTime(ms: number): string {
  return `${ms.toFixed(3)} ms`;
}
