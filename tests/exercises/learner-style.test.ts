/**
 * Every exercise proves its grader: beside its misconception variants, each exercise keeps programs written
 * the ways learners write them (`learner-style/right/*.ts`, `learner-style/wrong/*.ts`) and a manifest that
 * says, for each wrong one, the mistake, the check that must fail and the words its message must contain —
 * the message a teacher would give. Each program runs under every seed of a grading (`gradingSeeds`): a right
 * program must pass every check in every run, a wrong one must fail its check in every run, with those words.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExercise } from '../../src/lib/exercise/load';
import { exerciseFolders, nodeFolderReader } from '../../src/lib/exercise/node-reader';
import { buildRunRequest } from '../../src/lib/exercise/request';
import { gradingSeeds } from '../../src/lib/exercise/seeds';
import type { Exercise } from '../../src/lib/exercise/schema';
import { grade } from '../../src/lib/grader/grade';
import { sharedLibraries } from '../../src/lib/netsim/index';
import { hardenLibraries, lockdown } from '../../src/lib/runner/lockdown';
import { runExercise } from '../../src/lib/runner/run';
import { hardenHost } from '../../src/lib/runner/worker-entry';

// The programs run in a realm locked down as the page's worker locks its own (vitest gives this file its own
// process): a right answer must pass where learners run it, frozen libraries and all.
beforeAll(() => {
  hardenHost();
  // vitest swaps setTimeout & co. between tests, so the host globals stay writable here (the worker locks them).
  lockdown({ hostGlobals: false });
  hardenLibraries(sharedLibraries());
});

/** At least this many of each, written differently and from real beginners' mistakes (issue 10). */
const MIN_RIGHT = 6;
const MIN_WRONG = 8;

const program = z.string().regex(/^[a-z0-9-]+\.ts$/, 'a file name such as for-await.ts');
const manifestSchema = z
  .object({
    /** The learner file each program stands for, e.g. server.ts. */
    file: z.string(),
    right: z.array(z.object({ program, style: z.string().min(1) }).strict()),
    wrong: z.array(
      z
        .object({
          program,
          mistake: z.string().min(1),
          /** The check that must fail (or `ran-to-the-end`, the crash every crashed run carries). */
          check: z.string().min(1),
          /** Words the check's message must contain. */
          says: z.array(z.string().min(1)).min(1),
        })
        .strict(),
    ),
  })
  .strict();
type Manifest = z.infer<typeof manifestSchema>;

interface Suite {
  exercise: Exercise;
  folder: string;
  manifest: Manifest;
}

const suites: Suite[] = exerciseFolders(join(process.cwd(), 'src/content/exercises')).map((folder) => {
  const exercise = loadExercise(nodeFolderReader(folder));
  const path = join(folder, 'learner-style', 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: every exercise proves its grader with learner-style programs`);
  return { exercise, folder, manifest: manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) };
});

const source = (suite: Suite, kind: 'right' | 'wrong', name: string) => readFileSync(join(suite.folder, 'learner-style', kind, name), 'utf8');

async function gradeAll(suite: Suite, text: string) {
  const runs = [];
  for (const seed of gradingSeeds(suite.exercise.topology.seed ?? 1)) {
    const request = buildRunRequest(suite.exercise, { from: 'draft', files: { [suite.manifest.file]: text } }, 1, seed);
    const { record } = await runExercise(request, () => undefined);
    runs.push({ seed, outcome: record.outcome, results: grade(record, suite.exercise.checks) });
  }
  return runs;
}

describe.each(suites.map((s) => [s.exercise.id, s] as const))('learner-style programs of %s', (_id, suite) => {
  const { exercise, manifest } = suite;
  const listed = (kind: 'right' | 'wrong') => manifest[kind].map((p) => p.program).sort();
  const onDisk = (kind: 'right' | 'wrong') => readdirSync(join(suite.folder, 'learner-style', kind)).filter((f) => f.endsWith('.ts')).sort();

  it('has enough of each, every file in the manifest and every manifest entry on disk, naming real checks', () => {
    expect(manifest.right.length).toBeGreaterThanOrEqual(MIN_RIGHT);
    expect(manifest.wrong.length).toBeGreaterThanOrEqual(MIN_WRONG);
    expect(listed('right')).toEqual(onDisk('right'));
    expect(listed('wrong')).toEqual(onDisk('wrong'));
    expect(exercise.programs.filter((p) => p.role === 'learner').map((p) => p.file)).toContain(manifest.file);
    const ids = [...exercise.checks.map((c) => c.id), 'ran-to-the-end'];
    for (const wrong of manifest.wrong) expect(ids, `${wrong.program} names check "${wrong.check}"`).toContain(wrong.check);
  });

  it.each(manifest.right.map((p) => [p.program, p] as const))('right: %s passes every check under every seed', { timeout: 60_000 }, async (name) => {
    const runs = await gradeAll(suite, source(suite, 'right', name));
    const failures = runs.flatMap((run) => run.results.filter((r) => !r.passed).map((r) => ({ seed: run.seed, id: r.id, message: r.message })));
    expect({ outcomes: runs.map((r) => r.outcome), failures }).toEqual({ outcomes: runs.map(() => 'finished'), failures: [] });
  });

  it.each(manifest.wrong.map((p) => [`${p.program} (${p.mistake})`, p] as const))('wrong: %s fails its check, in words a teacher would use, under every seed', { timeout: 60_000 }, async (_name, wrong) => {
    const runs = await gradeAll(suite, source(suite, 'wrong', wrong.program));
    for (const run of runs) {
      const result = run.results.find((r) => r.id === wrong.check);
      expect(result, `seed ${run.seed}: no result for check "${wrong.check}"`).toBeDefined();
      expect(result!.passed, `seed ${run.seed}: "${wrong.check}" passed: ${result!.message}`).toBe(false);
      for (const words of wrong.says) expect(result!.message, `seed ${run.seed}, check "${wrong.check}"`).toContain(words);
    }
  });
});
