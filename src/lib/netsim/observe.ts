/**
 * What observers see: the trace, the socket table, stream records and errors. Internal state stays in
 * private fields (the trace in a compact TraceStore); every read returns frozen values, so code running on
 * the network cannot rewrite what was observed.
 */
import type { Segment } from './packets';
import { TraceStore, type TraceInput } from './trace-store';
import type { Endpoint, ProcessFate, SocketErrorRecord, SocketRow, StreamRecord, TraceEvent } from './types';

/** A socket as the recorder sees it (TCP or UDP). */
export interface ObservedSocket {
  readonly id: number;
  /** The current `ss` row, or null once the socket is gone from the table. */
  row(): SocketRow | null;
  stream(): StreamRecord;
}

export type { TraceInput } from './trace-store';

const STREAM_TEXT_LIMIT = 65536;

/**
 * The first 64 KiB a socket carried, as latin1 text (one character per byte). Bytes are copied as they
 * pass (the program may reuse its buffers later) and turned into text only when someone reads it.
 */
export class StreamText {
  #bytes = new Uint8Array(256);
  #length = 0;
  #text = '';
  #decoded = 0;

  append(bytes: Uint8Array): void {
    const room = STREAM_TEXT_LIMIT - this.#length;
    if (room <= 0) return;
    const n = bytes.length < room ? bytes.length : room;
    if (this.#length + n > this.#bytes.length) {
      let size = this.#bytes.length * 2;
      while (size < this.#length + n) size *= 2;
      const next = new Uint8Array(Math.min(size, STREAM_TEXT_LIMIT));
      next.set(this.#bytes.subarray(0, this.#length));
      this.#bytes = next;
    }
    this.#bytes.set(n === bytes.length ? bytes : bytes.subarray(0, n), this.#length);
    this.#length += n;
  }

  get text(): string {
    for (let i = this.#decoded; i < this.#length; i += 4096) {
      const end = Math.min(this.#length, i + 4096);
      this.#text += String.fromCharCode.apply(null, this.#bytes.subarray(i, end) as unknown as number[]);
    }
    this.#decoded = this.#length;
    return this.#text;
  }
}

export function endpoint(ip: string, port: number): Endpoint {
  return Object.freeze({ ip, port });
}

export class Recorder {
  readonly #store: TraceStore;
  /** Events handed out so far, built from the store on demand and frozen; index = position in the trace. */
  readonly #handedOut: TraceEvent[] = [];
  readonly #listeners = new Set<(event: TraceEvent) => void>();
  readonly #live = new Map<number, ObservedSocket>();
  readonly #all: ObservedSocket[] = [];
  readonly #errors: SocketErrorRecord[] = [];
  /** Which record an error object belongs to, so a crash with that very object marks it unhandled. */
  readonly #errorObjects = new WeakMap<object, number>();
  readonly #fates: ProcessFate[] = [];
  #frozenTrace: readonly TraceEvent[] | null = null;
  /** Most events the trace keeps (the run's limits); past it events are counted, not kept. */
  traceLimit = Infinity;
  /** Events left out because the trace was full. */
  traceDropped = 0;

  constructor(clock: { readonly now: number }) {
    this.#store = new TraceStore(clock);
  }

  /** The shared frozen endpoint for ip:port (ip as a 32-bit number). */
  endpoint(ip: number, port: number): Endpoint {
    return this.#store.endpointOf(this.#store.endpointId(ip, port));
  }

  record(input: TraceInput): void {
    if (this.#store.length >= this.traceLimit) return void this.traceDropped++;
    this.#recorded(this.#store.add(input));
  }

  /** A TCP segment leaving a host (the hot path: no object is made unless someone is watching). */
  segment(seg: Segment, delivered: boolean): void {
    if (this.#store.length >= this.traceLimit) return void this.traceDropped++;
    this.#recorded(this.#store.segment(seg, delivered));
  }

  #recorded(index: number): void {
    this.#frozenTrace = null;
    if (this.#listeners.size === 0) return;
    const event = this.#event(index);
    for (const listener of this.#listeners) listener(event);
  }

  #event(index: number): TraceEvent {
    const handedOut = this.#handedOut;
    while (handedOut.length <= index) handedOut.push(this.#store.event(handedOut.length));
    return handedOut[index]!;
  }

  subscribe(listener: (event: TraceEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A frozen copy (events are themselves frozen, so sharing them is safe). */
  trace(): readonly TraceEvent[] {
    if (this.#frozenTrace) return this.#frozenTrace;
    const length = this.#store.length;
    if (length > 0) this.#event(length - 1);
    return (this.#frozenTrace = Object.freeze(this.#handedOut.slice(0, length)));
  }

  traceLength(): number {
    return this.#store.length;
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

  /** An error given to a program; `thrown` is the object the program receives. */
  error(record: SocketErrorRecord, thrown?: object): void {
    if (thrown) this.#errorObjects.set(thrown, this.#errors.length);
    this.#errors.push(Object.freeze(record));
  }

  /** A process died of `thrown`: if it is an error netsim gave it, that error was not handled. */
  unhandled(thrown: unknown): void {
    if ((typeof thrown !== 'object' && typeof thrown !== 'function') || thrown === null) return;
    const index = this.#errorObjects.get(thrown);
    if (index === undefined) return;
    this.#errors[index] = Object.freeze({ ...this.#errors[index]!, handled: false });
  }

  /** A process ended: it exited (`process.exit`) or crashed (an uncaught exception). */
  processEnded(fate: ProcessFate): void {
    this.#fates.push(Object.freeze({ ...fate }));
  }

  /** How processes ended, in order; a process still running has no entry. */
  fates(): ProcessFate[] {
    return this.#fates.slice();
  }

  errors(): SocketErrorRecord[] {
    return this.#errors.slice();
  }
}
