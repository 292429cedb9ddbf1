/**
 * What the learner has done, as one versioned, JSON-serialisable record, declared once: the shape, the bounds
 * of every field, what an unusable value falls back to, and how two records merge all come from the
 * declarations below, and the TypeScript types are derived from them. To add a field, add one line to
 * `exerciseMembers` or `recordMembers` (see README.md in this folder).
 *
 * Teacher completion codes and chapter progress are computed from it (passed exercises with their
 * timestamps, lessons visited).
 */
import { MISCONCEPTION_KINDS } from '../grader/checks';
import { EARLIEST_TIME, count, flag, literal, map, member, newest, object, oneOf, optional, text, time, whole, type Field, type ObjectOf, type Problem, type ReadContext } from './fields';

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
  /** The last run's results: checks, lines of console output kept, characters of each, type problems shown. */
  runChecks: 50,
  runText: 1_000,
  runConsoleLines: 100,
  runLineChars: 300,
  runTypeProblems: 5,
  /** A line number of a program. */
  lineNumber: 1_000_000,
  /** Characters all exercises may take together in the stored JSON (localStorage holds about 5 million). */
  exerciseChars: 2_000_000,
  /** Quizzes a record may hold (one per lesson). */
  quizzes: 200,
  /** Questions of one quiz whose answers are kept (a lesson asks 3 to 6). */
  quizQuestions: 20,
  /** Characters of one answer as the learner typed it (an address, a port, an option's id). */
  answerChars: 200,
  /** Characters all quizzes may take together in the stored JSON. */
  quizChars: 500_000,
  /** Times one question was checked. */
  quizTries: 1_000_000,
  /** Longest text read as a record at all, stored or imported (an export is indented, hence the margin). */
  textChars: 4_000_000,
} as const;

/** Exercise ids as the exercise schema writes them (`echo-server`). */
const EXERCISE_ID = /^[a-z][a-z0-9-]*$/;
/** Program files as the exercise schema writes them (`server.ts`). */
const FILE_NAME = /^[A-Za-z0-9_-]+\.ts$/;
/** Check ids as the exercise schema writes them (`listening`). */
const CHECK_ID = /^[a-z][a-z0-9-]*$/;
/** The position of an item in a list kept as a map: `0`, `1`, … (JSON keeps integer keys in order). */
const POSITION = /^(?:0|[1-9][0-9]{0,3})$/;
/** Quiz ids (`nic-network-card`) and question ids (`loopback-reach`). */
const QUIZ_ID = /^[a-z][a-z0-9-]*$/;
/** Lesson slugs (`ports/echo-server`), up to three segments. */
const LESSON_SLUG = /^[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*){0,2}$/;

/** One exercise's progress. Each line: the stored name, its label for the learner, its bounds, its default. */
const runOutcome = oneOf(['finished', 'threw', 'timed-out', 'limit', 'did-not-compile'] as const);
const someTime = () => new Date(EARLIEST_TIME).toISOString();

/** A problem on a line of the learner's code: where, and what. */
const lineProblem = object({
  file: optional('file', text(64)),
  line: optional('line', count(LIMITS.lineNumber)),
  message: member('message', text(LIMITS.runText), () => ''),
});

/** A list kept as a map from positions (`0`, `1`, …), so it has the map's bounds. */
const listOf = <T>(label: string, value: Field<T>, maxEntries: number, noun: string) =>
  map({ name: { label: (position) => `${label} ${position}`, pattern: POSITION, maxLength: 4 }, value, maxEntries, noun });

/**
 * The learner's last graded run, as the results showed it, so a reload shows it again: the outcome, why it
 * stopped, each check's verdict (titles come from the exercise), the console output (its first lines) and
 * the type problems of the code that ran. Kept whole: an import keeps the later of two runs.
 */
const lastRunField = newest(
  object({
    at: member('time', time('latest'), someTime),
    outcome: member('outcome', runOutcome, () => 'finished' as const),
    error: optional('error', lineProblem),
    checks: member(
      'checks',
      map({
        name: { label: (id) => `check ${id}`, pattern: CHECK_ID, maxLength: 64 },
        value: object({
          passed: member('verdict', flag(), () => false),
          message: member('message', text(LIMITS.runText), () => ''),
          hint: optional('hint', text(LIMITS.runText)),
          misconception: optional('mix-up', oneOf(MISCONCEPTION_KINDS)),
        }),
        maxEntries: LIMITS.runChecks,
        noun: 'checks',
      }),
      () => ({}),
    ),
    console: member(
      'console output',
      listOf(
        'line',
        object({
          text: member('text', text(LIMITS.runLineChars), () => ''),
          stream: member('stream', oneOf(['log', 'error'] as const), () => 'log' as const),
          file: member('file', text(64), () => ''),
        }),
        LIMITS.runConsoleLines,
        'lines',
      ),
      () => ({}),
    ),
    consoleDropped: member('lines not kept', count(LIMITS.runs), () => 0),
    typeProblems: member('type problems', listOf('type problem', lineProblem, LIMITS.runTypeProblems, 'type problems'), () => ({})),
  }),
);

/** The code a "Reset to starter" replaced, until the learner undoes the reset (or resets again). */
const beforeResetField = newest(
  object({
    at: member('time', time('latest'), someTime),
    file: member('file', text(64), () => ''),
    text: member('code', text(LIMITS.draftChars), () => ''),
  }),
);

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
  /** The last graded run, shown again after a reload. */
  lastRun: optional('last run', lastRunField),
  /** The code the last "Reset to starter" replaced, for "Undo reset" (after a reload too). */
  beforeReset: optional('code before the reset', beforeResetField),
};

export type StoredRun = NonNullable<ExerciseProgress['lastRun']>;
export type StoredReset = NonNullable<ExerciseProgress['beforeReset']>;

export const exerciseField = object(exerciseMembers);

/**
 * The learner's last checked answer to one quiz question, kept as given (an option's id, or the text typed)
 * so that a teacher's copy can re-grade it; `correct` is the page's verdict when it was checked.
 */
const answerMembers = {
  answer: member('answer', text(LIMITS.answerChars), () => ''),
  correct: member('whether it was right', flag(), () => false),
  /** ISO time of the check. */
  at: member('time answered', time('latest'), () => new Date(EARLIEST_TIME).toISOString()),
  /** Checks of this question so far, this one included. */
  tries: member('number of tries', count(LIMITS.quizTries), () => 0),
};

/** Merging keeps a right answer over a wrong one, else the later: an answer and its verdict stay together. */
export const answerField = whole(object(answerMembers), (mine, theirs) => {
  if (mine.correct !== theirs.correct) return theirs.correct ? 'theirs' : 'mine';
  return theirs.at > mine.at ? 'theirs' : 'mine';
});

const quizMembers = {
  /** Question id → the last answer checked. */
  answers: member(
    'answers',
    map({ name: { label: (id) => `question ${id}`, pattern: QUIZ_ID, maxLength: 64 }, value: answerField, maxEntries: LIMITS.quizQuestions, noun: 'answers' }),
    () => ({}),
  ),
};

export const quizField = object(quizMembers);

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
  /** Quiz id → the learner's answers to it. */
  quizzes: member(
    'quizzes',
    map({ name: { label: (id) => `quiz ${id}`, pattern: QUIZ_ID, maxLength: 64 }, value: quizField, maxEntries: LIMITS.quizzes, maxChars: LIMITS.quizChars, noun: 'quizzes' }),
    () => ({}),
  ),
  /** ISO time of the last change; an unusable one counts as "long ago" (2000), so an imported record's drafts win. */
  updatedAt: member('time of the last change', time('latest'), () => new Date(EARLIEST_TIME).toISOString()),
};

export const recordField = object(recordMembers);

export type ExerciseProgress = ObjectOf<typeof exerciseMembers>;
export type ProgressRecord = ObjectOf<typeof recordMembers>;
export type QuizProgress = ObjectOf<typeof quizMembers>;
export type QuizAnswer = ObjectOf<typeof answerMembers>;

export function emptyProgress(now: Date): ProgressRecord {
  return { version: PROGRESS_VERSION, exercises: {}, lessonsVisited: {}, quizzes: {}, updatedAt: now.toISOString() };
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
