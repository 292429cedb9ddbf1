/**
 * Scenarios netsim does not match yet, by full name, each with why. The suites still run them: real Node
 * must run each (and node-baseline must find it deterministic), and netsim must still fail or observe
 * something else — a scenario that starts to match fails its test until its line here is removed.
 */
import { expect } from 'vitest';
import type { Observation } from './platform';

/** One reason shared by several scenarios. */
function because(reason: string, ...names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, reason]));
}
export const pendingOnNetsim: Readonly<Record<string, string>> = {
  ...because(
    'programs: netsim has no node:process module and NetProcess reports no stdout/stderr yet (onOutput)',
    'process-stdout-stderr: write() to each stream, Buffers and encodings, the write callback',
    'process-argv-env: argv of a program run without arguments; env converts what is assigned to strings',
    "process-exit-code (exitCode): process.exitCode = 3 and returning ends with code 3; the 'exit' listener gets the code",
    "process-exit-code (exit-5): process.exit(5) ends with code 5 at once; the 'exit' listener gets the code",
    "process-exit-code (exitCode-then-exit): process.exit() without a code uses process.exitCode; the 'exit' listener gets the code",
    'process-exit-stops-everything: after exit() only the exit listeners run; queued callbacks and timers never do',
    'process-tick-order: sync code, then nextTicks, then promise microtasks, then immediates, then timers',
    'process-exit-closes-socket-fin: a program that exits after its write callback; the peer gets the bytes, then FIN',
    'process-exit-closes-socket-rst: exiting with unread bytes queued resets that connection; a read one ends with FIN',
    'process-exit-stops-interval: an interval that writes to a socket stops with the process',
    "process-exit-closes-server: exit closes the program's listening socket and its connections",
  ),
};

/** Passes while netsim throws or observes something other than real Node did. */
export async function expectStillDiffers(onNetsim: () => Promise<Observation>, real: Observation): Promise<void> {
  let simulated: Observation;
  try {
    simulated = await onNetsim();
  } catch {
    return; // still failing on netsim
  }
  expect(simulated, 'netsim now observes what real Node does: remove this scenario from pending.ts').not.toEqual(real);
}
