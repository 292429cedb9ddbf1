/**
 * What observers see: the trace, the socket table, stream records and errors. Internal state stays in
 * private fields; every event is frozen when recorded and every read returns frozen copies, so code running
 * on the network cannot rewrite what was observed.
 */
import type { Endpoint, SocketErrorRecord, SocketRow, StreamRecord, TraceEvent } from './types';

/** A socket as the recorder sees it (TCP or UDP). */
export interface ObservedSocket {
  readonly id: number;
  /** The current `ss` row, or null once the socket is gone from the table. */
  row(): SocketRow | null;
  stream(): StreamRecord;
}

type Distribute<T> = T extends unknown ? Omit<T, 'index' | 'at'> : never;
export type TraceInput = Distribute<TraceEvent>;

const STREAM_TEXT_LIMIT = 65536;

/** Bytes as latin1 text (one character per byte), appended up to the limit. */
export function appendLatin1(text: string, bytes: Uint8Array): string {
  const room = STREAM_TEXT_LIMIT - text.length;
  if (room <= 0) return text;
  const n = bytes.length < room ? bytes.length : room;
  let chunk = '';
  for (let i = 0; i < n; i += 4096) chunk += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, Math.min(n, i + 4096))));
  return text + chunk;
}

export function endpoint(ip: string, port: number): Endpoint {
  return Object.freeze({ ip, port });
}

export class Recorder {
  readonly #trace: TraceEvent[] = [];
  readonly #listeners = new Set<(event: TraceEvent) => void>();
  readonly #live = new Map<number, ObservedSocket>();
  readonly #all: ObservedSocket[] = [];
  readonly #errors: SocketErrorRecord[] = [];
  #frozenTrace: readonly TraceEvent[] | null = null;

  constructor(private readonly clock: { readonly now: number }) {}

  record(input: TraceInput): void {
    const event = input as TraceEvent;
    event.index = this.#trace.length;
    event.at = this.clock.now;
    Object.freeze(event);
    this.#trace.push(event);
    this.#frozenTrace = null;
    if (this.#listeners.size) for (const listener of this.#listeners) listener(event);
  }

  subscribe(listener: (event: TraceEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A frozen copy (events are themselves frozen, so sharing them is safe). */
  trace(): readonly TraceEvent[] {
    return (this.#frozenTrace ??= Object.freeze(this.#trace.slice()));
  }

  traceLength(): number {
    return this.#trace.length;
  }

  track(socket: ObservedSocket): void {
    this.#live.set(socket.id, socket);
    this.#all.push(socket);
  }

  untrack(socket: ObservedSocket): void {
    this.#live.delete(socket.id);
  }

  sockets(host?: string): SocketRow[] {
    const rows: SocketRow[] = [];
    for (const socket of this.#live.values()) {
      const row = socket.row();
      if (row && (host === undefined || row.host === host)) rows.push(Object.freeze(row));
    }
    return rows;
  }

  streams(): StreamRecord[] {
    return this.#all.map((s) => Object.freeze(s.stream()));
  }

  error(record: SocketErrorRecord): void {
    this.#errors.push(Object.freeze(record));
  }

  errors(): SocketErrorRecord[] {
    return this.#errors.slice();
  }
}
