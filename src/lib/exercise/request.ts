/**
 * From an exercise and the learner's files to the RunRequest the worker runs. Used by the page (drafts) and
 * the tests (solution, starter, misconception variants) alike.
 */
import { PROTOCOL_VERSION, type ProgramSource, type RunRequest } from '../runner/protocol';
import type { Exercise } from './schema';

/** Which learner files to run: the learner's drafts, or one of the exercise's own versions. */
export type LearnerFiles =
  | { from: 'draft'; files: Record<string, string> }
  | { from: 'starter' }
  | { from: 'solution' }
  | { from: 'misconception'; name: string };

export function learnerSources(exercise: Exercise, which: LearnerFiles): Record<string, string> {
  switch (which.from) {
    case 'draft':
      return { ...exercise.files.starter, ...which.files };
    case 'starter':
      return exercise.files.starter;
    case 'solution':
      return exercise.files.solution;
    case 'misconception': {
      const variant = exercise.files.misconceptions[which.name];
      if (!variant) throw new Error(`exercise ${exercise.id} has no misconception "${which.name}"`);
      return { ...exercise.files.solution, ...variant };
    }
    default: {
      const never: never = which;
      throw new Error(`unknown learner files ${JSON.stringify(never)}`);
    }
  }
}

/** The run request for these learner files; `seed` replaces the topology's (a grading's runs: `gradingSeeds` in ./seeds). */
export function buildRunRequest(exercise: Exercise, which: LearnerFiles, runId = 1, seed?: number): RunRequest {
  const learner = learnerSources(exercise, which);
  const programs: ProgramSource[] = exercise.programs.map((p) => ({
    file: p.file,
    host: p.host,
    processName: p.processName,
    runAs: p.runAs,
    role: p.role,
    source: (p.role === 'learner' ? learner[p.file] : exercise.files.driver[p.file]) ?? '',
  }));
  return {
    type: 'run',
    version: PROTOCOL_VERSION,
    runId,
    exerciseId: exercise.id,
    topology: seed === undefined ? exercise.topology : { ...exercise.topology, seed },
    programs,
    timeBudgetMs: exercise.timeBudgetMs,
    virtualTimeLimitMs: exercise.virtualTimeLimitMs,
    ...(exercise.terminalHost ? { terminalHost: exercise.terminalHost } : {}),
  };
}
