/**
 * Questions the checks ask of a RunRecord, in the course's words: which addresses a host has, which
 * sockets listened, which connections a client made. Pure reads; nothing here changes the record.
 */
import type { Endpoint, StreamRecord, TcpSegmentEvent } from '../netsim/types';
import type { RunRecord } from '../runner/protocol';

/** The Linux default range for ports the OS picks (`/proc/sys/net/ipv4/ip_local_port_range`). */
export const EPHEMERAL_PORTS = { first: 32768, last: 60999 } as const;

export function isEphemeral(port: number): boolean {
  return port >= EPHEMERAL_PORTS.first && port <= EPHEMERAL_PORTS.last;
}

export function isLoopback(ip: string): boolean {
  return ip.startsWith('127.');
}

/** The host's NIC addresses, loopback excluded. */
export function nicAddresses(record: RunRecord, host: string): string[] {
  const view = record.hosts.find((h) => h.name === host);
  return view ? view.nics.filter((n) => !n.loopback).map((n) => n.ip) : [];
}

/** The host that owns an address, by its NICs (loopback belongs to every host, so it names none). */
export function hostOfAddress(record: RunRecord, ip: string): string | undefined {
  return record.hosts.find((h) => h.nics.some((n) => !n.loopback && n.ip === ip))?.name;
}

export function streamsOf(record: RunRecord, host: string, role: StreamRecord['role']): StreamRecord[] {
  return record.streams.filter((s) => s.host === host && s.role === role);
}

/** Every end-point a host listened on (TCP) or bound (UDP) during the run, closed sockets included. */
export function listenersOf(record: RunRecord, host: string, protocol: 'tcp' | 'udp'): Endpoint[] {
  const role = protocol === 'tcp' ? 'listener' : 'datagram';
  const found = record.streams.filter((s) => s.host === host && s.protocol === protocol && s.role === role).map((s) => s.local);
  // The socket table is a second witness, for a listener that carried no stream record.
  for (const row of record.sockets) {
    const listening = protocol === 'tcp' ? row.state === 'LISTEN' : row.remote === null;
    if (row.host === host && row.protocol === protocol && listening && !found.some((e) => sameEndpoint(e, row.local))) {
      found.push(row.local);
    }
  }
  return found;
}

/** Connections a client host opened towards any address of `serverHost` (any port), or towards anything. */
export function connectorsFrom(record: RunRecord, clientHost: string): StreamRecord[] {
  return streamsOf(record, clientHost, 'connector').filter((s) => s.protocol === 'tcp' && s.remote !== null);
}

/** Does this connector reach the server's end-point? Loopback counts when client and server share a host. */
export function reaches(record: RunRecord, connector: StreamRecord, serverHost: string, port: number): boolean {
  if (!connector.remote || connector.remote.port !== port) return false;
  const ip = connector.remote.ip;
  return hostOfAddress(record, ip) === serverHost || (isLoopback(ip) && connector.host === serverHost);
}

/** The accepted socket on the server that is the other end of this connector, if the handshake completed. */
export function acceptedPeerOf(record: RunRecord, connector: StreamRecord): StreamRecord | undefined {
  return record.streams.find(
    (s) =>
      s.role === 'accepted' &&
      s.remote !== null &&
      connector.remote !== null &&
      sameEndpoint(s.remote, connector.local) &&
      sameEndpoint(s.local, connector.remote),
  );
}

export function sameEndpoint(a: Endpoint, b: Endpoint): boolean {
  return a.ip === b.ip && a.port === b.port;
}

export function formatEndpoint(e: Endpoint): string {
  return `${e.ip}:${e.port}`;
}

/** `a`, `a and b`, `a, b and c`: lists in sentences. */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The first segment that closed this connection (a FIN or a reset), from the trace, and which end sent it:
 * `local` is the stream's own socket. Undefined when neither end closed during the run.
 */
export function firstClose(record: RunRecord, stream: StreamRecord): { by: 'local' | 'remote'; at: number; reset: boolean } | undefined {
  const { local, remote } = stream;
  if (!remote) return undefined;
  for (const event of record.trace) {
    if (event.kind !== 'tcp') continue;
    const segment = event as TcpSegmentEvent;
    const reset = segment.flags.includes('RST');
    if (!reset && !segment.flags.includes('FIN')) continue;
    if (sameEndpoint(segment.src, local) && sameEndpoint(segment.dst, remote)) return { by: 'local', at: segment.at, reset };
    if (sameEndpoint(segment.src, remote) && sameEndpoint(segment.dst, local)) return { by: 'remote', at: segment.at, reset };
  }
  return undefined;
}
