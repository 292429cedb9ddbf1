/** `netstat` (net-tools) over netsim's socket table: fixed-width columns, states with underscores. */
import type { SocketRow, TcpState, UdpState } from '../../netsim/types';
import { serviceName } from '../services';

export interface NetstatOptions {
  tcp: boolean;
  udp: boolean;
  all: boolean;
  listening: boolean;
  numeric: boolean;
  programs: boolean;
  /** Names for addresses when not numeric (netstat reads /etc/hosts): 10.0.0.2 → web. */
  hostName?: (ip: string) => string | undefined;
}

const NETSTAT_STATES: Record<TcpState, string> = {
  LISTEN: 'LISTEN', 'SYN-SENT': 'SYN_SENT', 'SYN-RECEIVED': 'SYN_RECV', ESTABLISHED: 'ESTABLISHED',
  'FIN-WAIT-1': 'FIN_WAIT1', 'FIN-WAIT-2': 'FIN_WAIT2', 'CLOSE-WAIT': 'CLOSE_WAIT', CLOSING: 'CLOSING',
  'LAST-ACK': 'LAST_ACK', 'TIME-WAIT': 'TIME_WAIT', CLOSED: 'CLOSE',
};

function stateName(row: SocketRow): string {
  if (row.protocol === 'udp') return (row.state as UdpState) === 'ESTAB' ? 'ESTABLISHED' : '';
  return NETSTAT_STATES[row.state as TcpState] ?? row.state;
}

function isListener(row: SocketRow): boolean {
  return row.state === 'LISTEN' || (row.protocol === 'udp' && row.state !== 'ESTAB');
}

export function formatNetstat(rows: readonly SocketRow[], options: NetstatOptions): string {
  const both = options.tcp === options.udp;
  const wanted = rows
    .filter((row) => both || (row.protocol === 'tcp' ? options.tcp : options.udp))
    .filter((row) => (options.all ? true : options.listening ? isListener(row) : !isListener(row)))
    // net-tools reads /proc/net/tcp before /proc/net/udp; the kernel lists listeners first.
    .sort((a, b) => rank(a) - rank(b) || a.id - b.id);
  const address = (protocol: 'tcp' | 'udp', ip: string, port: number | null): string => {
    const portText = port === null ? '*' : options.numeric ? String(port) : serviceName(protocol, port) ?? String(port);
    const host = options.numeric || ip === '0.0.0.0' ? ip : ip === '127.0.0.1' ? 'localhost' : options.hostName?.(ip) ?? ip;
    return `${host}:${portText}`;
  };
  const title = options.all ? 'servers and established' : options.listening ? 'only servers' : 'w/o servers';
  let out = `Active Internet connections (${title})\n`;
  out += 'Proto Recv-Q Send-Q Local Address           Foreign Address         State      ';
  out += options.programs ? ' PID/Program name    \n' : '\n';
  for (const row of wanted) {
    const program = row.owner ? `${row.owner.pid}/${row.owner.name}` : '-';
    // /proc/net/tcp has no backlog column: netstat shows a listener's Send-Q as 0 (ss shows the backlog).
    const sendQ = row.state === 'LISTEN' ? 0 : row.sendQ;
    out +=
      `${row.protocol.padEnd(5)} ${String(row.recvQ).padStart(6)} ${String(sendQ).padStart(6)} ` +
      `${address(row.protocol, row.local.ip, row.local.port).padEnd(23)} ` +
      `${(row.remote ? address(row.protocol, row.remote.ip, row.remote.port) : address(row.protocol, '0.0.0.0', null)).padEnd(23)} ` +
      `${stateName(row).padEnd(11)}` +
      (options.programs ? ` ${program.padEnd(20)}` : '') +
      '\n';
  }
  // Without -t/-u netstat lists UNIX sockets too; netsim has none, so only their header.
  if (!options.tcp && !options.udp) {
    out += `Active UNIX domain sockets (${title})\n`;
    out += 'Proto RefCnt Flags       Type       State         I-Node   ' + (options.programs ? 'PID/Program name    ' : '') + 'Path\n';
  }
  return out;
}

function rank(row: SocketRow): number {
  return (row.protocol === 'tcp' ? 0 : 2) + (isListener(row) ? 0 : 1);
}
