/**
 * What the learner has done, as one versioned, JSON-serialisable record. Teacher completion codes and
 * chapter progress are computed from it (passed exercises with their timestamps, lessons visited).
 */

export const PROGRESS_VERSION = 1;

export interface ExerciseProgress {
  /** The learner's current text of each file, by file name. */
  draft: Record<string, string>;
  /** ISO time of the first passing run; kept when later runs fail. */
  passedAt?: string;
  /** Runs started. */
  attempts: number;
  /** Runs that failed at least one check. */
  failedRuns: number;
  /** Highest hint level opened: 0 none, 1 nudge, 2 pointer, 3 near-solution. */
  hintsSeen: number;
}

export interface ProgressRecord {
  version: typeof PROGRESS_VERSION;
  exercises: Record<string, ExerciseProgress>;
  /** Lesson slug → ISO time of the first visit. */
  lessonsVisited: Record<string, string>;
  /** ISO time of the last change. */
  updatedAt: string;
}

export function emptyProgress(now: Date): ProgressRecord {
  return { version: PROGRESS_VERSION, exercises: {}, lessonsVisited: {}, updatedAt: now.toISOString() };
}

export function emptyExerciseProgress(): ExerciseProgress {
  return { draft: {}, attempts: 0, failedRuns: 0, hintsSeen: 0 };
}

/** Why a value is not a ProgressRecord, or undefined when it is one. */
export function progressProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not an object';
  if (value.version !== PROGRESS_VERSION) return `version ${String(value.version)} instead of ${PROGRESS_VERSION}`;
  if (typeof value.updatedAt !== 'string') return 'updatedAt is not a string';
  if (!isObject(value.lessonsVisited) || !Object.values(value.lessonsVisited).every((v) => typeof v === 'string')) {
    return 'lessonsVisited is not a map of lesson → time';
  }
  if (!isObject(value.exercises)) return 'exercises is not an object';
  for (const [id, entry] of Object.entries(value.exercises)) {
    const problem = exerciseProblem(entry);
    if (problem) return `exercises.${id}: ${problem}`;
  }
  return undefined;
}

function exerciseProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not an object';
  if (!isObject(value.draft) || !Object.values(value.draft).every((v) => typeof v === 'string')) return 'draft is not a map of file → text';
  if (value.passedAt !== undefined && typeof value.passedAt !== 'string') return 'passedAt is not a string';
  for (const counter of ['attempts', 'failedRuns', 'hintsSeen'] as const) {
    const n = value[counter];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return `${counter} is not a count`;
  }
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
