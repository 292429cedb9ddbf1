/**
 * A browser reports an unhandled rejection as a task of its own ('unhandledrejection'), after the run's
 * virtual clock has gone on: a program with nothing left to do has ended by then. Node would have crashed
 * it first, so the rejection is still the program's crash; a program that called exit() is past crashing.
 */
import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../src/lib/netsim/index';
import { Crashes } from '../../src/lib/runner/crashes';
import type { ConsoleLine } from '../../src/lib/runner/protocol';
import { program, twoHosts } from './helpers';

async function endedProcess(code: (modules: Record<string, unknown>) => void) {
  const network = createNetwork(twoHosts);
  const printed: Omit<ConsoleLine, 'at'>[] = [];
  const crashes = new Crashes([], (line) => printed.push(line));
  const process = network.spawn('web', 'node', { file: 'server.ts' });
  crashes.track(program('server.ts', ''), process);
  process.enter(() => code(process.modules));
  await network.run({ untilVirtualMs: 1000 });
  return { process, crashes, printed };
}

describe('a rejection reported after the program ended', () => {
  it('is the crash of a program that ran out of work, printed as Node prints it', async () => {
    const { process, crashes, printed } = await endedProcess(() => undefined);
    expect(process.exited).toBe(true);
    expect(process.endedIdle).toBe(true);
    crashes.rejection(new Error('nobody caught me'));
    expect(crashes.learnerError).toMatchObject({ message: 'nobody caught me', file: 'server.ts' });
    expect(printed.map((line) => line.text).join('\n')).toContain('Error: nobody caught me');
  });

  it('is nothing for a program that called process.exit()', async () => {
    const { process, crashes } = await endedProcess((modules) => {
      try {
        (modules.process as { exit(code?: number): void }).exit(0);
      } catch {
        // exit() unwinds the program's code with a marker
      }
    });
    expect(process.exited).toBe(true);
    expect(process.endedIdle).toBe(false);
    crashes.rejection(new Error('nobody caught me'));
    expect(crashes.learnerError).toBeUndefined();
  });
});
