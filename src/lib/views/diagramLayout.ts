/**
 * Where everything goes on the live network diagram: plain geometry from plain data, no DOM, so the same
 * network always gives the same picture (and a unit test can say so).
 *
 * Picture: hosts side by side, bottoms aligned. Inside each host, its name and NICs; along its bottom edge
 * a row of slots: the doors (listening TCP sockets and UDP sockets, labelled with their program and port)
 * and the client end-points (a connected socket on an ephemeral port). Below the hosts, each TCP connection
 * is a wire in its own lane from one end-point down, across and up to the other, labelled with both ends.
 * A server's accepted sockets share its door: their wires all arrive at the listening port.
 */
import type { Endpoint, HostView, SocketRow } from '../netsim/types';
import { boundEndpointAccepts, connectionLabel, flowKey, formatEndpoint, sameEndpoint, WILDCARD_IP } from './endpoints';

export const DIAGRAM_METRICS = {
  margin: 16,
  hostPadding: 12,
  hostGap: 56,
  headerHeight: 28,
  nicLineHeight: 18,
  slotHeight: 54,
  slotGap: 8,
  minHostWidth: 190,
  /** Width of one character of the diagram's monospace text (12px). */
  charWidth: 7.3,
  firstLaneOffset: 40,
  laneGap: 44,
} as const;

export interface Point {
  x: number;
  y: number;
}

export interface DiagramLayout {
  width: number;
  height: number;
  /** The y of every host's bottom edge: wires start here. */
  hostBottom: number;
  hosts: HostBox[];
  slots: Slot[];
  wires: Wire[];
  /** Lanes used by wires; a packet with no wire of its own is drawn in lane `lanes`. */
  lanes: number;
  /** Where each drawn socket's wire starts, by socket id (accepted sockets arrive at their door). */
  anchors: Record<number, Point>;
}

export interface HostBox {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** `eth0 10.0.0.2/24`, loopback last. */
  nics: { text: string; loopback: boolean; at: Point }[];
}

/** A door (listening TCP or UDP socket) or a client end-point on a host's bottom edge. */
export interface Slot {
  kind: 'door' | 'endpoint';
  host: string;
  protocol: 'tcp' | 'udp';
  /** The socket drawn here; accepted sockets of a door are in `accepted`. */
  socketId: number;
  endpoint: Endpoint;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Process name (or `kernel` once the program let go), the port, the state. */
  lines: [string, string, string];
  /** Sentence for a tooltip and screen readers. */
  title: string;
  /** Ids of the accepted sockets whose wires arrive at this door. */
  accepted: number[];
}

export interface Wire {
  /** `tcp 10.0.0.10:51234 10.0.0.2:80`, the same key the trace view uses for the flow. */
  key: string;
  /** The two sockets: the one that connected first, then its peer (or null when the peer is gone). */
  socketIds: [number, number | null];
  ends: [Endpoint, Endpoint];
  /** `10.0.0.10:51234 ↔ 10.0.0.2:80` */
  label: string;
  /** `ESTABLISHED ↔ ESTABLISHED` */
  states: string;
  from: Point;
  to: Point;
  laneY: number;
  /** SVG path: down from one end-point, across the lane, up to the other. */
  path: string;
  labelAt: Point;
  /** The peer socket is not in the table (closed, or not drawn): shown dashed. */
  halfOpen: boolean;
}

const M = DIAGRAM_METRICS;

export function layoutDiagram(hosts: readonly HostView[], sockets: readonly SocketRow[]): DiagramLayout {
  const boxes: HostBox[] = [];
  const slots: Slot[] = [];
  const anchors = new Map<number, Point>(); // socket id → where its wire starts
  const hostHeights = hosts.map((host) => hostHeight(host));
  const hostBottom = M.margin + Math.max(0, ...hostHeights);
  let x = M.margin;

  for (const host of hosts) {
    const own = sockets.filter((row) => row.host === host.name);
    const hostSlots = slotsOf(host.name, own);
    const nicTexts = nicLines(host);
    const slotsWidth = hostSlots.reduce((sum, slot) => sum + slot.width, 0) + M.slotGap * Math.max(0, hostSlots.length - 1);
    const textWidth = Math.max(host.name.length, ...nicTexts.map((nic) => nic.text.length)) * M.charWidth;
    const width = Math.ceil(Math.max(M.minHostWidth, textWidth + 2 * M.hostPadding, slotsWidth + 2 * M.hostPadding));
    const height = hostHeight(host);
    const y = hostBottom - height;
    boxes.push({
      name: host.name,
      x,
      y,
      width,
      height,
      nics: nicTexts.map((nic, i) => ({ ...nic, at: { x: x + M.hostPadding, y: y + M.headerHeight + (i + 0.7) * M.nicLineHeight } })),
    });

    let slotX = x + (width - slotsWidth) / 2;
    for (const slot of hostSlots) {
      slot.x = slotX;
      slot.y = hostBottom - M.slotHeight;
      slotX += slot.width + M.slotGap;
      const center = slot.x + slot.width / 2;
      anchors.set(slot.socketId, { x: center, y: hostBottom });
      // Several accepted sockets arrive side by side at their door.
      slot.accepted.forEach((id, i) => {
        const spread = Math.min(12, (slot.width - 16) / Math.max(1, slot.accepted.length));
        anchors.set(id, { x: center + (i - (slot.accepted.length - 1) / 2) * spread, y: hostBottom });
      });
      slots.push(slot);
    }
    x += width + M.hostGap;
  }

  const wires = wiresBetween(sockets, anchors, hosts, boxes, hostBottom);
  const lanes = wires.reduce((most, wire) => Math.max(most, laneOf(wire, hostBottom) + 1), 0);
  const width = Math.max(M.minHostWidth + 2 * M.margin, x - M.hostGap + M.margin, ...wires.map((w) => w.labelAt.x + labelWidth(w) / 2 + M.margin));
  // Room for the wires' lanes plus one spare lane for a packet that has no wire (a datagram).
  const height = hostBottom + M.firstLaneOffset + lanes * M.laneGap + M.margin + 40; // + a packet's label under its lane
  return { width: Math.ceil(width), height: Math.ceil(height), hostBottom, hosts: boxes, slots, wires, lanes, anchors: Object.fromEntries(anchors) };
}

function hostHeight(host: HostView): number {
  return M.headerHeight + host.nics.length * M.nicLineHeight + 12 + M.slotHeight;
}

function nicLines(host: HostView): { text: string; loopback: boolean }[] {
  const cards = [...host.nics].sort((a, b) => Number(a.loopback) - Number(b.loopback) || a.index - b.index);
  return cards.map((nic) => ({ text: `${nic.name} ${nic.ip}/${nic.prefix}`, loopback: nic.loopback }));
}

/** Doors first (by protocol, then port), then client end-points by port. */
function slotsOf(host: string, sockets: readonly SocketRow[]): Slot[] {
  const isDoor = (row: SocketRow) => row.protocol === 'udp' || row.state === 'LISTEN';
  const doors = sockets.filter(isDoor).sort((a, b) => a.protocol.localeCompare(b.protocol) || a.local.port - b.local.port || a.id - b.id);
  const doorSlots = doors.map((row) => slotFor(host, row, 'door'));
  const endpoints: Slot[] = [];
  for (const row of sockets.filter((r) => !isDoor(r)).sort((a, b) => a.local.port - b.local.port || a.id - b.id)) {
    const door = doorSlots.find((slot) => slot.protocol === row.protocol && boundEndpointAccepts(slot.endpoint, row.local));
    if (door) door.accepted.push(row.id);
    else endpoints.push(slotFor(host, row, 'endpoint'));
  }
  return [...doorSlots, ...endpoints];
}

function slotFor(host: string, row: SocketRow, kind: Slot['kind']): Slot {
  // Root's programs say so: only they may hold a port below 1024.
  const program = row.owner ? (row.owner.runAs === 'root' ? `${row.owner.name} (root)` : row.owner.name) : 'kernel';
  // A door bound to one address says which (127.0.0.1 only is a lesson); a client's address is its NIC's.
  const where = kind === 'endpoint' || row.local.ip === WILDCARD_IP ? `:${row.local.port}` : formatEndpoint(row.local);
  const port = `${row.protocol} ${where}`;
  const state = row.state;
  const widest = Math.max(program.length, port.length, state.length);
  const owner = row.owner
    ? `${row.owner.name} (pid ${row.owner.pid}), running as ${row.owner.runAs === 'root' ? 'root' : 'a user'}`
    : 'the kernel (its program has closed it)';
  const what = kind === 'door' ? (row.protocol === 'udp' ? 'UDP socket' : 'listening socket') : 'client end-point';
  return {
    kind,
    host,
    protocol: row.protocol,
    socketId: row.id,
    endpoint: { ...row.local },
    x: 0,
    y: 0,
    width: Math.ceil(Math.max(78, widest * M.charWidth + 16)),
    height: M.slotHeight,
    lines: [program, port, state],
    title: `${what} ${formatEndpoint(row.local)} on ${host}, ${state}, owned by ${owner}`,
    accepted: [],
  };
}

/** One wire per TCP connection whose two sockets are in the table (or one, drawn half-open). */
function wiresBetween(
  sockets: readonly SocketRow[],
  anchors: Map<number, Point>,
  hosts: readonly HostView[],
  boxes: readonly HostBox[],
  hostBottom: number,
): Wire[] {
  const connected = sockets.filter((row) => row.protocol === 'tcp' && row.state !== 'LISTEN' && row.remote !== null);
  const listening = sockets.filter((row) => row.protocol === 'tcp' && row.state === 'LISTEN');
  const drawn = new Set<number>();
  const pending: Omit<Wire, 'laneY' | 'path' | 'labelAt'>[] = [];

  for (const row of [...connected].sort((a, b) => a.id - b.id)) {
    if (drawn.has(row.id)) continue;
    const peer = connected.find((other) => other.id !== row.id && isPeer(row, other));
    drawn.add(row.id);
    if (peer) drawn.add(peer.id);
    // The opener is the side whose port is not a listening port of its host.
    const rowIsServer = listening.some((l) => l.host === row.host && boundEndpointAccepts(l.local, row.local));
    const [opener, other] = peer && rowIsServer ? [peer, row] : [row, peer ?? null];
    const openerEnd = opener.local;
    const otherEnd = other ? other.local : opener.remote!;
    const from = anchors.get(opener.id);
    const to = other ? anchors.get(other.id) : peerAnchor(opener.remote!, listening, anchors, hosts, boxes, hostBottom);
    if (!from || !to) continue;
    pending.push({
      key: flowKey('tcp', openerEnd, otherEnd),
      socketIds: [opener.id, other ? other.id : null],
      ends: [{ ...openerEnd }, { ...otherEnd }],
      label: connectionLabel(openerEnd, otherEnd),
      states: `${opener.state} ↔ ${other ? other.state : 'no socket'}`,
      from,
      to,
      halfOpen: !other,
    });
  }
  return assignLanes(pending, hostBottom);
}

function isPeer(a: SocketRow, b: SocketRow): boolean {
  if (!a.remote || !b.remote) return false;
  if (!sameEndpoint(a.local, b.remote) || !sameEndpoint(a.remote, b.local)) return false;
  // 127.0.0.1 is every host's own: a loopback pair lives on one host.
  return !a.local.ip.startsWith('127.') || a.host === b.host;
}

/**
 * Where a wire ends when its peer socket is not in the table (a SYN not yet accepted, a peer already
 * closed): the door that listens for it, else the middle of the peer's host, if we know it.
 */
function peerAnchor(
  remote: Endpoint,
  listening: readonly SocketRow[],
  anchors: Map<number, Point>,
  hosts: readonly HostView[],
  boxes: readonly HostBox[],
  hostBottom: number,
): Point | undefined {
  const host = hosts.find((h) => h.nics.some((nic) => !nic.loopback && nic.ip === remote.ip));
  const door = host && listening.find((l) => l.host === host.name && boundEndpointAccepts(l.local, remote));
  if (door && anchors.has(door.id)) return anchors.get(door.id);
  const box = host && boxes.find((b) => b.name === host.name);
  return box ? { x: box.x + box.width / 2, y: hostBottom } : undefined;
}

/** Greedy: each wire takes the first lane where its span (and its label) overlaps no other wire's. */
function assignLanes(pending: Omit<Wire, 'laneY' | 'path' | 'labelAt'>[], hostBottom: number): Wire[] {
  const byWidth = [...pending].sort((a, b) => Math.abs(a.to.x - a.from.x) - Math.abs(b.to.x - b.from.x) || a.socketIds[0] - b.socketIds[0]);
  const laneSpans: [number, number][][] = [];
  const wires: Wire[] = [];
  for (const wire of byWidth) {
    const middle = (wire.from.x + wire.to.x) / 2;
    const halfLabel = (Math.max(wire.label.length, wire.states.length) * M.charWidth) / 2 + 8;
    const span: [number, number] = [
      Math.min(wire.from.x, wire.to.x, middle - halfLabel) - 6,
      Math.max(wire.from.x, wire.to.x, middle + halfLabel) + 6,
    ];
    let lane = laneSpans.findIndex((spans) => spans.every(([a, b]) => span[1] < a || span[0] > b));
    if (lane === -1) {
      lane = laneSpans.length;
      laneSpans.push([]);
    }
    laneSpans[lane]!.push(span);
    const laneY = laneYOf(lane, hostBottom);
    wires.push({
      ...wire,
      laneY,
      path: lanePath(wire.from, wire.to, laneY),
      labelAt: { x: middle, y: laneY },
    });
  }
  return wires.sort((a, b) => a.socketIds[0] - b.socketIds[0]);
}

export function laneYOf(lane: number, hostBottom: number): number {
  return hostBottom + M.firstLaneOffset + lane * M.laneGap;
}

function laneOf(wire: Wire, hostBottom: number): number {
  return Math.round((wire.laneY - hostBottom - M.firstLaneOffset) / M.laneGap);
}

function labelWidth(wire: Wire): number {
  return Math.max(wire.label.length, wire.states.length) * M.charWidth + 16;
}

export function lanePath(from: Point, to: Point, laneY: number): string {
  return `M ${from.x} ${from.y} V ${laneY} H ${to.x} V ${to.y}`;
}
