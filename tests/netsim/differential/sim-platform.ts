/**
 * The platform under test: netsim. A scenario's promises only settle when the network delivers events, so
 * `runOnNetsim` drives the network while the scenario runs, and notices when the scenario waits for an event
 * that can never come.
 */
import { createNetwork } from '../../../src/lib/netsim/index';
import type { Network, NetProcess } from '../../../src/lib/netsim/api';
import type { RunAs, TopologySpec } from '../../../src/lib/netsim/types';
import type { DgramModule, NetModule, Observation, Platform, PlatformTimers, ProgramEnd, RunningProgram, Scenario } from './platform';
import { programs, type ProgramName } from './programs/index';
import type { ProgramModules } from './programs/types';

/** One host; scenarios use its loopback, as the Node side uses this machine's. */
export const ONE_HOST: TopologySpec = {
  version: 1,
  hosts: [{ name: 'solo', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24 }] }],
};

/** Virtual time after which a scenario is considered stuck (a TIME-WAIT is 60 s, SYN retries ≈ 127 s). */
const VIRTUAL_LIMIT_MS = 300_000;
/** Idle network and no progress after this many turns of the host's event loop: the scenario is stuck. */
const IDLE_TURNS = 20;

const hostTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A module of the process, by its `node:` name. A module netsim does not offer yet fails when the scenario
 * first touches it, with a sentence naming it (issue 8 adds `node:stream`, `node:readline`, `node:os`…).
 */
function moduleOf<T>(process: NetProcess, name: string): T {
  const modules = process.modules;
  if (!Object.prototype.hasOwnProperty.call(modules, name)) {
    throw new Error(`netsim's process offers no '${name}' module (it has ${Object.keys(modules).filter((key) => key.startsWith('node:')).join(', ')})`);
  }
  return modules[name] as T;
}

/** The modules a program imports, each looked up when first used (so a missing one names itself). */
function programModules(process: NetProcess): ProgramModules {
  const lookup = (key: keyof ProgramModules) => () => moduleOf(process, `node:${key}`);
  const modules = {} as ProgramModules;
  for (const key of ['net', 'dgram', 'stream', 'readline', 'os', 'dns', 'util', 'buffer', 'timers', 'process'] as const) {
    Object.defineProperty(modules, key, { get: lookup(key), enumerable: true });
  }
  return modules;
}

/**
 * A program as a netsim process on `host`: what it writes to stdout/stderr is collected; it has ended once
 * the network is idle (nothing it could still do) or once it exited. Its exit code is netsim's record of
 * how it ended (`process.exit(code)`, 1 after a crash), else its `process.exitCode ?? 0`.
 */
export function simProgram(network: Network, host: string, name: ProgramName, args: readonly string[], whenIdle: () => Promise<void>): RunningProgram {
  const output = { stdout: '', stderr: '' };
  const process = network.spawn(host, name, { file: `${name}.js`, output: { write: (stream, text) => (output[stream] += text) } });
  // An uncaught exception: Node prints it to stderr and exits with code 1. Printing is the runner's part
  // (netsim hands the error over), so the harness prints it, as the runner does for a learner's program.
  const crash = (error: unknown) => {
    if (process.exited) return; // process.exit() unwinding the program's code, not a crash
    output.stderr += `${error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)}\n`;
    process.crash(error);
  };
  process.onUncaughtException(crash);
  const modules = programModules(process);
  process.enter(() => {
    try {
      const running = programs[name](modules, args);
      if (running instanceof Promise) running.catch(crash);
    } catch (error) {
      crash(error);
    }
  });
  return {
    async ended(): Promise<ProgramEnd> {
      await whenIdle();
      const fate = network.fates().find((entry) => entry.host === host && entry.pid === process.pid);
      const exitCode = moduleOf<{ exitCode?: number | string }>(process, 'node:process').exitCode;
      return { code: fate?.code ?? Number(exitCode ?? 0), ...output };
    },
  };
}

export function simPlatform(network: Network, process: NetProcess, whenIdle: () => Promise<void>): Platform {
  const timers = process.timers;
  const platformTimers: PlatformTimers = {
    setTimeout: (callback, ms) => timers.setTimeout(callback, ms),
    clearTimeout: (handle) => timers.clearTimeout(handle),
    setImmediate: (callback) => timers.setImmediate(callback),
  };
  return {
    kind: 'netsim',
    net: process.modules['node:net'] as NetModule,
    dgram: process.modules['node:dgram'] as DgramModule,
    get stream() {
      return moduleOf<Platform['stream']>(process, 'node:stream');
    },
    get readline() {
      return moduleOf<Platform['readline']>(process, 'node:readline');
    },
    get dns() {
      return moduleOf<Platform['dns']>(process, 'node:dns');
    },
    get util() {
      return moduleOf<Platform['util']>(process, 'node:util');
    },
    timers: platformTimers,
    settle: whenIdle,
    now: () => network.now,
    program: (name, args = []) => simProgram(network, process.host, name, args, whenIdle),
  };
}

/** Runs `body` with the network driven underneath it; rejects if the body throws or waits forever. */
export async function driveNetwork<T>(
  network: Network,
  body: (whenIdle: () => Promise<void>) => Promise<T>,
  label: string,
  uncaught: () => unknown = () => undefined,
): Promise<T> {
  const idleWaiters: (() => void)[] = [];
  const whenIdle = () => new Promise<void>((resolve) => idleWaiters.push(resolve));
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  body(whenIdle).then(
    (value) => (outcome = { ok: true, value }),
    (error: unknown) => (outcome = { ok: false, error }),
  );
  let idleTurns = 0;
  while (outcome === undefined) {
    await network.run({ untilVirtualMs: VIRTUAL_LIMIT_MS });
    await hostTurn();
    if (uncaught() !== undefined) throw uncaught();
    if (outcome !== undefined) break;
    if (network.now >= VIRTUAL_LIMIT_MS) {
      throw new Error(`${label} on netsim has not finished after ${VIRTUAL_LIMIT_MS} virtual ms`);
    }
    if (network.pending() > 0) {
      idleTurns = 0;
    } else if (idleWaiters.length > 0) {
      idleWaiters.splice(0).forEach((resolve) => resolve());
      idleTurns = 0;
    } else if (++idleTurns > IDLE_TURNS) {
      throw new Error(`${label} on netsim is waiting for an event that never comes (network idle at ${network.now} virtual ms)`);
    }
  }
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/**
 * Runs a scenario on a fresh one-host network, in one process (root unless `runAs` says otherwise, as the
 * reference side runs), failing on an uncaught exception.
 */
export async function runOnNetsim(scenario: Scenario, topology: TopologySpec = ONE_HOST, runAs: RunAs = 'root'): Promise<Observation> {
  const network = createNetwork(topology, { seed: 1 });
  const process = network.spawn(topology.hosts[0]!.name, 'node', { runAs });
  // The scenario's own code plays a test runner's process: it must not end because its sockets did.
  process.keepAlive();
  let uncaught: unknown;
  process.onUncaughtException((error) => (uncaught ??= error));
  return driveNetwork(network, (whenIdle) => scenario.run(simPlatform(network, process, whenIdle)), scenario.name, () => uncaught);
}
