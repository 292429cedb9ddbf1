/**
 * Where a packet travels on the diagram: from the socket that sent it to the socket that received it,
 * along its connection's wire when there is one (or in the spare lane below, e.g. for a SYN that no
 * accepted socket answers yet), and which wire and slots to highlight.
 */
import type { Endpoint, HostView, SocketRow } from '../netsim/types';
import { type DiagramLayout, hostAnchor, type Point, routeIn } from './diagramLayout';
import { boundEndpointAccepts, sameEndpoint } from './endpoints';
import type { PacketRow } from './packetRows';

export interface PacketPath {
  from: Point;
  to: Point;
  path: string;
  /** The lane it travels in: its connection's wire's, else the spare one past the wires. */
  lane: number;
  /** Where the packet's label goes. */
  labelAt: Point;
  /** The wire of this connection, when the diagram draws one. */
  wireKey: string | null;
  /** Sockets at either end (a listening socket stands in for the server before it accepts). */
  socketIds: number[];
}

/** `sockets`: every socket the layout may have drawn, gone ones included. */
export function packetPath(
  layout: DiagramLayout,
  hosts: readonly HostView[],
  sockets: readonly SocketRow[],
  src: Endpoint,
  dst: Endpoint,
): PacketPath | null {
  const sender = endpointSocket(layout, hosts, sockets, src, dst);
  const receiver = endpointSocket(layout, hosts, sockets, dst, src);
  const from = sender ? layout.anchors[sender.id] : anchorOfHost(layout, hosts, src);
  const to = receiver ? layout.anchors[receiver.id] : anchorOfHost(layout, hosts, dst);
  if (!from || !to) return null;
  const wire = layout.wires.find(
    (w) => (sameEndpoint(w.ends[0], src) && sameEndpoint(w.ends[1], dst)) || (sameEndpoint(w.ends[0], dst) && sameEndpoint(w.ends[1], src)),
  );
  const lane = wire ? wire.lane : layout.lanes;
  const route = routeIn(layout, from, to, lane);
  return {
    from,
    to,
    lane,
    path: route.path,
    labelAt: route.labelAt,
    wireKey: wire ? wire.key : null,
    socketIds: [sender, receiver].filter((s): s is SocketRow => s !== undefined).map((s) => s.id),
  };
}

/** The socket drawn for `end` talking to `other`: its connected socket, else the door that takes it. */
function endpointSocket(
  layout: DiagramLayout,
  hosts: readonly HostView[],
  sockets: readonly SocketRow[],
  end: Endpoint,
  other: Endpoint,
): SocketRow | undefined {
  const drawn = sockets.filter((row) => layout.anchors[row.id] !== undefined);
  // The newest socket of that pair of end-points: a later connection may reuse a closed one's port.
  const connected = drawn.filter((row) => row.remote && sameEndpoint(row.local, end) && sameEndpoint(row.remote, other)).sort((a, b) => b.id - a.id)[0];
  if (connected) return connected;
  const owners = hostsOwning(hosts, end.ip);
  return drawn.find(
    (row) => (row.state === 'LISTEN' || row.protocol === 'udp') && (owners.length === 0 || owners.includes(row.host)) && boundEndpointAccepts(row.local, end),
  );
}

function hostsOwning(hosts: readonly HostView[], ip: string): string[] {
  return hosts.filter((host) => host.nics.some((nic) => nic.ip === ip)).map((host) => host.name);
}

function anchorOfHost(layout: DiagramLayout, hosts: readonly HostView[], end: Endpoint): Point | undefined {
  const [owner] = hostsOwning(hosts, end.ip);
  return hostAnchor(layout.hosts, owner, layout.orientation, layout.hostBottom);
}

/**
 * The two ends to draw a packet between. TCP and UDP have end-points; ICMP and ARP go host to host, so
 * they get the hosts' addresses with port 0, which no socket has: the path then runs between the hosts.
 */
export function packetEnds(
  row: Pick<PacketRow, 'src' | 'dst' | 'name' | 'flow' | 'direction'>,
  hosts: readonly HostView[],
): { src: Endpoint; dst: Endpoint } | null {
  if (row.src && row.dst) return { src: row.src, dst: row.dst };
  const addressOf = (name: string) =>
    hosts.find((host) => host.name === name)?.nics.find((nic) => !nic.loopback)?.ip ?? (/^\d+\.\d+\.\d+\.\d+$/.test(name) ? name : null);
  const [from, to] = row.direction === 'right' ? [row.flow.left, row.flow.right] : [row.flow.right, row.flow.left];
  const src = addressOf(from);
  const dst = addressOf(to);
  return src && dst ? { src: { ip: src, port: 0 }, dst: { ip: dst, port: 0 } } : null;
}
