/**
 * The socket table as it was at one moment of the trace, rebuilt from the socket lifecycle events
 * (open, bind, listen, state, close). Lets the diagram show the sockets as they were when a chosen packet
 * crossed the wire: at the SYN, the client is SYN-SENT and the server only has its listening socket.
 */
import type { SocketOwner, SocketRow, SocketStateEvent, TraceEvent } from '../netsim/types';

/**
 * The socket table rebuilt event by event, and the sockets that closed on the way. Feed it the trace in
 * order (`apply`), as much as has arrived: each event costs O(1), so a long run is never replayed twice.
 */
export class SocketReplay {
  readonly #live = new Map<number, SocketRow>();
  readonly #gone = new Map<number, SocketRow>();
  /** The last program that owned each socket: a closed socket is shown as that program's. */
  readonly #owners = new Map<number, SocketOwner>();

  apply(event: TraceEvent): void {
    if (event.kind !== 'socket') return;
    // netsim reports a socket's `close` after its state became CLOSED: it is gone already, as it was.
    if (this.#gone.has(event.socket)) return;
    const row = this.#live.get(event.socket) ?? newRow(event);
    if (event.local) row.local = { ...event.local };
    if (event.remote) row.remote = { ...event.remote };
    if (event.owner !== undefined) row.owner = event.owner === null ? null : { ...event.owner };
    if (row.owner) this.#owners.set(row.id, row.owner);
    switch (event.change) {
      case 'open':
      case 'bind':
        break;
      case 'listen':
        row.state = 'LISTEN';
        break;
      case 'state':
        if (event.to === 'CLOSED') {
          this.#close(row);
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
        this.#close(row);
        return;
      default: {
        const unknown: never = event.change;
        throw new Error(`SocketReplay: unknown socket change ${String(unknown)}`);
      }
    }
    this.#live.set(event.socket, row);
  }

  /** The table now. ss lists only sockets that have an address: a fresh, unbound socket has none yet. */
  live(): SocketRow[] {
    return [...this.#live.values()].filter(listed);
  }

  /**
   * Sockets that had an address and are closed now, as they last were, in the order they closed. The same
   * array until another socket closes, so a view can tell nothing changed.
   */
  gone(): readonly SocketRow[] {
    this.#goneList ??= [...this.#gone.values()];
    return this.#goneList;
  }

  #goneList: SocketRow[] | null = null;

  #close(row: SocketRow): void {
    this.#live.delete(row.id);
    if (listed(row)) {
      this.#gone.set(row.id, { ...row, owner: row.owner ?? this.#owners.get(row.id) ?? null });
      this.#goneList = null;
    }
    this.#owners.delete(row.id);
  }
}

const listed = (row: SocketRow) => row.local.port !== 0 || row.state === 'LISTEN';

/** The sockets just after the trace event with index `index` (inclusive): the table, and those gone by then. */
export function socketStateAt(trace: readonly TraceEvent[], index: number): { live: SocketRow[]; gone: SocketRow[] } {
  const replay = new SocketReplay();
  for (const event of trace) {
    if (event.index > index) break;
    replay.apply(event);
  }
  return { live: replay.live(), gone: [...replay.gone()] };
}

/** The socket table just after the trace event with index `index` (inclusive). */
export function socketsAt(trace: readonly TraceEvent[], index: number): SocketRow[] {
  return socketStateAt(trace, index).live;
}

/** Does the trace carry socket lifecycle events at all (so that `socketsAt` means something)? */
export function traceHasSocketEvents(trace: readonly TraceEvent[]): boolean {
  return trace.some((event) => event.kind === 'socket');
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
