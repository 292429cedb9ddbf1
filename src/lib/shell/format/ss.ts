/** `ss` (iproute2's socket statistics) over netsim's socket table. */
import type { SocketRow, TcpState, UdpState } from '../../netsim/types';
import { isEphemeral, serviceName } from '../services';
import { renderColumns, type Column } from './columns';

export interface SsOptions {
  tcp: boolean;
  udp: boolean;
  /** -a: every socket; -l: listening ones only; neither: connected ones only. */
  all: boolean;
  listening: boolean;
  /** -n: ports as numbers; without it, well-known ports by service name. */
  numeric: boolean;
  /** -p: the owning process. */
  processes: boolean;
}

/** `ss` prints ESTABLISHED as ESTAB and SYN-RECEIVED as SYN-RECV; the rest by their RFC names. */
export function ssStateName(state: TcpState | UdpState): string {
  if (state === 'ESTABLISHED') return 'ESTAB';
  if (state === 'SYN-RECEIVED') return 'SYN-RECV';
  if (state === 'CLOSED') return 'UNCONN';
  return state;
}

/**
 * Which sockets ss lists: with -l only listeners (LISTEN, unconnected UDP); by default only connections,
 * without TIME-WAIT and SYN-RECV (ss's SS_CONN) and only connected UDP; with -a everything.
 */
function shown(row: SocketRow, options: SsOptions): boolean {
  const listening = row.state === 'LISTEN' || row.state === 'UNCONN' || row.state === 'CLOSED';
  if (options.all) return true;
  if (options.listening) return listening;
  if (row.protocol === 'udp') return row.state === 'ESTAB';
  return !listening && row.state !== 'TIME-WAIT' && row.state !== 'SYN-RECEIVED';
}

/** The kernel dumps UDP before TCP and, within TCP, listeners before connections. */
function dumpOrder(a: SocketRow, b: SocketRow): number {
  const rank = (row: SocketRow) => (row.protocol === 'udp' ? 0 : row.state === 'LISTEN' ? 1 : 2);
  return rank(a) - rank(b) || a.id - b.id;
}

export function formatSs(rows: readonly SocketRow[], options: SsOptions): string {
  const bothProtocols = options.tcp === options.udp;
  const wanted = rows
    .filter((row) => (row.protocol === 'tcp' ? options.tcp || bothProtocols : options.udp || bothProtocols))
    .filter((row) => shown(row, options))
    .sort(dumpOrder);
  const port = (protocol: 'tcp' | 'udp', value: number): string => {
    if (value === 0) return '*';
    const name = options.numeric || isEphemeral(value) ? undefined : serviceName(protocol, value);
    return name ?? String(value);
  };
  const columns: Column[] = [
    ...(bothProtocols ? [{ header: 'Netid', align: 'left', delimiter: '' } as const] : []),
    { header: 'State', align: 'left', delimiter: ' ' },
    { header: 'Recv-Q', align: 'left', delimiter: ' ' },
    { header: 'Send-Q', align: 'left', delimiter: ' ' },
    { header: 'Local Address:', align: 'right', delimiter: ' ' },
    { header: 'Port', align: 'left', delimiter: '' },
    { header: 'Peer Address:', align: 'right', delimiter: ' ' },
    { header: 'Port', align: 'left', delimiter: '' },
    { header: 'Process', align: 'left', delimiter: '' },
  ];
  const cells = wanted.map((row) => [
    ...(bothProtocols ? [row.protocol] : []),
    ssStateName(row.state),
    String(row.recvQ).padEnd(6),
    String(row.sendQ).padEnd(6),
    `${row.local.ip}:`,
    port(row.protocol, row.local.port),
    `${row.remote?.ip ?? '0.0.0.0'}:`,
    row.remote ? port(row.protocol, row.remote.port) : '*',
    options.processes && row.owner ? ` users:(("${row.owner.name}",pid=${row.owner.pid},fd=${row.owner.fd}))` : '',
  ]);
  return renderColumns(columns, cells);
}
