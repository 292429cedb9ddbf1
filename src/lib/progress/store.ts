/**
 * The progress store: one record under one key of a Storage-like object (localStorage on the page).
 *
 * Stored and imported text is untrusted. It is read through `readProgress` (record.ts): what is usable is
 * applied, what is not (out of bounds, unknown, not an exercise of this course) is never applied; the text
 * as it was is copied aside under a key of its own with a notice that says what and why, so nothing is lost.
 * Every change is read back by the same reader before it is kept, so the store never writes a record that
 * the next visit would refuse. When storage is full or disabled the store keeps working in memory and says so.
 */
import { EARLIEST_TIME, LATEST_TIME, amount, own, type Problem } from './fields';
import { mergeProgress } from './merge';
import { migrate } from './migrate';
import { LIMITS, PROGRESS_VERSION, emptyExerciseProgress, emptyProgress, readProgress, type ExerciseProgress, type ProgressRecord, type StoredRun, type QuizProgress } from './record';
import type { StorageLike } from './storage';
import { byCodeUnits } from '../text-order';

export const PROGRESS_KEY = 'endpoints:progress';
/** Set-aside copies live under `<key>:set-aside:<ISO time>`. */
export const SET_ASIDE_INFIX = ':set-aside:';

/** Something the page should tell the learner about their saved progress. */
export type ProgressNotice =
  /**
   * Stored progress that was not used. `whole`: nothing of it could be read (`problems` holds one reason);
   * otherwise the usable part was kept. `key`: where the text as it was is kept; null when there was no room
   * to copy it, so it stays under the progress key and this visit's progress is kept in memory only.
   */
  | { kind: 'set-aside'; key: string | null; whole: boolean; problems: Problem[] }
  | { kind: 'migrated'; from: number; to: number }
  /** A change that was refused because it would break a bound (a draft file too long, too many files). */
  | { kind: 'not-saved'; problems: Problem[] }
  | { kind: 'storage-full'; message: string }
  | { kind: 'storage-disabled'; message: string };

export interface ProgressStoreOptions {
  key?: string;
  now?: () => Date;
  /** The course's exercise ids, when the page knows them: progress for any other id is set aside. */
  knownExercises?: readonly string[];
}

export type ImportResult =
  /** `exercises`: how many of the file's exercises were merged in; `skipped`: what was not, and why. */
  | { ok: true; exercises: number; skipped: Problem[] }
  | { ok: false; reason: string };

/** Wraps an exported record so a file can be recognised on import. */
interface ProgressExport {
  format: 'endpoints-progress';
  exportedAt: string;
  record: ProgressRecord;
}

type Parsed = { ok: true; record: ProgressRecord; problems: Problem[]; from: number } | { ok: false; reason: string };

/** What `ProgressStore.summary` tells of an exercise. */
export type ExerciseSummary = Pick<ExerciseProgress, 'attempts' | 'failedRuns' | 'hintsSeen' | 'passedAt'>;

export class ProgressStore {
  private record: ProgressRecord;
  private storage: StorageLike | null;
  /** The storage whose progress key still holds a record that could not be copied aside. */
  private stuck: StorageLike | null = null;
  private readonly notices: ProgressNotice[] = [];
  private readonly listeners = new Set<(record: ProgressRecord) => void>();
  private readonly key: string;
  private readonly now: () => Date;
  private readonly known: ReadonlySet<string> | undefined;
  private lastRefusal = '';

  /** `storage` may be a getter, because reading `localStorage` itself throws when storage is disabled. */
  constructor(storage: StorageLike | (() => StorageLike), options: ProgressStoreOptions = {}) {
    this.key = options.key ?? PROGRESS_KEY;
    this.now = options.now ?? (() => new Date());
    this.known = options.knownExercises ? new Set(options.knownExercises) : undefined;
    this.storage = this.reach(storage);
    this.record = this.storage ? this.readStored(this.storage) : emptyProgress(new Date(this.stamp()));
  }

  /** `'memory'` once storage failed: progress lasts until the tab closes unless exported. */
  get mode(): 'persistent' | 'memory' {
    return this.storage ? 'persistent' : 'memory';
  }

  /** The notices not yet shown; each is returned once. */
  takeNotices(): ProgressNotice[] {
    return this.notices.splice(0);
  }

  current(): ProgressRecord {
    return structuredClone(this.record);
  }

  exercise(id: string): ExerciseProgress {
    return structuredClone(own(this.record.exercises, id) ?? emptyExerciseProgress());
  }

  /**
   * An exercise's counts and first pass, without copying its drafts and last run (what the page asks after
   * every change: whether it passed, how many runs failed).
   */
  summary(id: string): ExerciseSummary {
    const { attempts, failedRuns, hintsSeen, passedAt } = own(this.record.exercises, id) ?? emptyExerciseProgress();
    return passedAt === undefined ? { attempts, failedRuns, hintsSeen } : { attempts, failedRuns, hintsSeen, passedAt };
  }

  /** Listeners hear of every change, with one copy of the record per change that they all share: read it. */
  subscribe(listener: (record: ProgressRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Saves one file of a draft; a text past the bounds is refused with a `not-saved` notice. */
  saveDraft(exerciseId: string, file: string, text: string): boolean {
    return this.updateExercise(exerciseId, (e) => ({ ...e, draft: { ...e.draft, [file]: text } }));
  }

  /** Counts a graded run; the first pass is timestamped and kept. Counters stop at their bound. */
  recordRun(exerciseId: string, passed: boolean): boolean {
    return this.updateExercise(exerciseId, (e) => this.counted(e, passed));
  }

  /**
   * A graded run, as `recordRun` then `saveLastRun` would keep it, in one save (one check, one write, one
   * change told to subscribers: the page does this between the results and their first picture). Results
   * that are refused still leave the run counted. Returns the run's time, as `saveLastRun`.
   */
  recordGradedRun(exerciseId: string, passed: boolean, run: Omit<StoredRun, 'at'>): string {
    const at = this.stamp();
    const saved = this.updateExercise(exerciseId, (e) => ({ ...this.counted(e, passed), lastRun: { at, ...run } }));
    if (!saved) this.recordRun(exerciseId, passed);
    return at;
  }

  private counted(e: ExerciseProgress, passed: boolean): ExerciseProgress {
    return {
      ...e,
      attempts: Math.min(e.attempts + 1, LIMITS.runs),
      failedRuns: passed ? e.failedRuns : Math.min(e.failedRuns + 1, LIMITS.runs),
      ...(passed && !e.passedAt ? { passedAt: this.stamp() } : {}),
    };
  }

  /**
   * Keeps the last graded run's results (their texts already within LIMITS), replacing the one before; `at`
   * (default: now) is returned, to save the same run again with more in it.
   */
  saveLastRun(exerciseId: string, run: Omit<StoredRun, 'at'>, at = this.stamp()): string {
    this.updateExercise(exerciseId, (e) => ({ ...e, lastRun: { at, ...run } }));
    return at;
  }

  /** Keeps the code a reset replaced, so "Undo reset" can bring it back, after a reload too. */
  rememberReset(exerciseId: string, file: string, text: string): boolean {
    return this.updateExercise(exerciseId, (e) => ({ ...e, beforeReset: { at: this.stamp(), file, text } }));
  }

  /** Forgets the code a reset replaced (the reset was undone). */
  forgetReset(exerciseId: string): boolean {
    return this.updateExercise(exerciseId, ({ beforeReset: _dropped, ...e }) => e);
  }

  openHint(exerciseId: string, level: 1 | 2 | 3): boolean {
    return this.updateExercise(exerciseId, (e) => ({ ...e, hintsSeen: Math.min(Math.max(e.hintsSeen, level), LIMITS.hints) }));
  }

  /** The learner's answers to one quiz (empty when none were checked). */
  quiz(quizId: string): QuizProgress {
    return structuredClone(own(this.record.quizzes, quizId) ?? { answers: {} });
  }

  /**
   * Keeps a checked answer to a quiz question, as given, with the page's verdict and the time; tries are
   * counted up to their bound. A text longer than LIMITS.answerChars is refused with a `not-saved` notice.
   */
  answerQuestion(quizId: string, questionId: string, answer: string, correct: boolean): boolean {
    const quiz = own(this.record.quizzes, quizId) ?? { answers: {} };
    const tries = Math.min((own(quiz.answers, questionId)?.tries ?? 0) + 1, LIMITS.quizTries);
    const answers = { ...quiz.answers, [questionId]: { answer, correct, at: this.stamp(), tries } };
    return this.commit({ ...this.record, quizzes: { ...this.record.quizzes, [quizId]: { answers } } }) === true;
  }

  /** A quiz is done when each of its questions (the ids the page asks now) was last answered right. */
  quizDone(quizId: string, questionIds: readonly string[]): boolean {
    const answers = own(this.record.quizzes, quizId)?.answers ?? {};
    return questionIds.every((id) => own(answers, id)?.correct === true);
  }

  visitLesson(slug: string): boolean {
    if (own(this.record.lessonsVisited, slug)) return true;
    return this.commit({ ...this.record, lessonsVisited: { ...this.record.lessonsVisited, [slug]: this.stamp() } }) === true;
  }

  /** When a lesson was first opened, if it was. */
  lessonVisitedAt(slug: string): string | undefined {
    return own(this.record.lessonsVisited, slug);
  }

  /** The open assignments, as their links carried them, in the order they were opened. */
  assignments(): { id: string; code: string; openedAt: string }[] {
    return Object.entries(this.record.assignments)
      .map(([id, { code, openedAt }]) => ({ id, code, openedAt }))
      .sort((a, b) => byCodeUnits(a.openedAt, b.openedAt) || byCodeUnits(a.id, b.id));
  }

  /** Keeps an assignment (its id and link code) until it is dismissed; opening it again changes nothing. */
  openAssignment(id: string, code: string): boolean {
    if (own(this.record.assignments, id)) return true;
    return this.commit({ ...this.record, assignments: { ...this.record.assignments, [id]: { code, openedAt: this.stamp() } } }) === true;
  }

  dismissAssignment(id: string): boolean {
    if (!own(this.record.assignments, id)) return true;
    const assignments = { ...this.record.assignments };
    delete assignments[id];
    return this.commit({ ...this.record, assignments }) === true;
  }

  /** Passed exercises with their times, oldest first: the input of a teacher completion code. */
  passedExercises(): { id: string; passedAt: string }[] {
    return Object.entries(this.record.exercises)
      .flatMap(([id, e]) => (e.passedAt ? [{ id, passedAt: e.passedAt }] : []))
      .sort((a, b) => byCodeUnits(a.passedAt, b.passedAt) || byCodeUnits(a.id, b.id));
  }

  /** How many of a lesson's or chapter's exercises are passed. */
  progressOf(exerciseIds: readonly string[]): { passed: number; total: number } {
    return { passed: exerciseIds.filter((id) => own(this.record.exercises, id)?.passedAt).length, total: exerciseIds.length };
  }

  export(): string {
    const file: ProgressExport = { format: 'endpoints-progress', exportedAt: this.now().toISOString(), record: this.record };
    return JSON.stringify(file, null, 2);
  }

  /**
   * Reads an export (or a bare record of any known version) exactly as stored progress is read: what is
   * usable is applied (`merge` keeps the best of both, `replace` takes the file's), what is not is skipped
   * and listed with the reason. A refused file changes nothing.
   */
  import(text: string, mode: 'merge' | 'replace'): ImportResult {
    const parsed = this.parse(text, true);
    if (!parsed.ok) return { ok: false, reason: `This file ${parsed.reason}.` };
    const incoming = parsed.record;
    const skipped = [...parsed.problems];
    let next = incoming;
    let notMerged = 0;
    if (mode === 'merge') {
      const merged = mergeProgress(this.record, incoming);
      next = merged.record;
      skipped.push(...merged.skipped);
      notMerged = merged.skippedExercises;
    }
    const refusal = this.commit(next, 'quiet');
    if (refusal !== true) return { ok: false, reason: `This file could not be merged safely: ${describeProblems(refusal)}.` };
    return { ok: true, exercises: Object.keys(incoming.exercises).length - notMerged, skipped };
  }

  /**
   * The text of a set-aside record (`key` from a notice), or with `null` the record that could not be copied
   * aside and still sits under the progress key. For the page's "Save a copy" button.
   */
  setAsideText(key: string | null): string | null {
    const storage = key === null ? this.stuck : this.storage;
    if (!storage || (key !== null && !key.startsWith(`${this.key}${SET_ASIDE_INFIX}`))) return null;
    try {
      return storage.getItem(key ?? this.key);
    } catch {
      return null;
    }
  }

  /**
   * The learner chose to drop the record that could not be copied aside: it is removed, and the store saves
   * to storage again (starting with what this visit did).
   */
  discardStuck(): boolean {
    const storage = this.stuck;
    if (!storage) return false;
    try {
      storage.removeItem(this.key);
    } catch {
      return false;
    }
    this.stuck = null;
    this.storage = storage;
    this.persist(JSON.stringify(this.record));
    return this.storage !== null;
  }

  private updateExercise(id: string, update: (entry: ExerciseProgress) => ExerciseProgress): boolean {
    const next = update(own(this.record.exercises, id) ?? emptyExerciseProgress());
    return this.commit({ ...this.record, exercises: { ...this.record.exercises, [id]: next } }) === true;
  }

  /**
   * Keeps `candidate` (with a new `updatedAt`) if it reads back whole, exactly as the next visit will read it.
   * Otherwise nothing changes: with `'notice'` a `not-saved` notice says why; the problems are returned.
   */
  private commit(candidate: ProgressRecord, refusal: 'notice' | 'quiet' = 'notice'): true | Problem[] {
    const next = { ...candidate, updatedAt: this.stamp() };
    const read = readProgress(next, this.readOptions());
    const problems = read.ok ? read.problems : [{ where: '', what: read.reason }];
    if (!read.ok || problems.length > 0) {
      const said = describeProblems(problems);
      // A draft saved every few hundred milliseconds must not repeat the same notice.
      if (refusal === 'notice' && said !== this.lastRefusal) this.notices.push({ kind: 'not-saved', problems });
      this.lastRefusal = said;
      this.notifyListeners();
      return problems;
    }
    this.lastRefusal = '';
    this.record = read.record;
    this.persist(JSON.stringify(this.record));
    this.notifyListeners();
    return true;
  }

  /** Now, as a time the record may hold (a computer whose clock says 1970 still saves its progress). */
  private stamp(): string {
    return new Date(Math.min(Math.max(this.now().getTime(), EARLIEST_TIME), LATEST_TIME - 1)).toISOString();
  }

  private notifyListeners(): void {
    if (this.listeners.size === 0) return;
    const record = this.current();
    for (const listener of this.listeners) listener(record);
  }

  private readOptions() {
    return this.known ? { knownExercises: this.known } : {};
  }

  /** Text → migrated → read. `imported`: the text may be an export file wrapping the record. */
  private parse(text: string, imported: boolean): Parsed {
    if (text.length > LIMITS.textChars) {
      return { ok: false, reason: `is ${amount(text.length)} characters long; progress is at most ${amount(LIMITS.textChars)}` };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, reason: imported ? 'is not JSON: choose a file exported from this course' : 'is not valid JSON: it may have been cut off while saving' };
    }
    const wrapped = imported && typeof parsed === 'object' && parsed !== null && Object.hasOwn(parsed, 'format') && (parsed as { format?: unknown }).format === 'endpoints-progress';
    const candidate = wrapped ? (parsed as { record?: unknown }).record : parsed;
    const migrated = migrate(candidate, this.now());
    if (!migrated.ok) return { ok: false, reason: migrated.reason };
    const read = readProgress(migrated.record, this.readOptions());
    if (!read.ok) return { ok: false, reason: read.reason };
    return { ok: true, record: read.record, problems: read.problems, from: migrated.from };
  }

  private persist(text: string): void {
    if (!this.storage) return;
    try {
      this.storage.setItem(this.key, text);
    } catch (error) {
      this.fallBackToMemory(error);
    }
  }

  private reach(storage: StorageLike | (() => StorageLike)): StorageLike | null {
    try {
      const reached = typeof storage === 'function' ? storage() : storage;
      reached.getItem(this.key); // a disabled storage throws on first use, not on access
      return reached;
    } catch (error) {
      this.fallBackToMemory(error);
      return null;
    }
  }

  private fallBackToMemory(error: unknown): void {
    this.storage = null;
    const name = error instanceof Error ? error.name : '';
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
      this.notices.push({ kind: 'storage-full', message: 'Your browser storage is full, so new progress is kept only until this tab closes. Export your progress to keep it.' });
    } else {
      this.notices.push({ kind: 'storage-disabled', message: 'Your browser does not let this site save anything (storage is disabled), so progress is kept only until this tab closes. Export your progress to keep it.' });
    }
  }

  private readStored(storage: StorageLike): ProgressRecord {
    let text: string | null;
    try {
      text = storage.getItem(this.key);
    } catch (error) {
      this.fallBackToMemory(error);
      return emptyProgress(new Date(this.stamp()));
    }
    if (text === null) return emptyProgress(new Date(this.stamp()));
    const parsed = this.parse(text, false);
    if (!parsed.ok) {
      this.setAside(storage, text, true, [{ where: '', what: `it ${parsed.reason}` }]);
      return emptyProgress(new Date(this.stamp()));
    }
    if (parsed.problems.length > 0) {
      // The usable part is kept and written back, so the notice is shown once, not on every visit.
      if (this.setAside(storage, text, false, parsed.problems)) this.persist(JSON.stringify(parsed.record));
    } else if (parsed.from !== PROGRESS_VERSION) {
      this.notices.push({ kind: 'migrated', from: parsed.from, to: PROGRESS_VERSION });
      this.persist(JSON.stringify(parsed.record));
    }
    return parsed.record;
  }

  /** Copies `text` under a set-aside key; true when the copy was made. */
  private setAside(storage: StorageLike, text: string, whole: boolean, problems: Problem[]): boolean {
    const base = `${this.key}${SET_ASIDE_INFIX}${this.now().toISOString()}`;
    try {
      let asideKey = base;
      // Two set-asides in the same millisecond get distinct keys (a handful of tries, never a stored count).
      for (let n = 2; storage.getItem(asideKey) !== null && n < 10; n++) asideKey = `${base}-${n}`;
      storage.setItem(asideKey, text);
      if (whole) storage.removeItem(this.key);
      this.notices.push({ kind: 'set-aside', key: asideKey, whole, problems });
      return true;
    } catch (error) {
      // No room for a copy: leave the original where it is and stop writing over it.
      this.notices.push({ kind: 'set-aside', key: null, whole, problems });
      this.fallBackToMemory(error);
      if (this.storage === null) this.stuck = storage;
      return false;
    }
  }
}

/** Problems as one sentence part: "exercise “a”: hints opened is 9, …; file …". */
export function describeProblems(problems: readonly Problem[], max = 5): string {
  const shown = problems.slice(0, max).map((p) => (p.where ? `${p.where}: ${p.what}` : p.what));
  if (problems.length > max) shown.push(`and ${problems.length - max} more`);
  return shown.join('; ');
}
