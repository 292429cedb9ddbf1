/** The diagram's text alternative: the socket table, one row per socket, in the words `ss -tuanp` uses. */
import type { SocketRow } from '../netsim/types';
import { formatEndpoint } from './endpoints';
import { byCodeUnits } from '../text-order';

export interface SocketTableRow {
  socketId: number;
  host: string;
  /** `tcp` / `udp` (ss's Netid column). */
  netid: string;
  /** As ss prints it: `ESTAB` for ESTABLISHED. */
  state: string;
  local: string;
  peer: string;
  /** `node (pid 4242, fd 22, root)`: the program and who it runs as; empty for a socket only the kernel holds (TIME-WAIT). */
  process: string;
}

export const SOCKET_TABLE_COLUMNS = ['Host', 'Netid', 'State', 'Local Address:Port', 'Peer Address:Port', 'Process'] as const;

export function socketTableRows(sockets: readonly SocketRow[]): SocketTableRow[] {
  return [...sockets]
    .sort((a, b) => byCodeUnits(a.host, b.host) || byCodeUnits(a.protocol, b.protocol) || Number(b.state === 'LISTEN') - Number(a.state === 'LISTEN') || a.local.port - b.local.port || a.id - b.id)
    .map((row) => ({
      socketId: row.id,
      host: row.host,
      netid: row.protocol,
      state: row.state === 'ESTABLISHED' ? 'ESTAB' : row.state,
      local: formatEndpoint(row.local),
      peer: row.remote ? formatEndpoint(row.remote) : '0.0.0.0:*',
      process: row.owner ? `${row.owner.name} (pid ${row.owner.pid}, fd ${row.owner.fd}, ${row.owner.runAs})` : '',
    }));
}
