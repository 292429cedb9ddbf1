/**
 * The views read a growing trace incrementally: each event once, the same answers as reading it whole. The
 * store keeps one growing array (never a copy per event) and says when it starts a new one; the diagram
 * draws a bounded number of sockets however many a program opens.
 */
import { describe, expect, it } from 'vitest';
import { NetworkStore } from '../../src/components/network/networkStore';
import type { RunnerEvent, RunnerLink } from '../../src/lib/runner/protocol';
import { PROTOCOL_VERSION, type RunRecord } from '../../src/lib/runner/protocol';
import type { SocketRow, TraceEvent } from '../../src/lib/netsim/types';
import { layoutDiagram, MAX_DOORS_PER_HOST } from '../../src/lib/views/diagramLayout';
import { ALL_PACKETS, filterRows, flowOptions } from '../../src/lib/views/packetFilter';
import { PacketList } from '../../src/lib/views/packetList';
import { packetRows } from '../../src/lib/views/packetRows';
import { echoTrace, establishedSockets, hosts } from './fixtures';

describe('the packet list, read as the trace grows', () => {
  it('gives the rows, options and filtered rows that reading the whole trace gives', () => {
    const list = new PacketList();
    for (let end = 0; end <= echoTrace.length; end += 3) list.extend(echoTrace.slice(0, end));
    list.extend(echoTrace);
    const whole = packetRows(echoTrace);
    expect(list.rows).toEqual(whole);
    expect(list.options()).toEqual(flowOptions(whole));
    const tcp = list.options()[1]!.value;
    list.choose(tcp);
    expect(list.visible).toEqual(filterRows(whole, tcp));
  });

  it('adds new packets of the chosen connection to what is shown, and says when a connection appears', () => {
    const list = new PacketList();
    expect(list.extend(echoTrace.slice(0, 6))).toBe(true); // the SYN: a first connection
    const tcp = list.options()[1]!.value;
    list.choose(tcp);
    const before = list.visible.length;
    expect(list.extend(echoTrace.slice(0, 12))).toBe(false);
    expect(list.visible.length).toBeGreaterThan(before);
    expect(list.visible.every((row) => row.flow.key === tcp)).toBe(true);
    list.choose('no such connection');
    expect(list.flow).toBe(ALL_PACKETS);
  });
});

/** A link the test drives by hand. */
function fakeLink(): RunnerLink & { emit(event: RunnerEvent): void } {
  const listeners = new Set<(event: RunnerEvent) => void>();
  return {
    send: () => undefined,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event) => listeners.forEach((listener) => listener(event)),
  };
}

const record = (trace: TraceEvent[]): RunRecord => ({
  version: PROTOCOL_VERSION,
  exerciseId: 'x',
  outcome: 'finished',
  console: [],
  trace,
  sockets: [],
  streams: [],
  errors: [],
  hosts,
  endedAt: 10,
  wallMs: 1,
});

describe('the network store', () => {
  it('grows one trace array as events stream in, and keeps it when the final record holds the same trace', () => {
    const link = fakeLink();
    const store = new NetworkStore(link);
    link.emit({ type: 'network', runId: 1, hosts });
    const first = store.state.trace;
    const epoch = store.state.traceEpoch;
    for (const event of echoTrace) link.emit({ type: 'trace', runId: 1, events: [event] });
    expect(store.state.trace).toBe(first);
    expect(store.state.trace).toHaveLength(echoTrace.length);
    link.emit({ type: 'done', runId: 1, record: record(structuredClone(echoTrace)) });
    expect(store.state.trace).toBe(first);
    expect(store.state.traceEpoch).toBe(epoch);
    expect(store.state.finished).toBe(true);
  });

  it('adds to the streamed trace the events that come only with the record (after the last live batch, or all of a short run)', () => {
    for (const streamedCount of [4, 0]) {
      const link = fakeLink();
      const store = new NetworkStore(link);
      link.emit({ type: 'network', runId: 1, hosts });
      const first = store.state.trace;
      const epoch = store.state.traceEpoch;
      if (streamedCount > 0) link.emit({ type: 'trace', runId: 1, events: echoTrace.slice(0, streamedCount) });
      link.emit({ type: 'done', runId: 1, record: record(structuredClone(echoTrace)) });
      expect(store.state.trace).toBe(first);
      expect(store.state.traceEpoch).toBe(epoch);
      expect(store.state.trace).toEqual(echoTrace);
    }
  });

  it('starts a new trace (a new epoch) when the record’s trace differs, and for a new run', () => {
    const link = fakeLink();
    const store = new NetworkStore(link);
    link.emit({ type: 'network', runId: 1, hosts });
    // What streamed is not the start of the record's trace (some of it was lost on the way).
    link.emit({ type: 'trace', runId: 1, events: [echoTrace[0]!, ...echoTrace.slice(2, 4)] });
    const epoch = store.state.traceEpoch;
    link.emit({ type: 'done', runId: 1, record: record(echoTrace) });
    expect(store.state.traceEpoch).toBe(epoch + 1);
    expect(store.state.trace).toEqual(echoTrace);
    link.emit({ type: 'network', runId: 2, hosts });
    expect(store.state.traceEpoch).toBe(epoch + 2);
    expect(store.state.trace).toEqual([]);
    // Late events of the old run change nothing.
    link.emit({ type: 'trace', runId: 1, events: echoTrace.slice(0, 2) });
    expect(store.state.trace).toEqual([]);
  });
});

describe('a diagram of a program with many sockets', () => {
  it(`draws at most ${MAX_DOORS_PER_HOST} listening or UDP sockets per host, those with connections first, and counts the rest`, () => {
    const udp: SocketRow[] = Array.from({ length: 1000 }, (_, i) => ({ ...establishedSockets[3]!, id: 100 + i, local: { ip: '0.0.0.0', port: 20_000 + i } }));
    const layout = layoutDiagram(hosts, [...establishedSockets, ...udp]);
    const doors = layout.slots.filter((slot) => slot.kind === 'door');
    expect(doors).toHaveLength(MAX_DOORS_PER_HOST);
    expect(doors.some((door) => door.endpoint.port === 7 && door.accepted.length === 1)).toBe(true);
    expect(layout.omittedDoors).toBe(1000 + 2 - MAX_DOORS_PER_HOST);
    expect(layout.wires).toHaveLength(1);
  });
});
