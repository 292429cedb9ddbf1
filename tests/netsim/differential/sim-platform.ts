/**
 * The platform under test: netsim. A scenario's promises only settle when the network delivers events, so
 * `runOnNetsim` drives the network while the scenario runs, and notices when the scenario waits for an event
 * that can never come.
 */
import { createNetwork } from '../../../src/lib/netsim/index';
import type { Network, NetProcess } from '../../../src/lib/netsim/api';
import type { TopologySpec } from '../../../src/lib/netsim/types';
import type { DgramModule, NetModule, Observation, Platform, PlatformTimers, Scenario } from './platform';

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
    timers: platformTimers,
    settle: whenIdle,
    now: () => network.now,
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

/** Runs a scenario on a fresh one-host network, in one process, failing on an uncaught exception. */
export async function runOnNetsim(scenario: Scenario, topology: TopologySpec = ONE_HOST): Promise<Observation> {
  const network = createNetwork(topology, { seed: 1 });
  const process = network.spawn(topology.hosts[0]!.name, 'node');
  let uncaught: unknown;
  process.onUncaughtException((error) => (uncaught ??= error));
  return driveNetwork(network, (whenIdle) => scenario.run(simPlatform(network, process, whenIdle)), scenario.name, () => uncaught);
}
