/**
 * One grading, several runs: the programs run under each seed in turn, and the grading passes only if
 * every run passes. It stops at the first run that fails — that is the run the learner is shown (results,
 * terminal, diagram), with its seed — else it shows the last run.
 */
import type { RunRecord } from '../runner/protocol';
import type { Check, CheckResult } from './checks';
import { grade, gradeInSlices } from './grade';

export interface SeededGrading {
  /** The run shown: the first that failed, else the last. */
  record: RunRecord;
  results: CheckResult[];
  passed: boolean;
  /** The seed of the run shown. */
  seed: number;
  /** 1-based position of the run shown among the runs, and how many runs a full grading makes. */
  run: number;
  runs: number;
}

export async function gradeAcrossSeeds(
  seeds: readonly number[],
  runUnder: (seed: number, index: number) => Promise<RunRecord>,
  checks: readonly Check[],
  /** When given, each run is graded a slice at a time, `pause` between slices (`gradeInSlices`). */
  pause?: () => Promise<void>,
): Promise<SeededGrading> {
  let shown: SeededGrading | undefined;
  for (const [index, seed] of seeds.entries()) {
    const record = await runUnder(seed, index);
    const results = pause ? await gradeInSlices(record, checks, pause) : grade(record, checks);
    const passed = record.outcome === 'finished' && results.every((r) => r.passed);
    shown = { record, results, passed, seed, run: index + 1, runs: seeds.length };
    // A run that did not compile or was stopped says all there is to say; so does the first failing run.
    if (!passed) break;
  }
  if (!shown) throw new Error('gradeAcrossSeeds needs at least one seed');
  return shown;
}
