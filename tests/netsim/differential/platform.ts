/**
 * What a differential scenario runs against: either Node's real sockets on 127.0.0.1, or netsim. The
 * scenario only sees this interface, so the same code runs on both and the two observations can be compared.
 */
import type * as NodeNet from 'node:net';
import type * as NodeDgram from 'node:dgram';

export type NetModule = typeof NodeNet;
export type DgramModule = typeof NodeDgram;

export interface PlatformTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setImmediate(callback: () => void): unknown;
}

export interface Platform {
  readonly kind: 'node' | 'netsim';
  readonly net: NetModule;
  readonly dgram: DgramModule;
  readonly timers: PlatformTimers;
  /**
   * Resolves once everything already set in motion has been delivered (netsim: the network is idle; Node: a
   * loopback datagram sent now has come back, and the event loop has turned twice more).
   */
  settle(): Promise<void>;
  /** Milliseconds since the platform started: wall time on Node, virtual time on netsim. */
  now(): number;
}

/** A plain JSON value (no functions, no class instances): what a scenario returns, compared with `toEqual`. */
export type Observation = unknown;

/** One behaviour, named like Node's own tests (`server-close-waits-for-connections`). */
export interface Scenario {
  name: string;
  run(platform: Platform): Promise<Observation>;
}
