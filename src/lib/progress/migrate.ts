/**
 * Upgrades a stored progress record to the current version, one step at a time. Version 0 is the shape
 * written before records carried a version (kept as the fixture that proves the mechanism).
 */
import { PROGRESS_VERSION, emptyExerciseProgress, isObject, type ProgressRecord } from './record';

/** Progress as stored before versions: passed exercises (id → epoch ms) and drafts (id → file → text). */
export interface ProgressV0 {
  passed?: Record<string, number>;
  drafts?: Record<string, Record<string, string>>;
  visited?: string[];
}

type Migration = (old: Record<string, unknown>, now: Date) => Record<string, unknown>;

/** `MIGRATIONS[n]` turns version n into version n + 1. */
const MIGRATIONS: Record<number, Migration> = {
  0: (old, now) => {
    const v0 = old as ProgressV0;
    const exercises: ProgressRecord['exercises'] = {};
    for (const [id, files] of Object.entries(v0.drafts ?? {})) exercises[id] = { ...emptyExerciseProgress(), draft: { ...files } };
    for (const [id, at] of Object.entries(v0.passed ?? {})) {
      const entry = (exercises[id] ??= emptyExerciseProgress());
      entry.passedAt = new Date(at).toISOString();
      entry.attempts = Math.max(entry.attempts, 1);
    }
    const when = now.toISOString();
    const lessonsVisited = Object.fromEntries((v0.visited ?? []).map((slug) => [slug, when]));
    return { version: 1, exercises, lessonsVisited, updatedAt: when };
  },
};

export type MigrationResult = { ok: true; record: Record<string, unknown>; from: number } | { ok: false; reason: string };

/** Brings any known version up to date; the result still has to pass `progressProblem`. */
export function migrate(stored: unknown, now: Date): MigrationResult {
  if (!isObject(stored)) return { ok: false, reason: 'not an object' };
  const from = stored.version === undefined ? 0 : stored.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) return { ok: false, reason: `unreadable version ${JSON.stringify(from)}` };
  if (from > PROGRESS_VERSION) return { ok: false, reason: `version ${from} was written by a newer version of the course` };
  let record = stored;
  for (let version = from; version < PROGRESS_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, reason: `no migration from version ${version}` };
    record = step(record, now);
  }
  return { ok: true, record, from };
}
