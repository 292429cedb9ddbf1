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
    "UDP SO_REUSEADDR: netsim's port table lets one socket hold a UDP port; Linux lets two with reuseAddr share it (and delivers a unicast datagram to one)",
    'dgram-reuse-addr: with reuseAddr two sockets bind one port; a datagram reaches exactly one of them',
  ),
  ...because(
    'reads: netsim hands each arriving segment to the socket at once from a 64 KiB receive buffer; Linux keeps more in a larger buffer and libuv reads 64 KiB at a time, so a reader that stops at its high-water mark leaves bytes in the kernel (and the exit sends RST)',
    'process-exit-closes-socket-rst: exiting with unread bytes queued resets that connection; a read one ends with FIN',
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
