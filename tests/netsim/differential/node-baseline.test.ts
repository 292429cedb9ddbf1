/**
 * The reference side checked on its own: every scenario, run twice on real Node, must observe the same thing.
 * If not, the scenario leaks a value the kernel chooses (a port, a chunk boundary) and cannot be compared.
 * `DIFFERENTIAL_PRINT=1` prints each observation.
 */
import { describe, expect, it } from 'vitest';
import { realPlatform } from './real-platform';
import { singleHostScenarios } from './scenarios/index';
import { SCENARIO_TIMEOUT_MS } from './platform';

describe('each scenario observes the same thing every time on real Node', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it.each(singleHostScenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
    const first = await scenario.run(realPlatform());
    const second = await scenario.run(realPlatform());
    if (process.env.DIFFERENTIAL_PRINT) console.log(scenario.name, JSON.stringify(first, null, 1));
    expect(second).toEqual(first);
  });
});
