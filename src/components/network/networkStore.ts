/**
 * What the views know about the network of the current run, kept up to date from the runner's events:
 * the hosts ('network'), the socket table ('sockets'), the trace as it streams in ('trace'), and the
 * run's final record ('done'), which is authoritative.
 *
 * The trace is one array that grows as events stream in (never copied: a run of 100,000 packets would
 * copy it 100,000 times); `traceEpoch` changes when it is replaced instead, so a view that reads it
 * incrementally knows to start over.
 */
import type { HostView, SocketRow, TraceEvent } from '../../lib/netsim/types';
import type { RunnerEvent, RunnerLink } from '../../lib/runner/protocol';

export interface NetworkState {
  runId: number | null;
  hosts: HostView[];
  sockets: SocketRow[];
  /** The trace so far. Within one epoch it only grows: read it, never change it. */
  trace: readonly TraceEvent[];
  /** Changes whenever `trace` is a new array rather than the old one grown. */
  traceEpoch: number;
  /** Virtual time of the last socket table, in ms. */
  at: number;
  finished: boolean;
}

export type StateListener = (state: NetworkState) => void;

export class NetworkStore {
  #trace: TraceEvent[] = [];
  #epoch = 0;
  #state: NetworkState = { runId: null, hosts: [], sockets: [], trace: this.#trace, traceEpoch: 0, at: 0, finished: false };
  #listeners = new Set<StateListener>();
  #unsubscribe: () => void;

  constructor(link: RunnerLink) {
    this.#unsubscribe = link.subscribe((event) => this.receive(event));
  }

  get state(): NetworkState {
    return this.#state;
  }

  subscribe(listener: StateListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  dispose(): void {
    this.#unsubscribe();
    this.#listeners.clear();
  }

  receive(event: RunnerEvent): void {
    switch (event.type) {
      case 'network':
        // A new run: a new network, nothing observed yet.
        this.#update({ runId: event.runId, hosts: event.hosts, sockets: [], ...this.#newTrace([]), at: 0, finished: false });
        return;
      case 'trace':
        if (!this.#current(event.runId)) return;
        for (const traced of event.events) this.#trace.push(traced);
        this.#update({ ...this.#state });
        return;
      case 'sockets':
        if (!this.#current(event.runId)) return;
        this.#update({ ...this.#state, sockets: event.rows, at: event.at });
        return;
      case 'done': {
        if (!this.#current(event.runId)) return;
        const { record } = event;
        // The record's trace continues the one that streamed in (the events after the last live batch come
        // only with the record), unless some of it was lost on the way: then it replaces it.
        const streamed = this.#trace;
        const continues = streamed.length <= record.trace.length && (streamed.length === 0 || streamed[streamed.length - 1]?.index === record.trace[streamed.length - 1]?.index);
        if (continues) for (let i = streamed.length; i < record.trace.length; i++) streamed.push(record.trace[i]!);
        const trace = continues ? { trace: streamed, traceEpoch: this.#epoch } : this.#newTrace(record.trace);
        this.#update({ runId: event.runId, hosts: record.hosts, sockets: record.sockets, ...trace, at: record.endedAt, finished: true });
        return;
      }
      case 'network-reset':
        this.#update({ runId: null, hosts: [], sockets: [], ...this.#newTrace([]), at: 0, finished: false });
        return;
      case 'ready':
      case 'console':
      case 'console-capped':
      case 'shell-output':
      case 'warmed':
        return;
      default: {
        const unknown: never = event;
        throw new Error(`NetworkStore: unknown runner event ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** Events of an older run (still in flight when a new one started) are ignored. */
  #current(runId: number): boolean {
    if (this.#state.runId === null) this.#state = { ...this.#state, runId };
    return this.#state.runId === runId;
  }

  #newTrace(events: readonly TraceEvent[]): Pick<NetworkState, 'trace' | 'traceEpoch'> {
    this.#trace = [...events];
    this.#epoch += 1;
    return { trace: this.#trace, traceEpoch: this.#epoch };
  }

  #update(next: NetworkState): void {
    this.#state = next;
    for (const listener of this.#listeners) listener(next);
  }
}

/** Calls `render` at most once per animation frame however many events arrive in between. */
export function frameScheduler(render: () => void): { schedule(): void; cancel(): void } {
  let pending = 0;
  return {
    schedule() {
      if (pending) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        render();
      });
    },
    cancel() {
      if (pending) cancelAnimationFrame(pending);
      pending = 0;
    },
  };
}
