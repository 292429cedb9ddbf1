/**
 * netsim against real Node on one host: each scenario runs on Node's own sockets on 127.0.0.1 and on a
 * one-host netsim network, and must observe exactly the same thing. Scenarios listed in pending.ts are
 * expected to differ for now: their test fails once netsim matches, until the line in pending.ts goes.
 */
import { describe, expect, it } from 'vitest';
import { expectStillDiffers, pendingOnNetsim } from './pending';
import { realPlatform } from './real-platform';
import { runOnNetsim } from './sim-platform';
import { singleHostScenarios } from './scenarios/index';
import { twoHostProgramScenarios } from './two-host/program-scenarios';
import { twoHostScenarios } from './two-host/roles';
import { SCENARIO_TIMEOUT_MS } from './platform';

const matching = singleHostScenarios.filter((scenario) => !(scenario.name in pendingOnNetsim));
const pending = singleHostScenarios.filter((scenario) => scenario.name in pendingOnNetsim);

describe('netsim observes what real Node observes on 127.0.0.1', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it.each(matching.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
    const real = await scenario.run(realPlatform());
    const simulated = await runOnNetsim(scenario);
    expect(simulated).toEqual(real);
  });
});

describe.skipIf(pending.length === 0)('scenarios netsim does not match yet (pending.ts): real Node runs each, netsim must still differ', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it.each(pending.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
    const real = await scenario.run(realPlatform());
    await expectStillDiffers(() => runOnNetsim(scenario), real);
  });
});

describe('the scenario lists', () => {
  it('names every scenario once, and pending.ts names only scenarios that exist', () => {
    const names = [...singleHostScenarios, ...twoHostScenarios, ...twoHostProgramScenarios].map((scenario) => scenario.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i), 'duplicate scenario names').toEqual([]);
    expect(Object.keys(pendingOnNetsim).filter((name) => !names.includes(name)), 'pending.ts names unknown scenarios').toEqual([]);
  });
});
