/**
 * Every exercise in src/content/exercises, run for real: its reference solution passes every check, its
 * starter fails at least one, and each scripted misconception gets its targeted message.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grade } from '../../src/lib/grader/grade';
import { loadExercise } from '../../src/lib/exercise/load';
import { exerciseFolders, nodeFolderReader } from '../../src/lib/exercise/node-reader';
import { buildRunRequest, type LearnerFiles } from '../../src/lib/exercise/request';
import type { Exercise } from '../../src/lib/exercise/schema';
import { runExercise } from '../../src/lib/runner/run';

const exercises: Exercise[] = exerciseFolders(join(process.cwd(), 'src/content/exercises')).map((folder) => loadExercise(nodeFolderReader(folder)));

async function gradeRun(exercise: Exercise, which: LearnerFiles) {
  const { record } = await runExercise(buildRunRequest(exercise, which), () => undefined);
  return { record, results: grade(record, exercise.checks) };
}

describe('the exercises folder', () => {
  it('holds the course exercises, each valid', () => {
    expect(exercises.map((e) => e.id)).toEqual(expect.arrayContaining(['echo-server', 'first-client']));
  });
});

describe.each(exercises.map((e) => [e.id, e] as const))('exercise %s', (_id, exercise) => {
  it('passes every check with the reference solution', async () => {
    const { record, results } = await gradeRun(exercise, { from: 'solution' });
    expect(record.outcome).toBe('finished');
    expect(results.filter((r) => !r.passed)).toEqual([]);
  });

  it('fails at least one check with the starter code', async () => {
    const { results } = await gradeRun(exercise, { from: 'starter' });
    expect(results.some((r) => !r.passed)).toBe(true);
  });

  it.each(exercise.misconceptions.map((m) => [m.name, m] as const))('recognises the misconception "%s"', async (_name, variant) => {
    const { results } = await gradeRun(exercise, { from: 'misconception', name: variant.name });
    const result = results.find((r) => r.id === variant.check)!;
    expect(result.passed).toBe(false);
    expect(result.misconception).toBe(variant.expects);
  });

  it('gives the same record on every run of the solution', async () => {
    const first = await gradeRun(exercise, { from: 'solution' });
    const second = await gradeRun(exercise, { from: 'solution' });
    expect({ ...second.record, wallMs: 0 }).toEqual({ ...first.record, wallMs: 0 });
  });
});
