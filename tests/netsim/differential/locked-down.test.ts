/**
 * The browser runs programs in a locked-down realm: intrinsics frozen (lockdown) and the Node libraries every
 * process shares frozen too (hardenLibraries). Freezing must change nothing a program observes, and above all
 * must not make library code throw (an instance assignment over a frozen prototype's property, the "override
 * mistake"). So every single-host scenario runs on netsim twice: before lockdown, then after it, in this
 * file's own process, and the two observations must be the same.
 */
import { describe, expect, it } from 'vitest';
import { sharedLibraries } from '../../../src/lib/netsim/index';
import { hardenLibraries, lockdown } from '../../../src/lib/runner/lockdown';
import { runOnNetsim } from './sim-platform';
import { singleHostScenarios } from './scenarios/index';
import { SCENARIO_TIMEOUT_MS } from './platform';

const before = new Map<string, unknown>();

describe('netsim observes the same before and after lockdown', { timeout: SCENARIO_TIMEOUT_MS }, () => {
  it('(every scenario, run once in an open realm)', async () => {
    for (const scenario of singleHostScenarios) before.set(scenario.name, await runOnNetsim(scenario).catch((error: unknown) => ({ threw: String(error), stack: (error as Error).stack?.split("\n").slice(0, 6).join(" | ") })));
    // vitest swaps setTimeout & co. between tests, so the host globals stay writable here (the worker locks them).
    lockdown({ hostGlobals: false });
    hardenLibraries(sharedLibraries());
    expect(Object.isFrozen(Array.prototype)).toBe(true);
  }, 120_000);

  it.each(singleHostScenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (name, scenario) => {
    const after = await runOnNetsim(scenario).catch((error: unknown) => ({ threw: String(error), stack: (error as Error).stack?.split("\n").slice(0, 6).join(" | ") }));
    expect(after).toEqual(before.get(name));
  });
});
