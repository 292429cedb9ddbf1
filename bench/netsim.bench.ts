/**
 * How fast netsim is, next to Node's real sockets on 127.0.0.1 in the same run. Prints a table; asserts only
 * that the work was done (every round trip, every byte, every connection), never how long it took.
 * Run with `npm run bench` (the bench project passes --expose-gc for the heap figure).
 */
import * as realNet from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createNetwork } from '../src/lib/netsim/index';
import type { Network } from '../src/lib/netsim/api';
import { bulkTransfer, echoRoundTrips, manyConnections, type NetModule } from './workloads';

const ECHO_ROUND_TRIPS_SIM = 100_000;
const ECHO_ROUND_TRIPS_REAL = 20_000;
const ECHO_BYTES = 16;
const BULK_BYTES = 64 * 1024 * 1024;
const BULK_CHUNK = 64 * 1024;
const CONNECTIONS = 10_000;

interface Row {
  figure: string;
  netsim: string;
  node: string;
  ratio: string;
  target: string;
}
const rows: Row[] = [];

function freshNetsim(): { network: Network; net: NetModule } {
  const network = createNetwork({ version: 1, hosts: [{ name: 'solo', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24 }] }] }, { seed: 1 });
  const process = network.spawn('solo', 'node');
  return { network, net: process.modules['node:net'] as NetModule };
}

/** Runs a callback-style workload on netsim to the end; returns its result and the wall time. */
function onNetsim<T>(start: (net: NetModule, done: (result: T) => void) => void): { result: T; ms: number } {
  const { network, net } = freshNetsim();
  let result: T | undefined;
  const started = performance.now();
  start(net, (value) => (result = value));
  network.runUntilIdle({ maxEvents: 1e9 });
  const ms = performance.now() - started;
  if (result === undefined) throw new Error('the workload did not finish on netsim');
  return { result, ms };
}

async function onNode<T>(start: (net: NetModule, done: (result: T) => void) => void): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await new Promise<T>((resolve) => start(realNet, resolve));
  return { result, ms: performance.now() - started };
}

const perSecond = (count: number, ms: number) => (count / ms) * 1000;
const format = (value: number, unit: string) => `${value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(1)} ${unit}`;

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('heap figures need --expose-gc (the bench project in vitest.config.ts passes it)');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('netsim benchmark', () => {
  afterAll(() => {
    const header: Row = { figure: 'figure', netsim: 'netsim', node: 'node (real)', ratio: 'ratio', target: 'target' };
    const keys = Object.keys(header) as (keyof Row)[];
    const widths = keys.map((key) => Math.max(...[header, ...rows].map((row) => row[key].length)));
    const line = (row: Row) => keys.map((key, i) => row[key].padEnd(widths[i]!)).join(' │ ');
    console.log(['', line(header), ...rows.map(line)].join('\n'));
  });

  it(`echo: ${ECHO_BYTES}-byte round trips per second`, async () => {
    const sim = onNetsim<number>((net, done) => echoRoundTrips(net, ECHO_ROUND_TRIPS_SIM, ECHO_BYTES, done));
    const real = await onNode<number>((net, done) => echoRoundTrips(net, ECHO_ROUND_TRIPS_REAL, ECHO_BYTES, done));
    expect(sim.result).toBe(ECHO_ROUND_TRIPS_SIM);
    expect(real.result).toBe(ECHO_ROUND_TRIPS_REAL);
    const simRate = perSecond(sim.result, sim.ms);
    const realRate = perSecond(real.result, real.ms);
    rows.push({ figure: 'echo round trips/s', netsim: format(simRate, '/s'), node: format(realRate, '/s'), ratio: `${(simRate / realRate).toFixed(1)}×`, target: '≥ 20×' });
  });

  it(`bulk: ${BULK_BYTES / 2 ** 20} MB in ${BULK_CHUNK / 1024} KiB writes`, async () => {
    const sim = onNetsim<number>((net, done) => bulkTransfer(net, BULK_BYTES, BULK_CHUNK, done));
    const real = await onNode<number>((net, done) => bulkTransfer(net, BULK_BYTES, BULK_CHUNK, done));
    expect(sim.result).toBe(BULK_BYTES);
    expect(real.result).toBe(BULK_BYTES);
    const simRate = BULK_BYTES / 2 ** 20 / (sim.ms / 1000);
    const realRate = BULK_BYTES / 2 ** 20 / (real.ms / 1000);
    rows.push({ figure: 'bulk MB/s', netsim: format(simRate, 'MB/s'), node: format(realRate, 'MB/s'), ratio: `${(simRate / realRate).toFixed(2)}×`, target: '—' });
  });

  it(`${CONNECTIONS.toLocaleString('en')} concurrent connections to one server (default backlog)`, () => {
    const before = heapUsed();
    const { network, net } = freshNetsim();
    let outcome: { connected: number; failures: Record<string, number>; sockets: unknown[] } | undefined;
    const started = performance.now();
    manyConnections(net, CONNECTIONS, (result) => (outcome = result));
    network.runUntilIdle({ maxEvents: 1e9 });
    const ms = performance.now() - started;
    const heapMb = (heapUsed() - before) / 2 ** 20;
    expect(outcome?.failures).toEqual({});
    expect(outcome?.connected).toBe(CONNECTIONS);
    expect(outcome?.sockets).toHaveLength(CONNECTIONS);
    expect(network.sockets().filter((row) => row.state === 'ESTABLISHED')).toHaveLength(2 * CONNECTIONS);
    rows.push({ figure: `${CONNECTIONS} connections: wall`, netsim: format(ms, 'ms'), node: '—', ratio: '—', target: '≤ 1000 ms' });
    rows.push({ figure: `${CONNECTIONS} connections: heap`, netsim: format(heapMb, 'MB'), node: '—', ratio: '—', target: '≤ 50 MB' });
  });
});
