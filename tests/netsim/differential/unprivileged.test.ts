/**
 * netsim against real Node for a program that runs as a normal user: ports below 1024 are refused with
 * EACCES, in exactly the words Node uses. The real side runs as uid 65534 (see `as-user.ts`).
 */
import { describe, expect, it } from 'vitest';
import { runAsNormalUser } from './as-user';
import { privilegedPortScenarios } from './scenarios/privileged';
import { ONE_HOST, runOnNetsim } from './sim-platform';
import { SCENARIO_TIMEOUT_MS } from './platform';

describe('netsim refuses a normal user the ports real Linux refuses', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it.each(privilegedPortScenarios.map((scenario, index) => [scenario.name, scenario, index] as const))('%s', async (_name, scenario, index) => {
    const real = await runAsNormalUser(index);
    expect(real.uid, 'the reference side must run as a normal user').not.toBe(0);
    const simulated = await runOnNetsim(scenario, ONE_HOST, 'user');
    expect(simulated).toEqual(real.observation);
  });
});
