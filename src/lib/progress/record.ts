/**
 * What the learner has done, as one versioned, JSON-serialisable record, declared once: the shape, the bounds
 * of every field, what an unusable value falls back to, and how two records merge all come from the
 * declarations below, and the TypeScript types are derived from them. To add a field, add one line to
 * `exerciseMembers` or `recordMembers` (see README.md in this folder).
 *
 * Teacher completion codes and chapter progress are computed from it (passed exercises with their
 * timestamps, lessons visited).
 */
import { EARLIEST_TIME, count, literal, map, member, object, optional, text, time, type ObjectOf, type Problem, type ReadContext } from './fields';

export const PROGRESS_VERSION = 1 as const;

/** The bounds, named so that messages and tests can cite them. */
export const LIMITS = {
  /** Exercises a record may hold (the course will have a few dozen). */
  exercises: 500,
  /** Lessons whose first visit is recorded. */
  lessons: 1_000,
  /** Files of one exercise's draft. */
  draftFiles: 8,
  /** Characters of one draft file: a long program is a few thousand. */
  draftChars: 100_000,
  /** Counted runs of one exercise. */
  runs: 1_000_000,
  /** Hint levels: 1 nudge, 2 pointer, 3 near-solution. */
  hints: 3,
  /** Characters all exercises may take together in the stored JSON (localStorage holds about 5 million). */
  exerciseChars: 2_000_000,
  /** Assignments open at once (a learner may follow several classes). */
  assignments: 20,
  /** Characters of one assignment's link code (src/lib/classroom/assignment.ts reads it). */
  assignmentChars: 20_000,
  /** Longest text read as a record at all, stored or imported (an export is indented, hence the margin). */
  textChars: 4_000_000,
} as const;

/** Exercise ids as the exercise schema writes them (`echo-server`). */
const EXERCISE_ID = /^[a-z][a-z0-9-]*$/;
/** Program files as the exercise schema writes them (`server.ts`). */
const FILE_NAME = /^[A-Za-z0-9_-]+\.ts$/;
/** Assignment ids: the CRC-32 of the assignment, in hex (src/lib/classroom/assignment.ts). */
const ASSIGNMENT_ID = /^[0-9a-f]{8}$/;
/** Lesson slugs (`ports/echo-server`), up to three segments. */
const LESSON_SLUG = /^[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*){0,2}$/;

/** One exercise's progress. Each line: the stored name, its label for the learner, its bounds, its default. */
const exerciseMembers = {
  /** The learner's current text of each file, by file name. Merging keeps the record changed last. */
  draft: member(
    'code',
    map({
      name: { label: (file) => `file ${file}`, pattern: FILE_NAME, maxLength: 64 },
      value: text(LIMITS.draftChars),
      maxEntries: LIMITS.draftFiles,
      noun: 'files',
    }),
    () => ({}),
  ),
  /** ISO time of the first passing run; kept when later runs fail. */
  passedAt: optional('time of the first pass', time('earliest')),
  /** Runs started. */
  attempts: member('number of runs', count(LIMITS.runs), () => 0),
  /** Runs that failed at least one check. */
  failedRuns: member('number of failed runs', count(LIMITS.runs), () => 0),
  /** Highest hint level opened: 0 none, 1 nudge, 2 pointer, 3 near-solution. */
  hintsSeen: member('hints opened', count(LIMITS.hints), () => 0),
};

export const exerciseField = object(exerciseMembers);

const recordMembers = {
  version: member('version', literal(PROGRESS_VERSION), () => PROGRESS_VERSION),
  exercises: member(
    'exercises',
    map({
      name: { label: (id) => `exercise ${id}`, pattern: EXERCISE_ID, maxLength: 64, kind: 'exercise', unknown: 'is not an exercise of this course' },
      value: exerciseField,
      maxEntries: LIMITS.exercises,
      maxChars: LIMITS.exerciseChars,
      noun: 'exercises',
    }),
    () => ({}),
  ),
  /** Lesson slug → ISO time of the first visit. */
  lessonsVisited: member(
    'lessons visited',
    map({ name: { label: (slug) => `lesson ${slug}`, pattern: LESSON_SLUG, maxLength: 200 }, value: time('earliest'), maxEntries: LIMITS.lessons, noun: 'lessons' }),
    () => ({}),
  ),
  /**
   * Assignment id → the assignment as its link carried it (the code after `#a=`, read again by the page with
   * its own bounds) and when it was first opened. Kept until the learner dismisses it.
   */
  assignments: member(
    'assignments',
    map({
      name: { label: (id) => `assignment ${id}`, pattern: ASSIGNMENT_ID, maxLength: 8 },
      value: object({
        code: member('link', text(LIMITS.assignmentChars), () => ''),
        openedAt: member('time opened', time('earliest'), () => new Date(EARLIEST_TIME).toISOString()),
      }),
      maxEntries: LIMITS.assignments,
      noun: 'assignments',
    }),
    () => ({}),
  ),
  /** ISO time of the last change; an unusable one counts as "long ago" (2000), so an imported record's drafts win. */
  updatedAt: member('time of the last change', time('latest'), () => new Date(EARLIEST_TIME).toISOString()),
};

export const recordField = object(recordMembers);

export type ExerciseProgress = ObjectOf<typeof exerciseMembers>;
export type ProgressRecord = ObjectOf<typeof recordMembers>;

export function emptyProgress(now: Date): ProgressRecord {
  return { version: PROGRESS_VERSION, exercises: {}, lessonsVisited: {}, assignments: {}, updatedAt: now.toISOString() };
}

export function emptyExerciseProgress(): ExerciseProgress {
  return { draft: {}, attempts: 0, failedRuns: 0, hintsSeen: 0 };
}

/** Problems listed per reading; past this many, one line says how many more there were. */
const MAX_PROBLEMS = 20;

export interface ReadOptions {
  /** The course's exercise ids, when the page knows them. */
  knownExercises?: ReadonlySet<string>;
}

/** `reason` is a predicate about the value: "is a list, not a group of fields". */
export type RecordRead = { ok: true; record: ProgressRecord; problems: Problem[] } | { ok: false; reason: string };

/**
 * Reads an (already migrated) value as a progress record: what can be used, and what was set aside and why.
 * Fails only when the value is not a record at all.
 */
export function readProgress(raw: unknown, options: ReadOptions = {}): RecordRead {
  const problems: Problem[] = [];
  let more = 0;
  const context: ReadContext = {
    known: options.knownExercises ? { exercise: options.knownExercises } : {},
    report(problem) {
      if (problems.length < MAX_PROBLEMS) problems.push(problem);
      else more++;
    },
  };
  const read = recordField.read(raw, '', context);
  if (!read.ok) return { ok: false, reason: read.what };
  if (more > 0) problems.push({ where: '', what: `${more} more problems like these were found` });
  return { ok: true, record: read.value, problems };
}
