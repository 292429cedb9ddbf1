/**
 * The progress store: one record under one key of a Storage-like object (localStorage on the page).
 * It never loses what it cannot read: a corrupt record is copied aside with a notice, and when storage is
 * full or disabled the store keeps working in memory and says so.
 */
import { migrate } from './migrate';
import { mergeProgress } from './merge';
import {
  PROGRESS_VERSION,
  emptyExerciseProgress,
  emptyProgress,
  progressProblem,
  type ExerciseProgress,
  type ProgressRecord,
} from './record';
import type { StorageLike } from './storage';

export const PROGRESS_KEY = 'endpoints:progress';

/** Something the page should tell the learner about their saved progress. */
export type ProgressNotice =
  | { kind: 'corrupt-set-aside'; key: string | null; reason: string }
  | { kind: 'migrated'; from: number; to: number }
  | { kind: 'storage-full'; message: string }
  | { kind: 'storage-disabled'; message: string };

export interface ProgressStoreOptions {
  key?: string;
  now?: () => Date;
}

export type ImportResult = { ok: true; exercises: number } | { ok: false; reason: string };

/** Wraps an exported record so a file can be recognised on import. */
interface ProgressExport {
  format: 'endpoints-progress';
  exportedAt: string;
  record: ProgressRecord;
}

export class ProgressStore {
  private record: ProgressRecord;
  private storage: StorageLike | null;
  private readonly notices: ProgressNotice[] = [];
  private readonly listeners = new Set<(record: ProgressRecord) => void>();
  private readonly key: string;
  private readonly now: () => Date;

  /** `storage` may be a getter, because reading `localStorage` itself throws when storage is disabled. */
  constructor(storage: StorageLike | (() => StorageLike), options: ProgressStoreOptions = {}) {
    this.key = options.key ?? PROGRESS_KEY;
    this.now = options.now ?? (() => new Date());
    this.storage = this.reach(storage);
    this.record = this.storage ? this.readStored(this.storage) : emptyProgress(this.now());
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
    return structuredClone(this.record.exercises[id] ?? emptyExerciseProgress());
  }

  subscribe(listener: (record: ProgressRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  saveDraft(exerciseId: string, file: string, text: string): void {
    this.change((r) => {
      entry(r, exerciseId).draft[file] = text;
    });
  }

  /** Counts a graded run; the first pass is timestamped and kept. */
  recordRun(exerciseId: string, passed: boolean): void {
    this.change((r) => {
      const e = entry(r, exerciseId);
      e.attempts += 1;
      if (passed) e.passedAt ??= this.now().toISOString();
      else e.failedRuns += 1;
    });
  }

  openHint(exerciseId: string, level: 1 | 2 | 3): void {
    this.change((r) => {
      const e = entry(r, exerciseId);
      e.hintsSeen = Math.max(e.hintsSeen, level);
    });
  }

  visitLesson(slug: string): void {
    if (this.record.lessonsVisited[slug]) return;
    this.change((r) => {
      r.lessonsVisited[slug] = this.now().toISOString();
    });
  }

  /** Passed exercises with their times, oldest first: the input of a teacher completion code. */
  passedExercises(): { id: string; passedAt: string }[] {
    return Object.entries(this.record.exercises)
      .flatMap(([id, e]) => (e.passedAt ? [{ id, passedAt: e.passedAt }] : []))
      .sort((a, b) => a.passedAt.localeCompare(b.passedAt) || a.id.localeCompare(b.id));
  }

  /** How many of a lesson's or chapter's exercises are passed. */
  progressOf(exerciseIds: readonly string[]): { passed: number; total: number } {
    return { passed: exerciseIds.filter((id) => this.record.exercises[id]?.passedAt).length, total: exerciseIds.length };
  }

  export(): string {
    const file: ProgressExport = { format: 'endpoints-progress', exportedAt: this.now().toISOString(), record: this.record };
    return JSON.stringify(file, null, 2);
  }

  /** Reads an export (or a bare record of any known version); `merge` keeps the best of both. */
  import(text: string, mode: 'merge' | 'replace'): ImportResult {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'This file is not JSON: choose a file exported from this course.' };
    }
    const wrapped = typeof parsed === 'object' && parsed !== null && (parsed as { format?: unknown }).format === 'endpoints-progress';
    const candidate = wrapped ? (parsed as { record: unknown }).record : parsed;
    const migrated = migrate(candidate, this.now());
    if (!migrated.ok) return { ok: false, reason: `This file cannot be imported: ${migrated.reason}.` };
    const problem = progressProblem(migrated.record);
    if (problem) return { ok: false, reason: `This file cannot be imported: ${problem}.` };
    const incoming = migrated.record as unknown as ProgressRecord;
    this.change((r) => {
      const next = mode === 'replace' ? incoming : mergeProgress(r, incoming);
      r.exercises = next.exercises;
      r.lessonsVisited = next.lessonsVisited;
    });
    return { ok: true, exercises: Object.keys(incoming.exercises).length };
  }

  private change(apply: (record: ProgressRecord) => void): void {
    apply(this.record);
    this.record.updatedAt = this.now().toISOString();
    this.persist();
    for (const listener of this.listeners) listener(this.current());
  }

  private persist(): void {
    if (!this.storage) return;
    try {
      this.storage.setItem(this.key, JSON.stringify(this.record));
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
      return emptyProgress(this.now());
    }
    if (text === null) return emptyProgress(this.now());
    const reason = this.problemOf(text);
    if (typeof reason !== 'string') return reason;
    this.setAside(storage, text, reason);
    return emptyProgress(this.now());
  }

  /** The upgraded record, or why the stored text cannot be used. */
  private problemOf(text: string): ProgressRecord | string {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return 'the saved progress is not valid JSON';
    }
    const migrated = migrate(parsed, this.now());
    if (!migrated.ok) return migrated.reason;
    const problem = progressProblem(migrated.record);
    if (problem) return problem;
    const record = migrated.record as unknown as ProgressRecord;
    if (migrated.from !== PROGRESS_VERSION) {
      this.notices.push({ kind: 'migrated', from: migrated.from, to: PROGRESS_VERSION });
      try {
        this.storage?.setItem(this.key, JSON.stringify(record));
      } catch (error) {
        this.fallBackToMemory(error);
      }
    }
    return record;
  }

  private setAside(storage: StorageLike, text: string, reason: string): void {
    const asideKey = `${this.key}:corrupt:${this.now().toISOString()}`;
    try {
      storage.setItem(asideKey, text);
      storage.removeItem(this.key);
      this.notices.push({ kind: 'corrupt-set-aside', key: asideKey, reason });
    } catch (error) {
      // Could not copy it: leave the original where it is and stop writing over it.
      this.notices.push({ kind: 'corrupt-set-aside', key: null, reason });
      this.fallBackToMemory(error);
    }
  }
}

function entry(record: ProgressRecord, id: string): ExerciseProgress {
  return (record.exercises[id] ??= emptyExerciseProgress());
}
