/**
 * Upgrades a stored progress record to the current version, one step at a time. Version 0 is the shape
 * written before records carried a version (kept as the fixture that proves the mechanism).
 *
 * A migration gets untrusted data: it only moves values into the new shape (copying, never walking into
 * them) and must not throw on any value; `readProgress` checks the result afterwards, field by field.
 */
import { isObject } from './fields';
import { PROGRESS_VERSION } from './record';

/** Progress as stored before versions: passed exercises (id → epoch ms) and drafts (id → file → text). */
export interface ProgressV0 {
  passed?: Record<string, number>;
  drafts?: Record<string, Record<string, string>>;
  visited?: string[];
}

type Migration = (old: Record<string, unknown>, now: Date) => Record<string, unknown>;

/** A stored time in epoch ms as ISO text, or the value itself when it is not one (the reader refuses it). */
const isoFrom = (at: unknown): unknown => {
  const date = typeof at === 'number' ? new Date(at) : undefined;
  return date && Number.isFinite(date.getTime()) ? date.toISOString() : at;
};

/** `MIGRATIONS[n]` turns version n into version n + 1. */
const MIGRATIONS: Record<number, Migration> = {
  0: (old, now) => {
    const exercises: Record<string, Record<string, unknown>> = {};
    const entryOf = (id: string) => (exercises[id] ??= { draft: {}, attempts: 0, failedRuns: 0, hintsSeen: 0 });
    if (isObject(old.drafts)) for (const [id, files] of Object.entries(old.drafts)) entryOf(id).draft = files;
    if (isObject(old.passed)) {
      for (const [id, at] of Object.entries(old.passed)) Object.assign(entryOf(id), { passedAt: isoFrom(at), attempts: 1 });
    }
    const when = now.toISOString();
    const visited = Array.isArray(old.visited) ? old.visited : [];
    const lessonsVisited = Object.fromEntries(visited.filter((slug): slug is string => typeof slug === 'string').map((slug) => [slug, when]));
    return { version: 1, exercises, lessonsVisited, updatedAt: when };
  },
};

export type MigrationResult = { ok: true; record: Record<string, unknown>; from: number } | { ok: false; reason: string };

/** Brings any known version up to date; the result still has to be read with `readProgress`. */
export function migrate(stored: unknown, now: Date): MigrationResult {
  if (!isObject(stored)) return { ok: false, reason: 'is not a progress record' };
  const from = stored.version === undefined ? 0 : stored.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
    return { ok: false, reason: `has an unreadable version (${typeof from === 'number' ? from : typeof from})` };
  }
  if (from > PROGRESS_VERSION) return { ok: false, reason: `was written by a newer version of the course (version ${from})` };
  let record = stored;
  // Bounded by the constant, never by the stored number: `from` is at most PROGRESS_VERSION here.
  for (let version = from; version < PROGRESS_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, reason: `is of version ${version}, which cannot be upgraded` };
    try {
      record = step(record, now);
    } catch {
      return { ok: false, reason: `is of version ${version} and could not be upgraded` };
    }
  }
  return { ok: true, record, from };
}
