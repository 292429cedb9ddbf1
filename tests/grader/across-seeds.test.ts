/**
 * One grading, several runs (one per seed): it passes only when every run passes, stops at the first run
 * that fails and shows that one, and the page's note says which run it was.
 */
import { describe, expect, it } from 'vitest';
import { gradeAcrossSeeds } from '../../src/lib/grader/across-seeds';
import type { Check } from '../../src/lib/grader/checks';
import { gradingSeeds } from '../../src/lib/exercise/seeds';
import { seedNote } from '../../src/components/exercise/results-view';
import type { RunRecord } from '../../src/lib/runner/protocol';
import { emptyRecord } from './records';

/** A check on what the record's program printed: passes for runs that printed hello. */
const printedHello: Check = { id: 'quiet', title: 'printed hello', kind: 'console-includes', file: 'server.ts', text: 'hello' };

function recordPrinting(text: string): RunRecord {
  return { ...emptyRecord(), console: [{ stream: 'log', text, at: 1, file: 'server.ts' }] };
}

describe('gradingSeeds', () => {
  it("starts with the exercise's seed, then gives distinct seeds, the same on every call", () => {
    const seeds = gradingSeeds(7);
    expect(seeds).toHaveLength(3);
    expect(seeds[0]).toBe(7);
    expect(new Set(seeds).size).toBe(3);
    expect(gradingSeeds(7)).toEqual(seeds);
    expect(gradingSeeds(8)).not.toEqual(seeds);
  });
});

describe('gradeAcrossSeeds', () => {
  it('passes when every run passes, and shows the last run', async () => {
    const ran: number[] = [];
    const graded = await gradeAcrossSeeds([5, 6, 7], async (seed) => (ran.push(seed), recordPrinting('hello')), [printedHello]);
    expect(ran).toEqual([5, 6, 7]);
    expect(graded).toMatchObject({ passed: true, seed: 7, run: 3, runs: 3 });
  });

  it('stops at the first run that fails and shows it', async () => {
    const ran: number[] = [];
    const graded = await gradeAcrossSeeds(
      [5, 6, 7],
      async (seed, index) => (ran.push(seed), recordPrinting(index === 1 ? 'bye' : 'hello')),
      [printedHello],
    );
    expect(ran).toEqual([5, 6]);
    expect(graded).toMatchObject({ passed: false, seed: 6, run: 2, runs: 3 });
    expect(graded.results[0]!.passed).toBe(false);
  });

  it('gives the same grading when it lets the page draw between checks', async () => {
    const record = (index: number) => recordPrinting(index === 2 ? 'bye' : 'hello');
    const twoChecks = [printedHello, { ...printedHello, id: 'again' }];
    const sliced = await gradeAcrossSeeds([5, 6, 7], async (_seed, index) => record(index), twoChecks, async () => undefined);
    expect(sliced).toEqual(await gradeAcrossSeeds([5, 6, 7], async (_seed, index) => record(index), twoChecks));
    expect(sliced).toMatchObject({ passed: false, seed: 7 });
  });

  it('does not go on after a run that timed out', async () => {
    const ran: number[] = [];
    const graded = await gradeAcrossSeeds([5, 6], async (seed) => (ran.push(seed), { ...recordPrinting('hello'), outcome: 'timed-out' as const }), [printedHello]);
    expect(ran).toEqual([5]);
    expect(graded.passed).toBe(false);
  });
});

describe("the results' note on the runs", () => {
  it('says a pass held over every run', () => {
    expect(seedNote({ passed: true, run: 3, runs: 3, seed: 9 })).toMatch(/^Checked over 3 runs, .*every run passed\.$/);
  });

  it('names the run that failed after others passed, and its seed', () => {
    expect(seedNote({ passed: false, run: 2, runs: 3, seed: 424242 })).toMatch(/^Run 1 passed, but run 2 of 3 failed: .*\(seed 424242\)/);
    expect(seedNote({ passed: false, run: 3, runs: 3, seed: 1 })).toMatch(/^Runs 1 to 2 passed, but run 3 of 3 failed/);
  });

  it('adds nothing when the first run failed, or when there was one run', () => {
    expect(seedNote({ passed: false, run: 1, runs: 3, seed: 1 })).toBeUndefined();
    expect(seedNote({ passed: true, run: 1, runs: 1, seed: 1 })).toBeUndefined();
    expect(seedNote(undefined)).toBeUndefined();
    // An exercise says what differs between its runs (own-cards: the cards themselves).
    expect(seedNote({ passed: true, run: 3, runs: 3, seed: 9 }, 'other cards on laptop')).toBe('Checked over 3 runs, each with other cards on laptop: every run passed.');
    expect(seedNote({ passed: false, run: 2, runs: 3, seed: 7 }, 'other cards on laptop')).toBe('Run 1 passed, but run 2 of 3 failed: it had other cards on laptop (seed 7). What you see here, in the diagram and in the terminal is that run.');
  });
});
