/**
 * The wires between hosts: how long a packet takes across each link, and in what order packets come out.
 *
 * Each hop takes the topology's latency, give or take a seeded jitter (uniform within ±jitterMs, as Linux's
 * `tc qdisc … netem delay 0.5ms 0.25ms` draws it), so concurrent clients' handshakes and data interleave as
 * they do on a real network, and the same seed draws the same delays. Unlike netem, each direction of each
 * link stays first in, first out: a cable does not reorder, and jitter only changes the spacing. (netsim's
 * TCP keeps no out-of-order queue either: a segment that overtook the one before it would be dropped.)
 * Loopback is not a link: it stays near-instant, as on Linux.
 */
import { Random } from './random';
import type { TopologySpec } from './types';

/** One-way latency of a link when the topology gives none (a switched LAN). */
export const DEFAULT_LATENCY_MS = 0.5;
/** Jitter when the topology gives none, as a fraction of the latency (0.5 ms ± 0.25 ms by default). */
export const DEFAULT_JITTER_RATIO = 0.5;

export interface LinkTiming {
  latencyMs: number;
  jitterMs: number;
}

/** The topology's link timing, validated; defaults for what it leaves out. Throws naming the problem. */
export function linkTiming(spec: Pick<TopologySpec, 'latencyMs' | 'jitterMs'>): LinkTiming {
  const latencyMs = spec.latencyMs ?? DEFAULT_LATENCY_MS;
  if (typeof latencyMs !== 'number' || !(latencyMs >= 0) || latencyMs === Infinity)
    throw new Error(`Invalid topology: latencyMs must be a number >= 0, got ${String(spec.latencyMs)}`);
  const jitterMs = spec.jitterMs ?? latencyMs * DEFAULT_JITTER_RATIO;
  if (typeof jitterMs !== 'number' || !(jitterMs >= 0) || jitterMs > latencyMs)
    throw new Error(
      `Invalid topology: jitterMs must be a number from 0 to latencyMs (${latencyMs}), got ${String(spec.jitterMs)}: a packet cannot arrive before it was sent`,
    );
  return { latencyMs, jitterMs };
}

/** One direction of one link: when the last packet put on it comes out, so that no later one overtakes it. */
export interface Wire {
  lastArrival: number;
}

export class Links {
  readonly #latency: number;
  readonly #jitter: number;
  /** Its own seeded stream, so drawing delays never shifts the ports and sequence numbers the seed gives. */
  readonly #random: Random;
  readonly #wires = new Map<number, Wire>();
  readonly #hostCount: number;

  constructor(timing: LinkTiming, seed: number, hostCount: number) {
    this.#latency = timing.latencyMs;
    this.#jitter = timing.jitterMs;
    this.#random = new Random((seed ^ 0x11a7e) >>> 0);
    this.#hostCount = hostCount;
  }

  /** The wire from host `from` to host `to` (host indices), the same object every time. */
  wire(from: number, to: number): Wire {
    const key = from * this.#hostCount + to;
    let wire = this.#wires.get(key);
    if (!wire) this.#wires.set(key, (wire = { lastArrival: 0 }));
    return wire;
  }

  /** When a packet put on `wires` now (hop after hop) comes out of the last one. */
  arrival(now: number, wires: readonly Wire[]): number {
    let at = now;
    for (const wire of wires) {
      at += this.#hopDelay();
      if (at < wire.lastArrival) at = wire.lastArrival; // the packet ahead of it on this wire comes out first
      wire.lastArrival = at;
    }
    return at;
  }

  #hopDelay(): number {
    if (this.#jitter === 0) return this.#latency;
    return this.#latency + (2 * this.#random.next() - 1) * this.#jitter;
  }
}
