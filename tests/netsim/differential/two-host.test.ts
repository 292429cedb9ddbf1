/**
 * netsim against two real Linux hosts: `laptop` (10.0.0.10/24) and `web` (10.0.0.2/24) as network namespaces
 * joined by a veth pair, compared with the same two hosts on netsim. Needs root (CI has it); without it the
 * suite fails and says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetwork } from '../../../src/lib/netsim/index';
import type { TopologySpec } from '../../../src/lib/netsim/types';
import type { NetModule } from './platform';
import { driveNetwork } from './sim-platform';
import { createTwoHosts, startRole, type TwoHosts } from './two-host/namespaces';
import { connectOnce, LAPTOP, startServer, twoHostScenarios, WEB, type AcceptedConnection, type TwoHostScenario } from './two-host/roles';

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

describe('netsim observes what two real Linux hosts observe (laptop → web)', () => {
  let hosts: TwoHosts | undefined;
  beforeAll(() => {
    hosts = createTwoHosts();
  });
  afterAll(() => hosts?.teardown());

  it.each(twoHostScenarios.map((scenario, index) => [scenario.name, index] as const))('%s', async (_name, index) => {
    if (hosts === undefined) throw new Error('the namespaces were not created (see the error of beforeAll)');
    const real = await onLinux(hosts, index);
    const simulated = await onNetsim(twoHostScenarios[index]!);
    expect(simulated).toEqual(real);
  }, 20_000);
});

