/**
 * netsim against real Node on one host: each scenario runs on Node's own sockets on 127.0.0.1 and on a
 * one-host netsim network, and must observe exactly the same thing.
 */
import { describe, expect, it } from 'vitest';
import { realPlatform } from './real-platform';
import { runOnNetsim } from './sim-platform';
import { singleHostScenarios } from './scenarios/index';

describe('netsim observes what real Node observes on 127.0.0.1', () => {
  it.each(singleHostScenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
    const real = await scenario.run(realPlatform());
    const simulated = await runOnNetsim(scenario);
    expect(simulated).toEqual(real);
  });
});
