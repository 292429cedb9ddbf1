/**
 * Re-grading hand-ins: each learner's own code runs again, with the exercise's driver, under the same seeds
 * and checked by the same grader as on the learner's page (`gradingSeeds`, `gradeAcrossSeeds`). A few
 * gradings go on at once, one per runner; in the browser each runner is a sandbox (its own iframe and worker,
 * a fresh realm per grading), so the teacher's page never runs learner code itself.
 *
 * Only a summary of each grading is kept (the verdict, each check's result, the seed of the run shown): a
 * class's traces would fill the memory. The gradebook's detail view makes the same grading again in a
 * sandbox of its own (`gradeFiles`), so the run it shows, with its network, is the run the verdict is about.
 */
import { gradeAcrossSeeds, type SeededGrading } from '../grader/across-seeds';
import type { Check, CheckResult } from '../grader/checks';
import { gradingSeeds } from '../exercise/seeds';
import type { ProgramSource, RunRecord, RunRequest } from '../runner/protocol';
import type { TopologySpec } from '../netsim/types';

/** What a run needs; the sandbox adds the envelope (type, version, run id). */
export type RunOrder = Omit<RunRequest, 'type' | 'version' | 'runId'>;

/** One sandbox (or, in tests, the runner called directly). */
export interface Runner {
  run(order: RunOrder, options?: { sameRealm?: boolean }): Promise<RunRecord>;
}

/** An exercise as the page has it (IslandData fits): programs with the starter and the driver, and the checks. */
export interface GradableExercise {
  id: string;
  topology: TopologySpec;
  programs: readonly (Omit<ProgramSource, 'source'> & { source: string })[];
  checks: readonly Check[];
  timeBudgetMs: number;
  virtualTimeLimitMs: number;
  terminalHost?: string;
}

/** The run of `files` (the learner's; a file left out is the starter's) under `seed`. */
export function orderFor(exercise: GradableExercise, files: Readonly<Record<string, string>>, seed: number): RunOrder {
  return {
    exerciseId: exercise.id,
    topology: { ...exercise.topology, seed },
    programs: exercise.programs.map(({ file, host, processName, runAs, role, source }) => ({
      file,
      host,
      processName,
      runAs,
      role,
      source: role === 'learner' && Object.hasOwn(files, file) ? files[file]! : source,
    })),
    timeBudgetMs: exercise.timeBudgetMs,
    virtualTimeLimitMs: exercise.virtualTimeLimitMs,
    ...(exercise.terminalHost ? { terminalHost: exercise.terminalHost } : {}),
  };
}

/** The seeds a grading of this exercise runs under: the learner's page uses the same. */
export const seedsOf = (exercise: GradableExercise): number[] => gradingSeeds(exercise.topology.seed ?? 1);

export interface Verdict {
  passed: boolean;
  outcome: RunRecord['outcome'];
  /** Every check of the run shown, in the exercise's order. */
  results: CheckResult[];
  checksPassed: number;
  /** The run shown (the first that failed, else the last), its seed, and how many runs a grading makes. */
  seed: number;
  run: number;
  runs: number;
  /** The error the run stopped on, in one line. */
  error?: string;
}

/**
 * The grading of one learner's files for one exercise on one runner, as the learner's page makes it: each
 * seed in turn, the later ones in the realm of the first, stopping at the first run that fails.
 */
export function gradeFiles(runner: Runner, exercise: GradableExercise, files: Readonly<Record<string, string>>): Promise<SeededGrading> {
  return gradeAcrossSeeds(
    seedsOf(exercise),
    (seed, index) => runner.run(orderFor(exercise, files, seed), { sameRealm: index > 0 }),
    exercise.checks,
  );
}

/** The summary of a grading the gradebook keeps (a class's traces would fill the memory). */
export function verdictOf(grading: SeededGrading): Verdict {
  const { record, results } = grading;
  return {
    passed: grading.passed,
    outcome: record.outcome,
    results,
    checksPassed: results.filter((result) => result.passed).length,
    seed: grading.seed,
    run: grading.run,
    runs: grading.runs,
    ...(record.error ? { error: `${record.error.name ? `${record.error.name}: ` : ''}${record.error.message}`.slice(0, 500) } : {}),
  };
}

/** Grades one learner's files for one exercise on one runner. */
export async function regradeOne(runner: Runner, exercise: GradableExercise, files: Readonly<Record<string, string>>): Promise<Verdict> {
  return verdictOf(await gradeFiles(runner, exercise, files));
}

export interface Job {
  /** Which hand-in (its position in the intake) and which exercise. */
  handIn: number;
  exercise: string;
  files: Readonly<Record<string, string>>;
}

export type JobResult = { ok: true; verdict: Verdict } | { ok: false; problem: string };

export interface RegradeOptions {
  onResult(job: Job, result: JobResult): void;
  /** Stops handing out new jobs; the ones running finish. */
  signal?: AbortSignal;
}

/** Where jobs come from: a fixed list, or a queue the page adds to while gradings run. */
export type JobSource = readonly Job[] | { take(): Job | undefined };

/**
 * Runs every job, one at a time per runner, the runners side by side. A job whose runner fails (a sandbox
 * that would not start) is reported with the problem and the others go on. Resolves when no job is left or,
 * after an abort, when the running ones are done.
 */
export async function regradeAll(jobs: JobSource, runners: readonly Runner[], exercises: ReadonlyMap<string, GradableExercise>, options: RegradeOptions): Promise<void> {
  let position = 0;
  const take = 'take' in jobs ? () => jobs.take() : () => (jobs as readonly Job[])[position++];
  const next = () => (options.signal?.aborted ? undefined : take());
  const worker = async (runner: Runner) => {
    for (let job = next(); job; job = next()) {
      const exercise = exercises.get(job.exercise);
      if (!exercise) {
        options.onResult(job, { ok: false, problem: `this page has no exercise ${job.exercise}` });
        continue;
      }
      let result: JobResult;
      try {
        result = { ok: true, verdict: await regradeOne(runner, exercise, job.files) };
      } catch (error) {
        result = { ok: false, problem: error instanceof Error ? error.message : String(error) };
      }
      options.onResult(job, result);
    }
  };
  await Promise.all(runners.map(worker));
}
