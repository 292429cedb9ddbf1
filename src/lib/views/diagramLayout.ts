/**
 * Where everything goes on the live network diagram: plain geometry from plain data, no DOM, so the same
 * network always gives the same picture (and a unit test can say so).
 *
 * What it shows is what the lessons teach: a connection is a pair of sockets. A server has its listening
 * socket (a "door") and, for every client it accepted, one more socket on the same port; each accepted
 * socket is wired to its client's socket. A socket the run already closed is drawn as gone (dashed,
 * "closed"), never as a note on a wire. A connection whose server has not accepted it yet runs to the door.
 *
 * Two orientations:
 * - `across` (a laptop screen): hosts side by side, bottoms aligned; along each host's bottom edge its slots
 *   (a door followed by its accepted sockets, grouped under "port 7", then client end-points); below the
 *   hosts each connection is a wire in its own lane, labelled with both end-points and both states.
 * - `down` (a phone): hosts one under the other, as wide as the screen; each host lists its sockets one per
 *   row (accepted sockets indented under their door); wires run in lanes down the right-hand side.
 */
import type { Endpoint, HostView, SocketRow } from '../netsim/types';
import { boundEndpointAccepts, connectionLabel, flowKey, formatEndpoint, sameEndpoint, WILDCARD_IP } from './endpoints';
import { byCodeUnits } from '../text-order';

export const DIAGRAM_METRICS = {
  margin: 16,
  hostPadding: 12,
  hostGap: 56,
  headerHeight: 28,
  nicLineHeight: 18,
  slotHeight: 54,
  slotGap: 8,
  /** Room above a door and its accepted sockets for the "port 7" caption. */
  groupCaption: 18,
  minHostWidth: 190,
  /** Width of one character of the diagram's monospace text (12px). */
  charWidth: 7.3,
  firstLaneOffset: 40,
  laneGap: 44,
  /** `down`: the height of one socket row, the indent of an accepted socket, the gap between lanes. */
  rowHeight: 38,
  rowGap: 6,
  indent: 16,
  downLaneGap: 12,
  downMargin: 8,
  /** `down`: below this many units of width a host's rows would cut their text: the picture gets wider. */
  minDownHostWidth: 200,
} as const;

/** Connections drawn by default: beyond that the picture stops being readable (the socket table lists all). */
export const DEFAULT_MAX_CONNECTIONS = 8;
/** Listening and UDP sockets drawn per host, those with accepted sockets first. */
export const MAX_DOORS_PER_HOST = 10;

export type Orientation = 'across' | 'down';

export interface Point {
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** Sockets the run had earlier and has closed since (their last row): drawn as gone. */
  gone?: readonly SocketRow[];
  orientation?: Orientation;
  /** `down` only: the width to fill, in units of the 12px text (CSS pixels at scale 1). */
  width?: number;
  /** At most this many TCP connections are drawn, the ones with live sockets first, then the newest. */
  maxConnections?: number;
}

export interface DiagramLayout {
  orientation: Orientation;
  width: number;
  height: number;
  /** `across`: the y of every host's bottom edge, where wires start. */
  hostBottom: number;
  hosts: HostBox[];
  slots: Slot[];
  /** A door and its accepted sockets: the sockets that share one port. */
  groups: PortGroup[];
  wires: Wire[];
  /** Lanes used by wires; a packet with no wire of its own is drawn in lane `lanes`. */
  lanes: number;
  /** Where each drawn socket's wire starts, by socket id. */
  anchors: Record<number, Point>;
  /** TCP connections left out of the picture (over `maxConnections`). */
  omittedConnections: number;
  /** Listening and UDP sockets left out (over MAX_DOORS_PER_HOST on a host). */
  omittedDoors: number;
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

/** One socket on the picture. */
export interface Slot {
  /** A listening TCP or a UDP socket; a socket a door accepted; a client end-point. */
  kind: 'door' | 'accepted' | 'endpoint';
  host: string;
  protocol: 'tcp' | 'udp';
  socketId: number;
  endpoint: Endpoint;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Process name (or `kernel` once the program let go), the port, the state (`closed` when gone). */
  lines: [string, string, string];
  /** Sentence for a tooltip and screen readers. */
  title: string;
  /** The run closed this socket: it is drawn as gone. */
  gone: boolean;
  /** An accepted socket's door (its listening socket). */
  door?: number;
  /** A door's accepted sockets, in order. */
  accepted: number[];
}

export interface PortGroup {
  host: string;
  door: number;
  /** `port 7` */
  caption: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Wire {
  /** `tcp 10.0.0.10:51234 10.0.0.2:7`, the same key the trace view uses for the flow. */
  key: string;
  /** The two sockets: the one that connected, then its peer (null when the peer has no socket yet). */
  socketIds: [number, number | null];
  ends: [Endpoint, Endpoint];
  /** `10.0.0.10:51234 ↔ 10.0.0.2:7` */
  label: string;
  /** `ESTABLISHED ↔ ESTABLISHED`, `TIME-WAIT ↔ closed` */
  states: string;
  from: Point;
  to: Point;
  lane: number;
  /** `across`: the y of the wire's lane. */
  laneY: number;
  /** SVG path from one socket to the other through the wire's lane. */
  path: string;
  labelAt: Point;
  /** The peer has no socket yet (not accepted): the wire runs to its door, or to its host. */
  halfOpen: boolean;
  /** One of the two sockets is gone. */
  closed: boolean;
}

const M = DIAGRAM_METRICS;

export function layoutDiagram(hosts: readonly HostView[], sockets: readonly SocketRow[], options: LayoutOptions = {}): DiagramLayout {
  const model = buildModel(hosts, sockets, options.gone ?? [], options.maxConnections ?? DEFAULT_MAX_CONNECTIONS);
  return options.orientation === 'down' ? layoutDown(hosts, model, options.width ?? 360) : layoutAcross(hosts, model);
}

// ── the model: which sockets are drawn, as what, and which connections join them ──

interface DrawnSocket {
  row: SocketRow;
  gone: boolean;
}

interface Connection {
  opener: DrawnSocket;
  /** The peer's socket, or null when the peer has none yet. */
  other: DrawnSocket | null;
}

interface Model {
  /** Per host, in drawing order. */
  slots: Map<string, Slot[]>;
  connections: Connection[];
  omitted: number;
  omittedDoors: number;
}

const isDoorRow = (row: SocketRow) => row.protocol === 'udp' || row.state === 'LISTEN';
const isConnected = (row: SocketRow) => row.protocol === 'tcp' && row.state !== 'LISTEN' && row.remote !== null;

function buildModel(hosts: readonly HostView[], live: readonly SocketRow[], goneRows: readonly SocketRow[], maxConnections: number): Model {
  const liveIds = new Set(live.map((row) => row.id));
  const all: DrawnSocket[] = [
    ...live.map((row) => ({ row, gone: false })),
    ...goneRows.filter((row) => !liveIds.has(row.id)).map((row) => ({ row, gone: true })),
  ];
  const known = new Set(hosts.map((host) => host.name));
  const onKnownHost = all.filter((socket) => known.has(socket.row.host));

  const connections = pairConnections(onKnownHost);
  // Live connections first, then the newest: what the learner's program is doing now matters most.
  const liveCount = (c: Connection) => Number(!c.opener.gone) + Number(c.other !== null && !c.other.gone);
  const newest = (c: Connection) => Math.max(c.opener.row.id, c.other?.row.id ?? -1);
  const ranked = [...connections].sort((a, b) => liveCount(b) - liveCount(a) || newest(b) - newest(a));
  const kept = ranked.slice(0, Math.max(0, maxConnections)).sort((a, b) => a.opener.row.id - b.opener.row.id);
  const keptIds = new Set(kept.flatMap((c) => [c.opener.row.id, ...(c.other ? [c.other.row.id] : [])]));

  const slots = new Map<string, Slot[]>();
  let omittedDoors = 0;
  for (const host of hosts) {
    const own = onKnownHost.filter((socket) => socket.row.host === host.name);
    const connected = own.filter((socket) => isConnected(socket.row) && keptIds.has(socket.row.id));
    const doorOf = (socket: DrawnSocket, doors: readonly DrawnSocket[]) =>
      doors.find((door) => door.row.protocol === 'tcp' && door.row.state === 'LISTEN' && boundEndpointAccepts(door.row.local, socket.row.local));
    // A live door always; a gone door only while sockets it accepted are still drawn.
    const liveDoors = own.filter((socket) => !socket.gone && isDoorRow(socket.row));
    const goneDoors = own.filter(
      (socket) => socket.gone && socket.row.state === 'LISTEN' && connected.some((c) => doorOf(c, [socket]) && !doorOf(c, liveDoors)),
    );
    const byPort = (a: DrawnSocket, b: DrawnSocket) => byCodeUnits(a.row.protocol, b.row.protocol) || a.row.local.port - b.row.local.port || a.row.id - b.row.id;
    const candidates = [...liveDoors, ...goneDoors].sort(byPort);
    const endpoints: Slot[] = [];
    const acceptedBy = new Map<number, DrawnSocket[]>();
    for (const socket of [...connected].sort((a, b) => a.row.local.port - b.row.local.port || a.row.id - b.row.id)) {
      const door = doorOf(socket, candidates.filter((d) => !d.gone)) ?? doorOf(socket, candidates);
      if (door) acceptedBy.set(door.row.id, [...(acceptedBy.get(door.row.id) ?? []), socket]);
      else endpoints.push(slotFor(host.name, socket, 'endpoint'));
    }
    // A program with a thousand UDP sockets gets a readable picture: the doors its connections use, then a few.
    const doors = [...candidates.filter((d) => acceptedBy.has(d.row.id)), ...candidates.filter((d) => !acceptedBy.has(d.row.id))]
      .slice(0, MAX_DOORS_PER_HOST)
      .sort(byPort);
    omittedDoors += candidates.length - doors.length;
    const ordered: Slot[] = [];
    for (const door of doors) {
      const doorSlot = slotFor(host.name, door, 'door');
      ordered.push(doorSlot);
      for (const socket of acceptedBy.get(door.row.id) ?? []) {
        const slot = slotFor(host.name, socket, 'accepted');
        slot.door = door.row.id;
        doorSlot.accepted.push(socket.row.id);
        ordered.push(slot);
      }
    }
    slots.set(host.name, [...ordered, ...endpoints]);
  }
  return { slots, connections: kept, omitted: connections.length - kept.length, omittedDoors };
}

/** One connection per pair of connected TCP sockets (or one socket whose peer has none yet). */
function pairConnections(all: readonly DrawnSocket[]): Connection[] {
  const connected = all.filter((socket) => isConnected(socket.row)).sort((a, b) => a.row.id - b.row.id);
  const listening = all.filter((socket) => socket.row.protocol === 'tcp' && socket.row.state === 'LISTEN');
  // Sockets by their (local, remote) pair: a socket's peer is the one whose pair is its own, reversed.
  const byEnds = new Map<string, DrawnSocket[]>();
  const endsKey = (local: Endpoint, remote: Endpoint) => `${formatEndpoint(local)} ${formatEndpoint(remote)}`;
  for (const socket of connected) {
    const key = endsKey(socket.row.local, socket.row.remote!);
    byEnds.set(key, [...(byEnds.get(key) ?? []), socket]);
  }
  const paired = new Set<number>();
  const connections: Connection[] = [];
  for (const socket of connected) {
    if (paired.has(socket.row.id)) continue;
    const candidates = (byEnds.get(endsKey(socket.row.remote!, socket.row.local)) ?? []).filter(
      (other) => other.row.id !== socket.row.id && !paired.has(other.row.id) && isPeer(socket.row, other.row),
    );
    // A live peer before a gone one: a port can be reused by a later connection.
    const peer = candidates.find((other) => !other.gone) ?? candidates[candidates.length - 1] ?? null;
    paired.add(socket.row.id);
    if (peer) paired.add(peer.row.id);
    // The opener is the side whose port is not a listening port of its host.
    const isServer = listening.some((door) => door.row.host === socket.row.host && boundEndpointAccepts(door.row.local, socket.row.local));
    connections.push(peer && isServer ? { opener: peer, other: socket } : { opener: socket, other: peer });
  }
  return connections;
}

function isPeer(a: SocketRow, b: SocketRow): boolean {
  if (!a.remote || !b.remote) return false;
  if (!sameEndpoint(a.local, b.remote) || !sameEndpoint(a.remote, b.local)) return false;
  // 127.0.0.1 is every host's own: a loopback pair lives on one host.
  return !a.local.ip.startsWith('127.') || a.host === b.host;
}

function slotFor(host: string, socket: DrawnSocket, kind: Slot['kind']): Slot {
  const { row, gone } = socket;
  // Root's programs say so: only they may hold a port below 1024.
  const program = row.owner ? (row.owner.runAs === 'root' ? `${row.owner.name} (root)` : row.owner.name) : 'kernel';
  // A door bound to one address says which (127.0.0.1 only is a lesson); the others show their port.
  const where = kind === 'door' && row.local.ip !== WILDCARD_IP ? formatEndpoint(row.local) : `:${row.local.port}`;
  const port = `${row.protocol} ${where}`;
  const state = gone ? 'closed' : row.state;
  const widest = Math.max(program.length, port.length, state.length);
  const owner = row.owner
    ? `${row.owner.name} (pid ${row.owner.pid}), running as ${row.owner.runAs === 'root' ? 'root' : 'a user'}`
    : 'the kernel (its program has closed it)';
  const what = {
    door: row.protocol === 'udp' ? 'UDP socket' : 'listening socket',
    accepted: 'accepted socket',
    endpoint: 'client socket',
  }[kind];
  const peer = row.remote ? `, connected to ${formatEndpoint(row.remote)}` : '';
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
    title: gone
      ? `${what} ${formatEndpoint(row.local)} on ${host}${peer}: closed, it no longer exists`
      : `${what} ${formatEndpoint(row.local)} on ${host}${peer}, ${state}, owned by ${owner}`,
    gone,
    accepted: [],
  };
}

function nicLines(host: HostView): { text: string; loopback: boolean }[] {
  const cards = [...host.nics].sort((a, b) => Number(a.loopback) - Number(b.loopback) || a.index - b.index);
  return cards.map((nic) => ({ text: `${nic.name} ${nic.ip}/${nic.prefix}`, loopback: nic.loopback }));
}

// ── across: hosts side by side ──

function layoutAcross(hosts: readonly HostView[], model: Model): DiagramLayout {
  const boxes: HostBox[] = [];
  const slots: Slot[] = [];
  const groups: PortGroup[] = [];
  const anchors = new Map<number, Point>();
  const hostHeight = (host: HostView) => M.headerHeight + host.nics.length * M.nicLineHeight + 12 + M.groupCaption + M.slotHeight;
  const hostBottom = M.margin + Math.max(0, ...hosts.map(hostHeight));
  let x = M.margin;

  for (const host of hosts) {
    const hostSlots = model.slots.get(host.name) ?? [];
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
      anchors.set(slot.socketId, { x: slot.x + slot.width / 2, y: hostBottom });
      slots.push(slot);
    }
    for (const door of hostSlots.filter((slot) => slot.accepted.length > 0)) {
      const last = hostSlots.find((slot) => slot.socketId === door.accepted[door.accepted.length - 1])!;
      groups.push({
        host: host.name,
        door: door.socketId,
        caption: `port ${door.endpoint.port}`,
        x: door.x - 4,
        y: door.y - M.groupCaption,
        width: last.x + last.width - door.x + 8,
        height: M.groupCaption + M.slotHeight,
      });
    }
    x += width + M.hostGap;
  }

  const pending = model.connections.flatMap((connection) => wireBetween(connection, anchors, hosts, boxes, model, 'across', hostBottom));
  const wires = assignAcrossLanes(pending, hostBottom);
  const lanes = wires.reduce((most, wire) => Math.max(most, wire.lane + 1), 0);
  const width = Math.max(M.minHostWidth + 2 * M.margin, x - M.hostGap + M.margin, ...wires.map((w) => w.labelAt.x + labelWidth(w) / 2 + M.margin));
  // Room for the wires' lanes plus one spare lane for a packet that has no wire (a datagram), and its label.
  const height = hostBottom + M.firstLaneOffset + lanes * M.laneGap + M.margin + 40;
  return {
    orientation: 'across',
    width: Math.ceil(width),
    height: Math.ceil(height),
    hostBottom,
    hosts: boxes,
    slots,
    groups,
    wires,
    lanes,
    anchors: Object.fromEntries(anchors),
    omittedConnections: model.omitted,
    omittedDoors: model.omittedDoors,
  };
}

type PendingWire = Omit<Wire, 'lane' | 'laneY' | 'path' | 'labelAt'>;

function wireBetween(
  connection: Connection,
  anchors: Map<number, Point>,
  hosts: readonly HostView[],
  boxes: readonly HostBox[],
  model: Model,
  orientation: Orientation,
  hostBottom: number,
): PendingWire[] {
  const { opener, other } = connection;
  const openerEnd = opener.row.local;
  const otherEnd = other ? other.row.local : opener.row.remote!;
  const from = anchors.get(opener.row.id);
  const to = other
    ? anchors.get(other.row.id)
    : doorAnchor(opener.row.remote!, anchors, hosts, model) ?? hostAnchor(boxes, hostOfAddress(hosts, opener.row.remote!.ip), orientation, hostBottom);
  if (!from || !to) return [];
  const stateOf = (socket: DrawnSocket) => (socket.gone ? 'closed' : socket.row.state);
  // A live client with no peer socket waits at the door; one that closed without a peer never had one.
  const waiting = !other && !opener.gone && doorAnchor(opener.row.remote!, anchors, hosts, model) !== undefined;
  return [
    {
      key: flowKey('tcp', openerEnd, otherEnd),
      socketIds: [opener.row.id, other ? other.row.id : null],
      ends: [{ ...openerEnd }, { ...otherEnd }],
      label: connectionLabel(openerEnd, otherEnd),
      states: `${stateOf(opener)} ↔ ${other ? stateOf(other) : waiting ? 'not accepted yet' : 'no socket'}`,
      from,
      to,
      halfOpen: !other,
      closed: opener.gone || (other?.gone ?? false),
    },
  ];
}

function hostOfAddress(hosts: readonly HostView[], ip: string): string | undefined {
  return hosts.find((host) => host.nics.some((nic) => !nic.loopback && nic.ip === ip))?.name;
}

/** The door a connection with no accepted socket yet waits at: the listening socket for its address. */
function doorAnchor(remote: Endpoint, anchors: Map<number, Point>, hosts: readonly HostView[], model: Model): Point | undefined {
  const host = hostOfAddress(hosts, remote.ip);
  if (!host) return undefined;
  const door = (model.slots.get(host) ?? []).find((slot) => slot.kind === 'door' && slot.protocol === 'tcp' && !slot.gone && boundEndpointAccepts(slot.endpoint, remote));
  return door ? anchors.get(door.socketId) : undefined;
}

/** Where a packet or a wire meets a host that has no socket for it. */
export function hostAnchor(boxes: readonly HostBox[], host: string | undefined, orientation: Orientation, hostBottom: number): Point | undefined {
  const box = boxes.find((b) => b.name === host);
  if (!box) return undefined;
  return orientation === 'across' ? { x: box.x + box.width / 2, y: hostBottom } : { x: box.x + box.width, y: box.y + box.height / 2 };
}

/** Greedy: each wire takes the first lane where its span (and its label) overlaps no other wire's. */
function assignAcrossLanes(pending: PendingWire[], hostBottom: number): Wire[] {
  const byWidth = [...pending].sort((a, b) => Math.abs(a.to.x - a.from.x) - Math.abs(b.to.x - b.from.x) || a.socketIds[0] - b.socketIds[0]);
  const laneSpans: [number, number][][] = [];
  const wires: Wire[] = [];
  for (const wire of byWidth) {
    const middle = (wire.from.x + wire.to.x) / 2;
    const halfLabel = (Math.max(wire.label.length, wire.states.length) * M.charWidth) / 2 + 8;
    const span: [number, number] = [Math.min(wire.from.x, wire.to.x, middle - halfLabel) - 6, Math.max(wire.from.x, wire.to.x, middle + halfLabel) + 6];
    const lane = takeLane(laneSpans, span);
    const laneY = laneYOf(lane, hostBottom);
    wires.push({ ...wire, lane, laneY, path: lanePath(wire.from, wire.to, laneY), labelAt: { x: middle, y: laneY } });
  }
  return wires.sort((a, b) => a.socketIds[0] - b.socketIds[0]);
}

function takeLane(laneSpans: [number, number][][], span: [number, number]): number {
  let lane = laneSpans.findIndex((spans) => spans.every(([a, b]) => span[1] < a || span[0] > b));
  if (lane === -1) {
    lane = laneSpans.length;
    laneSpans.push([]);
  }
  laneSpans[lane]!.push(span);
  return lane;
}

export function laneYOf(lane: number, hostBottom: number): number {
  return hostBottom + M.firstLaneOffset + lane * M.laneGap;
}

function labelWidth(wire: Pick<Wire, 'label' | 'states'>): number {
  return Math.max(wire.label.length, wire.states.length) * M.charWidth + 16;
}

/** `across`: down from one socket, across the lane, up to the other. */
export function lanePath(from: Point, to: Point, laneY: number): string {
  return `M ${from.x} ${from.y} V ${laneY} H ${to.x} V ${to.y}`;
}

// ── down: hosts one under the other ──

function layoutDown(hosts: readonly HostView[], model: Model, available: number): DiagramLayout {
  const slots: Slot[] = [];
  const anchors = new Map<number, Point>();
  // Vertical positions first: they do not depend on the width, and the lanes depend on them.
  let y = M.downMargin;
  const placed = hosts.map((host) => {
    const nics = nicLines(host);
    const hostSlots = model.slots.get(host.name) ?? [];
    const top = y;
    const slotsTop = top + M.headerHeight + nics.length * M.nicLineHeight + 8;
    hostSlots.forEach((slot, i) => {
      slot.y = slotsTop + i * (M.rowHeight + M.rowGap);
      slot.height = M.rowHeight;
    });
    const height = slotsTop - top + hostSlots.length * (M.rowHeight + M.rowGap) + 4;
    y = top + height + M.slotGap * 2;
    return { host, nics, hostSlots, top, height };
  });

  // Lanes from the vertical spans; the picture's width then leaves them their room.
  const rowY = (slot: Slot) => slot.y + slot.height / 2;
  const spanOf = (connection: Connection): [number, number] | null => {
    const ends = [connection.opener, connection.other].map((socket) => (socket ? findSlot(placed, socket.row.id) : doorSlotFor(connection, hosts, model)));
    const [a, b] = ends;
    if (!a || !b) return null;
    return [Math.min(rowY(a), rowY(b)) - 4, Math.max(rowY(a), rowY(b)) + 4];
  };
  const laneSpans: [number, number][][] = [];
  const lanesOf = new Map<Connection, number>();
  const bySpan = [...model.connections].sort((a, b) => spanLength(spanOf(a)) - spanLength(spanOf(b)) || a.opener.row.id - b.opener.row.id);
  for (const connection of bySpan) {
    const span = spanOf(connection);
    if (span) lanesOf.set(connection, takeLane(laneSpans, span));
  }
  const lanes = laneSpans.length;
  const laneArea = 12 + (lanes + 1) * M.downLaneGap;
  const hostWidth = Math.max(M.minDownHostWidth, Math.floor(available) - 2 * M.downMargin - laneArea);
  const hostRight = M.downMargin + hostWidth;

  const boxes: HostBox[] = placed.map(({ host, nics, hostSlots, top, height }) => {
    for (const slot of hostSlots) {
      const indent = slot.kind === 'accepted' ? M.indent : 0;
      slot.x = M.downMargin + M.hostPadding + indent;
      slot.width = hostWidth - 2 * M.hostPadding - indent;
      anchors.set(slot.socketId, { x: slot.x + slot.width, y: rowY(slot) });
      slots.push(slot);
    }
    return {
      name: host.name,
      x: M.downMargin,
      y: top,
      width: hostWidth,
      height,
      nics: nics.map((nic, i) => ({ ...nic, at: { x: M.downMargin + M.hostPadding, y: top + M.headerHeight + (i + 0.7) * M.nicLineHeight } })),
    };
  });

  const wires: Wire[] = [];
  for (const connection of model.connections) {
    const lane = lanesOf.get(connection);
    if (lane === undefined) continue;
    for (const wire of wireBetween(connection, anchors, hosts, boxes, model, 'down', 0)) {
      const laneX = laneXOf(lane, hostRight);
      const middle = (wire.from.y + wire.to.y) / 2;
      wires.push({ ...wire, lane, laneY: middle, path: downPath(wire.from, wire.to, laneX), labelAt: { x: laneX, y: middle } });
    }
  }
  return {
    orientation: 'down',
    width: Math.ceil(hostRight + laneArea + M.downMargin),
    height: Math.ceil(y + M.downMargin),
    hostBottom: 0,
    hosts: boxes,
    slots,
    groups: [],
    wires: wires.sort((a, b) => a.socketIds[0] - b.socketIds[0]),
    lanes,
    anchors: Object.fromEntries(anchors),
    omittedConnections: model.omitted,
    omittedDoors: model.omittedDoors,
  };
}

function spanLength(span: [number, number] | null): number {
  return span ? span[1] - span[0] : Infinity;
}

function findSlot(placed: readonly { hostSlots: readonly Slot[] }[], socketId: number): Slot | undefined {
  for (const { hostSlots } of placed) {
    const found = hostSlots.find((slot) => slot.socketId === socketId);
    if (found) return found;
  }
  return undefined;
}

function doorSlotFor(connection: Connection, hosts: readonly HostView[], model: Model): Slot | undefined {
  const remote = connection.opener.row.remote;
  const host = remote ? hostOfAddress(hosts, remote.ip) : undefined;
  if (!remote || !host) return undefined;
  return (model.slots.get(host) ?? []).find((slot) => slot.kind === 'door' && slot.protocol === 'tcp' && !slot.gone && boundEndpointAccepts(slot.endpoint, remote));
}

/** `down`: the x of a lane, right of the hosts. */
export function laneXOf(lane: number, hostRight: number): number {
  return hostRight + 12 + lane * M.downLaneGap;
}

/** `down`: out of one socket's row to the lane, along it, into the other's. */
export function downPath(from: Point, to: Point, laneX: number): string {
  return `M ${from.x} ${from.y} H ${laneX} V ${to.y} H ${to.x}`;
}

/** The path of something travelling from `from` to `to` in lane `lane` of the layout (a packet). */
export function routeIn(layout: DiagramLayout, from: Point, to: Point, lane: number): { path: string; labelAt: Point } {
  if (layout.orientation === 'across') {
    const laneY = laneYOf(lane, layout.hostBottom);
    return { path: lanePath(from, to, laneY), labelAt: { x: (from.x + to.x) / 2, y: laneY + 32 } };
  }
  const hostRight = Math.max(0, ...layout.hosts.map((box) => box.x + box.width));
  const laneX = laneXOf(lane, hostRight);
  return { path: downPath(from, to, laneX), labelAt: { x: hostRight - 48, y: (from.y + to.y) / 2 } };
}
