/** Assignments in the learner's progress: kept until dismissed, several at once, bounded, merged on import. */
import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_CODE } from '../../src/lib/classroom/assignment';
import { LIMITS, readProgress } from '../../src/lib/progress/record';
import { MemoryStorage } from '../../src/lib/progress/storage';
import { PROGRESS_KEY, ProgressStore } from '../../src/lib/progress/store';

const clock = () => {
  let t = Date.UTC(2026, 10, 30, 9, 0);
  return () => new Date((t += 1000));
};

describe('assignments in progress', () => {
  it('keeps several, in the order opened, until each is dismissed, across visits', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage, { now: clock() });
    expect(store.openAssignment('0000000b', 'EPA1.b.x')).toBe(true);
    expect(store.openAssignment('0000000a', 'EPA1.a.x')).toBe(true);
    expect(store.openAssignment('0000000b', 'EPA1.other')).toBe(true);
    const again = new ProgressStore(storage, { now: clock() });
    expect(again.assignments().map(({ id, code }) => [id, code])).toEqual([
      ['0000000b', 'EPA1.b.x'],
      ['0000000a', 'EPA1.a.x'],
    ]);
    expect(again.dismissAssignment('0000000b')).toBe(true);
    expect(new ProgressStore(storage, { now: clock() }).assignments().map(({ id }) => id)).toEqual(['0000000a']);
  });

  it('sets aside stored assignments that break a bound, and keeps the rest', () => {
    const storage = new MemoryStorage();
    const at = '2026-11-30T09:00:00.000Z';
    storage.setItem(
      PROGRESS_KEY,
      JSON.stringify({
        version: 1,
        exercises: {},
        lessonsVisited: {},
        assignments: { '0000000a': { code: 'EPA1.a.x', openedAt: at }, __proto__: { code: 'x', openedAt: at }, 'not-hex!': { code: 'x', openedAt: at }, '0000000c': { code: 'x'.repeat(LIMITS.assignmentChars + 1), openedAt: at } },
        updatedAt: at,
      }),
    );
    const store = new ProgressStore(storage, { now: clock() });
    expect(store.assignments().map(({ id }) => id)).toEqual(['0000000a', '0000000c']);
    expect(store.assignments()[1]!.code).toBe('');
    expect(store.takeNotices()[0]).toMatchObject({ kind: 'set-aside', whole: false });
  });

  it('holds at most 20, and a link code as long as the page reads', () => {
    expect(LIMITS.assignmentChars).toBe(ASSIGNMENT_CODE.maxChars);
    const assignments = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [i.toString(16).padStart(8, '0'), { code: 'EPA1', openedAt: '2026-11-30T09:00:00.000Z' }]));
    const read = readProgress({ version: 1, exercises: {}, lessonsVisited: {}, assignments, updatedAt: '2026-11-30T09:00:00.000Z' });
    expect(read.ok && Object.keys(read.record.assignments)).toHaveLength(LIMITS.assignments);
  });

  it('are merged from an imported file', () => {
    const mine = new ProgressStore(new MemoryStorage(), { now: clock() });
    mine.openAssignment('0000000a', 'EPA1.a');
    const theirs = new ProgressStore(new MemoryStorage(), { now: clock() });
    theirs.openAssignment('0000000b', 'EPA1.b');
    expect(mine.import(theirs.export(), 'merge')).toMatchObject({ ok: true });
    expect(mine.assignments().map(({ id }) => id)).toEqual(['0000000a', '0000000b']);
  });
});
