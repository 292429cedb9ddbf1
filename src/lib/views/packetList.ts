/**
 * What the packet view shows, kept up to date as the trace grows: every packet's row, the connections
 * (flows) with their packet counts, and the rows of the chosen connection. Each trace event is read once, so
 * a run of 100,000 packets costs no more per frame than a run of ten.
 */
import type { TraceEvent } from '../netsim/types';
import { ALL_PACKETS, type FlowOption, flowLabel } from './packetFilter';
import { PacketRowBuilder, type PacketFlow, type PacketRow } from './packetRows';

export class PacketList {
  #builder = new PacketRowBuilder();
  #flows = new Map<string, { flow: PacketFlow; packets: number }>();
  #flow = ALL_PACKETS;
  #chosen: PacketRow[] = [];
  #read = 0;

  /** Every packet so far, in trace order. */
  get rows(): readonly PacketRow[] {
    return this.#builder.rows;
  }

  /** The rows of the chosen connection (all of them when none is chosen). */
  get visible(): readonly PacketRow[] {
    return this.#flow === ALL_PACKETS ? this.#builder.rows : this.#chosen;
  }

  /** How many trace events have been read. */
  get read(): number {
    return this.#read;
  }

  get flow(): string {
    return this.#flow;
  }

  /**
   * Reads the events of `trace` not read yet (at most `limit` of them: a caller can spread a long trace over
   * several turns). Returns whether a new connection appeared.
   */
  extend(trace: readonly TraceEvent[], limit = Infinity): boolean {
    let newFlow = false;
    const end = Math.min(trace.length, this.#read + limit);
    for (; this.#read < end; this.#read++) {
      const row = this.#builder.add(trace[this.#read]!);
      if (!row) continue;
      const seen = this.#flows.get(row.flow.key);
      if (seen) seen.packets += 1;
      else {
        this.#flows.set(row.flow.key, { flow: row.flow, packets: 1 });
        newFlow = true;
      }
      if (row.flow.key === this.#flow) this.#chosen.push(row);
    }
    return newFlow;
  }

  /** Has a packet of this connection been read? */
  has(flowKey: string): boolean {
    return this.#flows.has(flowKey);
  }

  /** Chooses a connection by its key (or ALL_PACKETS); an unknown key means all packets. */
  choose(flowKey: string): void {
    this.#flow = this.#flows.has(flowKey) ? flowKey : ALL_PACKETS;
    this.#chosen = this.#flow === ALL_PACKETS ? [] : this.#builder.rows.filter((row) => row.flow.key === this.#flow);
  }

  /** "All packets", then one option per connection in the order they started, with their packet counts. */
  options(): FlowOption[] {
    const options: FlowOption[] = [{ value: ALL_PACKETS, label: `All packets (${this.#builder.rows.length})` }];
    for (const { flow, packets } of this.#flows.values()) options.push({ value: flow.key, label: flowLabel(flow, packets) });
    return options;
  }
}
