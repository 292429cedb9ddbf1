/**
 * netsim against two real Linux hosts: `laptop` (10.0.0.10/24) and `web` (10.0.0.2/24) as network namespaces
 * joined by a veth pair, compared with the same two hosts on netsim. Needs root and `ip` (CI has both); without
 * them the suite is skipped with a line saying why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetwork } from '../../../src/lib/netsim/index';
import type { TopologySpec } from '../../../src/lib/netsim/types';
import { expectStillDiffers, pendingOnNetsim } from './pending';
import type { NetModule, Observation } from './platform';
import { childProgram, programCommand } from './real-platform';
import { driveNetwork, simProgram } from './sim-platform';
import { createTwoHosts, inHost, startRole, twoHostSkipReason, type TwoHosts } from './two-host/namespaces';
import { twoHostProgramScenarios, type HostName, type TwoHostProgramScenario } from './two-host/program-scenarios';
import { connectOnce, LAPTOP, startServer, twoHostScenarios, WEB, type AcceptedConnection, type TwoHostScenario } from './two-host/roles';
import { SCENARIO_TIMEOUT_MS } from './platform';

const TWO_HOSTS: TopologySpec = {
  version: 1,
  hosts: [
    { name: LAPTOP.name, nics: [{ name: 'eth0', ip: LAPTOP.ip, prefix: LAPTOP.prefix }] },
    { name: WEB.name, nics: [{ name: 'eth0', ip: WEB.ip, prefix: WEB.prefix }] },
  ],
};

interface TwoHostObservation {
  client: unknown;
  accepted: unknown[];
}

async function onLinux(hosts: TwoHosts, index: number): Promise<TwoHostObservation> {
  const scenario = twoHostScenarios[index]!;
  const server = scenario.server === null ? undefined : startRole(hosts.web, 'server', index);
  try {
    if (server !== undefined) expect(await server.firstLine).toEqual({ ready: true });
    const client = startRole(hosts.laptop, 'client', index);
    const { observation } = (await client.firstLine) as { observation: unknown };
    await client.stop();
    const accepted = (server?.lines ?? []).slice(1).map((line) => (line as { accepted: unknown }).accepted);
    return { client: observation, accepted };
  } finally {
    await server?.stop();
  }
}

async function onNetsim(scenario: TwoHostScenario): Promise<TwoHostObservation> {
  const network = createNetwork(TWO_HOSTS, { seed: 1 });
  const web = network.spawn(WEB.name, 'node');
  const laptop = network.spawn(LAPTOP.name, 'node');
  let uncaught: unknown;
  for (const process of [web, laptop]) process.onUncaughtException((error) => (uncaught ??= error));
  const accepted: AcceptedConnection[] = [];
  return driveNetwork(
    network,
    async () => {
      const server = scenario.server === null ? undefined : await startServer(web.modules['node:net'] as NetModule, scenario.server, (connection) => accepted.push(connection));
      const client = await connectOnce(laptop.modules['node:net'] as NetModule, scenario.connectTo, { now: () => network.now });
      await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
      return { client, accepted };
    },
    scenario.name,
    () => uncaught,
  );
}

/** A program scenario on the two namespaces: each program runs as its host, in its namespace. */
function programsOnLinux(hosts: TwoHosts, scenario: TwoHostProgramScenario): Promise<Observation> {
  return scenario.run({
    program: (host: HostName, name, args = []) => childProgram(inHost(hosts[host], host, programCommand(name, args))),
  });
}

/** The same scenario on netsim's two hosts, each program a process spawned on its host. */
function programsOnNetsim(scenario: TwoHostProgramScenario): Promise<Observation> {
  const network = createNetwork(TWO_HOSTS, { seed: 1 });
  return driveNetwork(network, (whenIdle) => scenario.run({
    program: (host: HostName, name, args = []) => simProgram(network, host, name, args, whenIdle),
  }), scenario.name);
}

const skipReason = twoHostSkipReason();
if (skipReason !== undefined) console.warn(skipReason);

describe.skipIf(skipReason !== undefined)('netsim observes what two real Linux hosts observe (laptop → web)', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  let hosts: TwoHosts | undefined;
  beforeAll(() => {
    hosts = createTwoHosts();
  });
  afterAll(() => hosts?.teardown());

  it.each(twoHostScenarios.map((scenario, index) => [scenario.name, index] as const))('%s', async (_name, index) => {
    if (hosts === undefined) throw new Error('the namespaces were not created (see the error of beforeAll)');
    const real = await onLinux(hosts, index);
    const scenario = twoHostScenarios[index]!;
    if (scenario.name in pendingOnNetsim) await expectStillDiffers(() => onNetsim(scenario), real);
    else expect(await onNetsim(scenario)).toEqual(real);
  }, 20_000);
});


describe.skipIf(skipReason !== undefined)('programs on two real Linux hosts: deterministic there, and what netsim observes', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  let hosts: TwoHosts | undefined;
  beforeAll(() => {
    hosts = createTwoHosts();
  });
  afterAll(() => hosts?.teardown());

  it.each(twoHostProgramScenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (name, scenario) => {
    if (hosts === undefined) throw new Error('the namespaces were not created (see the error of beforeAll)');
    const real = await programsOnLinux(hosts, scenario);
    // The reference side must be deterministic (as node-baseline checks for single-host scenarios).
    expect(await programsOnLinux(hosts, scenario), 'two runs on Linux differ').toEqual(real);
    if (process.env.DIFFERENTIAL_PRINT) console.log(name, JSON.stringify(real, null, 1));
    if (name in pendingOnNetsim) await expectStillDiffers(() => programsOnNetsim(scenario), real);
    else expect(await programsOnNetsim(scenario)).toEqual(real);
  }, 20_000);
});
