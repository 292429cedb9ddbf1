/**
 * How fast netsim is, next to Node's real sockets on 127.0.0.1. Prints a table; asserts only that the work
 * was done (every round trip, every byte, every connection), never how long it took.
 * Run with `npm run bench`.
 *
 * How it measures, so that the figures are netsim's and not the harness's:
 * - netsim runs as it ships: bench/netsim-measure.ts, netsim and the workloads bundled into one ES module
 *   by esbuild (static bindings, as Vite bundles netsim for the browser). Under vitest's module runner every
 *   call across modules goes through an export getter, and the same echo ran about 35% slower there.
 * - Every measurement runs in a fresh `node --expose-gc` process: no heap, garbage or JIT state left over
 *   from another workload; real Node gets exactly the same treatment.
 * - Each run warms up on a tenth of the work, collects garbage, then times the full work.
 * - The echo is measured five times on each side (about a second each), alternating netsim and Node so that
 *   a busy machine slows both alike; the table shows the medians (and the range) and the ratio of the
 *   medians, by wall time and by the CPU time the process used (the steadier figure on a shared machine).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { nodeLibsEsbuild } from '../src/lib/build/node-libs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULK_BYTES, BULK_CHUNK, CONNECTIONS, ECHO_BYTES, ECHO_ROUND_TRIPS, type Measurement, type Side, type WorkloadName } from './netsim-measure';

const ECHO_ROUNDS = 5;

interface Row {
  figure: string;
  netsim: string;
  node: string;
  ratio: string;
  target: string;
}
const rows: Row[] = [];

let folder = '';
let bundle = '';

/** Runs one measurement in a new process (see the header) and returns what it printed. */
function measureApart(workload: WorkloadName, side: Side): Measurement {
  const output = execFileSync(process.execPath, ['--expose-gc', bundle, workload, side], {
    env: { ...process.env, NETSIM_MEASURE: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output.trim().split('\n').pop()!) as Measurement;
}

const perSecond = (count: number, ms: number) => (count / ms) * 1000;
const format = (value: number, unit: string) => `${value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(1)} ${unit}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const whole = (value: number) => Math.round(value).toLocaleString('en');
/** The median, then the range of the rounds. */
const spread = (values: number[], unit: string) => `${format(median(values), unit)} (${whole(Math.min(...values))}–${whole(Math.max(...values))})`;

describe('netsim benchmark', () => {
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'netsim-bench-'));
    bundle = join(folder, 'measure.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./netsim-measure.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      outfile: bundle,
      logLevel: 'warning',
      plugins: [nodeLibsEsbuild()],
    });
  });

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    const header: Row = { figure: 'figure', netsim: 'netsim', node: 'node (real)', ratio: 'ratio', target: 'target' };
    const keys = Object.keys(header) as (keyof Row)[];
    const widths = keys.map((key) => Math.max(...[header, ...rows].map((row) => row[key].length)));
    const line = (row: Row) => keys.map((key, i) => row[key].padEnd(widths[i]!)).join(' │ ');
    console.log(['', line(header), ...rows.map(line)].join('\n'));
  });

  it(`echo: ${ECHO_BYTES}-byte round trips per second (median of ${ECHO_ROUNDS}, each side in its own process)`, () => {
    const wall: Record<Side, number[]> = { netsim: [], 'netsim-locked': [], node: [] };
    const cpu: Record<Side, number[]> = { netsim: [], 'netsim-locked': [], node: [] };
    for (let round = 0; round < ECHO_ROUNDS; round++) {
      for (const side of ['netsim', 'netsim-locked', 'node'] as const) {
        const { result, ms, cpuMs } = measureApart('echo', side);
        expect(result).toBe(ECHO_ROUND_TRIPS[side]);
        wall[side].push(perSecond(result as number, ms));
        cpu[side].push(perSecond(result as number, cpuMs));
      }
    }
    const ratio = (rates: Record<Side, number[]>, side: Side = 'netsim') => `${(median(rates[side]) / median(rates.node)).toFixed(1)}×`;
    rows.push({ figure: 'echo round trips/s', netsim: spread(wall.netsim, '/s'), node: spread(wall.node, '/s'), ratio: ratio(wall), target: '≥ 10×' });
    rows.push({ figure: 'echo round trips/CPU-s', netsim: spread(cpu.netsim, '/s'), node: spread(cpu.node, '/s'), ratio: ratio(cpu), target: '—' });
    // As the browser's worker runs it: intrinsics and shared libraries frozen, prototypes' data properties accessors.
    rows.push({ figure: 'echo, locked down: round trips/CPU-s', netsim: spread(cpu['netsim-locked'], '/s'), node: spread(cpu.node, '/s'), ratio: ratio(cpu, 'netsim-locked'), target: '≥ 10×' });
  });

  it(`bulk: ${BULK_BYTES / 2 ** 20} MB in ${BULK_CHUNK / 1024} KiB writes`, () => {
    const sim = measureApart('bulk', 'netsim');
    const real = measureApart('bulk', 'node');
    expect(sim.result).toBe(BULK_BYTES);
    expect(real.result).toBe(BULK_BYTES);
    const simRate = BULK_BYTES / 2 ** 20 / (sim.ms / 1000);
    const realRate = BULK_BYTES / 2 ** 20 / (real.ms / 1000);
    rows.push({ figure: 'bulk MB/s', netsim: format(simRate, 'MB/s'), node: format(realRate, 'MB/s'), ratio: `${(simRate / realRate).toFixed(2)}×`, target: '—' });
  });

  it(`${CONNECTIONS.toLocaleString('en')} concurrent connections to one server (default backlog)`, () => {
    const { result, ms, heapMb } = measureApart('connections', 'netsim');
    expect(result).toEqual({ connected: CONNECTIONS, failures: {}, sockets: CONNECTIONS, established: 2 * CONNECTIONS });
    rows.push({ figure: `${CONNECTIONS} connections: wall`, netsim: format(ms, 'ms'), node: '—', ratio: '—', target: '≤ 1000 ms' });
    rows.push({ figure: `${CONNECTIONS} connections: heap`, netsim: format(heapMb!, 'MB'), node: '—', ratio: '—', target: '≤ 50 MB' });
  });
});
