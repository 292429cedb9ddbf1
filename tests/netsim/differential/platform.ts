/**
 * What a differential scenario runs against: either Node's real sockets on 127.0.0.1, or netsim. The
 * scenario only sees this interface, so the same code runs on both and the two observations can be compared.
 */
import type * as NodeNet from 'node:net';
import type * as NodeDgram from 'node:dgram';
import type * as NodeDns from 'node:dns';
import type * as NodeReadline from 'node:readline';
import type * as NodeStream from 'node:stream';
import type * as NodeUtil from 'node:util';
import type { ProgramName } from './programs/index';

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
  /** The other modules a scenario's own code uses (netsim: the process's `node:stream`… keys, issue 8). */
  readonly stream: typeof NodeStream;
  readonly readline: typeof NodeReadline;
  readonly dns: typeof NodeDns;
  readonly util: typeof NodeUtil;
  readonly timers: PlatformTimers;
  /**
   * Resolves once everything already set in motion has been delivered (netsim: the network is idle; Node: a
   * loopback datagram sent now has come back, and the event loop has turned twice more).
   */
  settle(): Promise<void>;
  /** Milliseconds since the platform started: wall time on Node, virtual time on netsim. */
  now(): number;
  /**
   * Starts a program of programs/index.ts as a separate process on this host (Node: a child `node`; netsim:
   * `network.spawn` on the same host). `args` reach it as its second parameter (netsim's spawn takes no argv).
   */
  program(name: ProgramName, args?: readonly string[]): RunningProgram;
}

/** A program started by `Platform.program`. */
export interface RunningProgram {
  /**
   * Resolves once the process has ended, with what it wrote and its exit code. Call it only once the scenario
   * has done everything the program waits for: on netsim, "ended" means nothing is left to happen.
   */
  ended(): Promise<ProgramEnd>;
}

export interface ProgramEnd {
  /** The exit code (Node: the child's; netsim: `process.exitCode ?? 0`, 1 after an uncaught exception). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A plain JSON value (no functions, no class instances): what a scenario returns, compared with `toEqual`. */
export type Observation = unknown;

/** One behaviour, named like Node's own tests (`server-close-waits-for-connections`). */
export interface Scenario {
  name: string;
  run(platform: Platform): Promise<Observation>;
}

/**
 * How long one scenario may take: real sockets (and child processes) on a machine shared by several test
 * runs can take seconds where they take milliseconds alone. How fast a scenario runs is not what it tests.
 */
export const SCENARIO_TIMEOUT_MS = 30_000;
