/**
 * What the views know about the network of the current run, kept up to date from the runner's events:
 * the hosts ('network'), the socket table ('sockets'), the trace as it streams in ('trace'), and the
 * run's final record ('done'), which is authoritative.
 */
import type { HostView, SocketRow, TraceEvent } from '../../lib/netsim/types';
import type { RunnerEvent, RunnerLink } from '../../lib/runner/protocol';

export interface NetworkState {
  runId: number | null;
  hosts: HostView[];
  sockets: SocketRow[];
  trace: TraceEvent[];
  /** Virtual time of the last socket table, in ms. */
  at: number;
  finished: boolean;
}

export type StateListener = (state: NetworkState) => void;

export class NetworkStore {
  #state: NetworkState = { runId: null, hosts: [], sockets: [], trace: [], at: 0, finished: false };
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
    const state = this.#state;
    switch (event.type) {
      case 'network':
        // A new run: a new network, nothing observed yet.
        this.#update({ runId: event.runId, hosts: event.hosts, sockets: [], trace: [], at: 0, finished: false });
        return;
      case 'trace':
        if (!this.#current(event.runId)) return;
        this.#update({ ...state, trace: [...state.trace, ...event.events] });
        return;
      case 'sockets':
        if (!this.#current(event.runId)) return;
        this.#update({ ...state, sockets: event.rows, at: event.at });
        return;
      case 'done': {
        if (!this.#current(event.runId)) return;
        const { record } = event;
        this.#update({ runId: event.runId, hosts: record.hosts, sockets: record.sockets, trace: record.trace, at: record.endedAt, finished: true });
        return;
      }
      case 'network-reset':
        this.#update({ runId: null, hosts: [], sockets: [], trace: [], at: 0, finished: false });
        return;
      case 'ready':
      case 'console':
      case 'console-capped':
      case 'shell-output':
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
