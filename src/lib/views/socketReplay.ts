/**
 * The socket table as it was at one moment of the trace, rebuilt from the socket lifecycle events
 * (open, bind, listen, state, close). Lets the diagram show the sockets as they were when a chosen packet
 * crossed the wire: at the SYN, the client is SYN-SENT and the server only has its listening socket.
 */
import type { SocketRow, SocketStateEvent, TraceEvent } from '../netsim/types';

/** The socket table just after the trace event with index `index` (inclusive). */
export function socketsAt(trace: readonly TraceEvent[], index: number): SocketRow[] {
  const sockets = new Map<number, SocketRow>();
  for (const event of trace) {
    if (event.index > index) break;
    if (event.kind === 'socket') applySocketEvent(sockets, event);
  }
  // ss lists only sockets that have an address; a fresh, unbound socket has none yet.
  return [...sockets.values()].filter((row) => row.local.port !== 0 || row.state === 'LISTEN');
}

/** Does the trace carry socket lifecycle events at all (so that `socketsAt` means something)? */
export function traceHasSocketEvents(trace: readonly TraceEvent[]): boolean {
  return trace.some((event) => event.kind === 'socket');
}

function applySocketEvent(sockets: Map<number, SocketRow>, event: SocketStateEvent): void {
  const row = sockets.get(event.socket) ?? newRow(event);
  if (event.local) row.local = { ...event.local };
  if (event.remote) row.remote = { ...event.remote };
  if (event.owner !== undefined) row.owner = event.owner === null ? null : { ...event.owner };
  switch (event.change) {
    case 'open':
    case 'bind':
      break;
    case 'listen':
      row.state = 'LISTEN';
      break;
    case 'state':
      if (event.to === 'CLOSED') {
        sockets.delete(event.socket);
        return;
      }
      if (event.to) row.state = event.to;
      break;
    case 'close':
      // The program let go of it; a TCP socket that still has a closing handshake to finish (or waits
      // in TIME-WAIT) stays, owned by the kernel, until its state becomes CLOSED.
      if (row.protocol === 'tcp' && KERNEL_KEEPS.has(row.state)) {
        row.owner = null;
        break;
      }
      sockets.delete(event.socket);
      return;
    default: {
      const unknown: never = event.change;
      throw new Error(`socketsAt: unknown socket change ${String(unknown)}`);
    }
  }
  sockets.set(event.socket, row);
}

const KERNEL_KEEPS = new Set<SocketRow['state']>([
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
]);

function newRow(event: SocketStateEvent): SocketRow {
  return {
    id: event.socket,
    host: event.host,
    protocol: event.protocol,
    // A new TCP socket is CLOSED until it listens or connects; a UDP socket is UNCONN from the start.
    state: event.protocol === 'udp' ? 'UNCONN' : 'CLOSED',
    local: { ip: '0.0.0.0', port: 0 },
    remote: null,
    recvQ: 0,
    sendQ: 0,
    owner: null,
  };
}
