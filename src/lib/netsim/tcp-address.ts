/**
 * Where a TCP socket sits in its host's port table: the address and port `bind()` takes (or connect picks
 * for it), the four-tuple of a connection, the MSS its route allows, and leaving the table at the end.
 * No state changes here: tcp.ts calls these and then moves the state on.
 */
import { ANY, isLoopback } from './addresses';
import type { Segment } from './packets';
import { bindPermission, type AddressBook, type PortHolder, type PortTable } from './ports';
import { MSS_ETHERNET, MSS_LOOPBACK, type TcpRole } from './tcp-control';
import type { Errno, RunAs } from './types';

/** A TCP socket as its place in the port table sees it (tcp.ts's TcpSocket is one; `S` is its own type). */
export interface TablePlace<S extends PortHolder> extends PortHolder {
  readonly id: number;
  /** The process that holds it, if any: a normal user may not bind a privileged port. */
  readonly owner: { readonly runAs: RunAs } | null;
  readonly host: AddressBook & { readonly tcp: PortTable<S> };
  readonly control: { bound: boolean; role: TcpRole; mss: number; connection: number };
}

/** Takes ip:port (port 0: an ephemeral port). Returns the errno on failure, as `bind()` would. */
export function bindLocal<S extends TablePlace<S>>(socket: S, ip: number, port: number): Errno | null {
  const host = socket.host;
  if (socket.control.bound) return 'EINVAL';
  if (ip !== ANY && !host.ownsAddress(ip)) return 'EADDRNOTAVAIL';
  const denied = bindPermission(port, socket.owner?.runAs);
  if (denied) return denied;
  const table = host.tcp;
  if (port === 0) {
    const chosen = table.ephemeralPort(host.random);
    if (chosen === undefined) return 'EADDRINUSE';
    port = chosen;
  } else if (table.conflict(ip, port)) return 'EADDRINUSE';
  socket.localIp = ip;
  socket.localPort = port;
  socket.control.bound = true;
  table.bind(socket);
  return null;
}

/**
 * Fixes the connection's four-tuple for connect(): the source address the route gives (unless bound), an
 * ephemeral port (unless bound), and enters it in the table of connections. ENETUNREACH when no route
 * leads to ip; EADDRNOTAVAIL when no ephemeral port is free.
 */
export function bindForConnect<S extends TablePlace<S>>(socket: S, ip: number, port: number): Errno | null {
  const host = socket.host;
  const source = host.sourceAddressFor(ip);
  if (source === null) return 'ENETUNREACH';
  if (socket.control.bound) host.tcp.unbind(socket);
  else {
    const chosen = host.tcp.ephemeralPort(host.random);
    if (chosen === undefined) return 'EADDRNOTAVAIL';
    socket.localPort = chosen;
  }
  if (socket.localIp === ANY) socket.localIp = source;
  socket.control.bound = true;
  socket.remoteIp = ip;
  socket.remotePort = port;
  socket.control.role = 'connector';
  socket.control.mss = isLoopback(ip) || host.ownsAddress(ip) ? MSS_LOOPBACK : MSS_ETHERNET;
  socket.control.connection = socket.id;
  host.tcp.connect(socket);
  return null;
}

/** A listener's new child takes the four-tuple of the SYN that made it. */
export function bindForChild<S extends TablePlace<S>>(child: S, syn: Segment): void {
  child.control.role = 'accepted';
  child.localIp = syn.dstIp;
  child.localPort = syn.dstPort;
  child.remoteIp = syn.srcIp;
  child.remotePort = syn.srcPort;
  child.control.connection = syn.connection;
  child.control.bound = true;
  child.control.mss = syn.srcIp === syn.dstIp || isLoopback(syn.srcIp) ? MSS_LOOPBACK : MSS_ETHERNET;
  child.host.tcp.connect(child);
}

/** Leaves the port table (a connection, or a bound or listening socket). */
export function unbindAll<S extends TablePlace<S>>(socket: S): void {
  if (!socket.control.bound) return;
  if (socket.remotePort) socket.host.tcp.disconnect(socket);
  else socket.host.tcp.unbind(socket);
}
