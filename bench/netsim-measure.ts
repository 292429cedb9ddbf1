/**
 * One measurement, in a process of its own: `node --expose-gc measure.mjs <workload> <netsim|node>` runs a
 * warm-up, collects garbage, runs the workload timed, and prints `{ result, ms, heapMb }` as one JSON line.
 * netsim.bench.ts bundles this file (with netsim and the workloads) and spawns it once per measurement.
 */
import * as realNet from 'node:net';
import { createNetwork, sharedLibraries } from '../src/lib/netsim/index';
import { hardenLibraries, lockdown } from '../src/lib/runner/lockdown';
import { bulkTransfer, echoRoundTrips, manyConnections, type NetModule } from './workloads';

/** About a second of work on each side, so that a busy machine's interruptions average out. */
export const ECHO_ROUND_TRIPS = { netsim: 1_000_000, 'netsim-locked': 1_000_000, node: 50_000 } as const;
export const ECHO_BYTES = 16;
export const BULK_BYTES = 64 * 1024 * 1024;
export const BULK_CHUNK = 64 * 1024;
export const CONNECTIONS = 10_000;

/** `netsim-locked`: netsim in a realm locked down as the browser's worker is (lockdown + hardenLibraries). */
export type Side = 'netsim' | 'netsim-locked' | 'node';
export type WorkloadName = 'echo' | 'bulk' | 'connections';
export interface Measurement {
  result: unknown;
  ms: number;
  /** CPU time (user + system) the process spent in the timed run: on a shared machine, the steadier figure. */
  cpuMs: number;
  /** Heap kept by the workload's network and sockets (connections only). */
  heapMb: number | null;
}

type Start<T> = (net: NetModule, done: (result: T) => void) => void;
type Timed<T> = { result: T; ms: number; cpuMs: number };

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function freshNetsim() {
  // 20,000 sockets for the connections workload: past a learner's run limit (5,000), which is not what it measures.
  const limits = { sockets: 3 * CONNECTIONS };
  const network = createNetwork({ version: 1, hosts: [{ name: 'solo', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24 }] }] }, { seed: 1, limits });
  return { network, net: network.spawn('solo', 'node').modules['node:net'] as NetModule };
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc: each measurement starts from a collected heap');
  gc();
  gc();
}

/** Runs a workload to the end on a fresh netsim network. */
function onNetsim<T>(start: Start<T>): Promise<Timed<T>> {
  const { network, net } = freshNetsim();
  let result: T | undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  start(net, (value) => (result = value));
  network.runUntilIdle({ maxEvents: 1e9 });
  const ms = performance.now() - started;
  const cpuMs = cpuSince(cpu);
  if (result === undefined) return Promise.reject(new Error('the workload did not finish on netsim'));
  return Promise.resolve({ result, ms, cpuMs });
}

/** Runs a workload to the end on Node's real sockets (127.0.0.1). */
async function onNode<T>(start: Start<T>): Promise<Timed<T>> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await new Promise<T>((resolve) => start(realNet, resolve));
  return { result, ms: performance.now() - started, cpuMs: cpuSince(cpu) };
}

/** Warm-up (a tenth of the work, untimed), a collected heap, then the timed run. */
async function warmThenMeasure<T>(side: Side, warmUp: Start<T>, timed: Start<T>): Promise<Measurement> {
  if (side === 'netsim-locked') {
    lockdown({ hostGlobals: false });
    hardenLibraries(sharedLibraries());
  }
  const run = side === 'node' ? onNode : onNetsim;
  await run(warmUp);
  collectGarbage();
  const { result, ms, cpuMs } = await run(timed);
  return { result, ms, cpuMs, heapMb: null };
}

/** Connections on netsim: a warm-up on its own network, dropped and collected before the heap is read. */
function connections(): Measurement {
  const warmUp = freshNetsim();
  manyConnections(warmUp.net, CONNECTIONS / 10, () => {});
  warmUp.network.runUntilIdle({ maxEvents: 1e9 });
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const { network, net } = freshNetsim();
  let outcome: { connected: number; failures: Record<string, number>; sockets: unknown[] } | undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  manyConnections(net, CONNECTIONS, (result) => (outcome = result));
  network.runUntilIdle({ maxEvents: 1e9 });
  const ms = performance.now() - started;
  const cpuMs = cpuSince(cpu);
  collectGarbage();
  const heapMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  const established = network.sockets().filter((row) => row.state === 'ESTABLISHED').length;
  const result = { connected: outcome?.connected, failures: outcome?.failures, sockets: outcome?.sockets.length, established };
  return { result, ms, cpuMs, heapMb };
}

export async function measure(workload: WorkloadName, side: Side): Promise<Measurement> {
  switch (workload) {
    case 'echo': {
      const count = ECHO_ROUND_TRIPS[side];
      return warmThenMeasure<number>(
        side,
        (net, done) => echoRoundTrips(net, count / 10, ECHO_BYTES, done),
        (net, done) => echoRoundTrips(net, count, ECHO_BYTES, done),
      );
    }
    case 'bulk':
      return warmThenMeasure<number>(
        side,
        (net, done) => bulkTransfer(net, BULK_BYTES / 8, BULK_CHUNK, done),
        (net, done) => bulkTransfer(net, BULK_BYTES, BULK_CHUNK, done),
      );
    case 'connections':
      if (side !== 'netsim') throw new Error('the connections workload runs on plain netsim only');
      return connections();
    default: {
      const never: never = workload;
      return never;
    }
  }
}

// Run as a script (the bundle): measure what the arguments name and print it.
const [workload, side] = process.argv.slice(2) as [WorkloadName | undefined, Side | undefined];
if (workload !== undefined && side !== undefined && process.env.NETSIM_MEASURE === '1') {
  measure(workload, side).then(
    (measurement) => console.log(JSON.stringify(measurement)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
