import { describe, expect, it } from 'vitest';
import { migrate, type ProgressV0 } from '../../src/lib/progress/migrate';
import { MemoryStorage } from '../../src/lib/progress/storage';
import { PROGRESS_KEY, ProgressStore, describeProblems, type ProgressNotice } from '../../src/lib/progress/store';
import { LIMITS, type ProgressRecord } from '../../src/lib/progress/record';

/** A clock that moves one minute per reading, so every timestamp is distinct and predictable. */
function clock(start = Date.UTC(2026, 10, 25, 9, 0)) {
  let t = start;
  return () => new Date((t += 60_000));
}

const open = (storage: MemoryStorage | (() => MemoryStorage), now = clock()) => new ProgressStore(storage, { now });

describe('progress store: saving and reading back', () => {
  it('starts empty, saves drafts, counts runs and keeps the first pass time', () => {
    const storage = new MemoryStorage();
    const store = open(storage);
    store.saveDraft('echo-server', 'server.ts', 'const x = 1;');
    store.recordRun('echo-server', false);
    store.recordRun('echo-server', true);
    const firstPass = store.exercise('echo-server').passedAt;
    store.recordRun('echo-server', true);
    store.recordRun('echo-server', false);
    expect(store.exercise('echo-server')).toEqual({ draft: { 'server.ts': 'const x = 1;' }, attempts: 4, failedRuns: 2, hintsSeen: 0, passedAt: firstPass });
    const reopened = open(storage);
    expect(reopened.exercise('echo-server')).toEqual(store.exercise('echo-server'));
    expect(reopened.takeNotices()).toEqual([]);
  });

  it('lists passed exercises oldest first, for completion codes, and computes lesson progress', () => {
    const store = open(new MemoryStorage());
    store.recordRun('first-client', true);
    store.recordRun('echo-server', true);
    store.recordRun('udp-hello', false);
    expect(store.passedExercises().map((p) => p.id)).toEqual(['first-client', 'echo-server']);
    expect(store.progressOf(['echo-server', 'udp-hello', 'first-client'])).toEqual({ passed: 2, total: 3 });
  });

  it('records lessons visited once, with the first visit time, and the highest hint opened', () => {
    const store = open(new MemoryStorage());
    store.visitLesson('ports/echo-server');
    const first = store.current().lessonsVisited['ports/echo-server'];
    store.visitLesson('ports/echo-server');
    store.openHint('echo-server', 2);
    store.openHint('echo-server', 1);
    expect(store.current().lessonsVisited['ports/echo-server']).toBe(first);
    expect(store.exercise('echo-server').hintsSeen).toBe(2);
  });

  it('hands out copies: changing what it returned changes nothing stored', () => {
    const store = open(new MemoryStorage());
    store.saveDraft('a', 'f.ts', 'x');
    store.exercise('a').draft['f.ts'] = 'changed';
    store.current().exercises['a']!.attempts = 99;
    expect(store.exercise('a')).toMatchObject({ draft: { 'f.ts': 'x' }, attempts: 0 });
  });

  it('sums an exercise up without its drafts and last run: counts, hints seen and the first pass', () => {
    const store = open(new MemoryStorage());
    expect(store.summary('a')).toEqual({ attempts: 0, failedRuns: 0, hintsSeen: 0 });
    store.saveDraft('a', 'f.ts', 'x');
    store.recordRun('a', false);
    store.recordRun('a', true);
    const { attempts, failedRuns, hintsSeen, passedAt } = store.exercise('a');
    expect(store.summary('a')).toEqual({ attempts, failedRuns, hintsSeen, passedAt });
    expect(passedAt).toBeDefined();
  });

  it('gives all subscribers of a change one shared copy of the record, not the stored one', () => {
    const store = open(new MemoryStorage());
    const heard: ProgressRecord[] = [];
    store.subscribe((record) => heard.push(record));
    store.subscribe((record) => heard.push(record));
    store.recordRun('a', false);
    expect(heard).toHaveLength(2);
    expect(heard[0]).toBe(heard[1]);
    heard[0]!.exercises['a']!.attempts = 99;
    expect(store.summary('a').attempts).toBe(1);
  });

  it('tells subscribers about every change', () => {
    const store = open(new MemoryStorage());
    const seen: number[] = [];
    const stop = store.subscribe((record) => seen.push(record.exercises['a']?.attempts ?? 0));
    store.recordRun('a', false);
    stop();
    store.recordRun('a', false);
    expect(seen).toEqual([1]);
  });
});

describe('progress store: migration', () => {
  const v0: ProgressV0 = {
    passed: { 'echo-server': Date.UTC(2026, 0, 2, 3, 4, 5) },
    drafts: { 'echo-server': { 'server.ts': 'old code' }, 'first-client': { 'client.ts': 'draft' } },
    visited: ['ports/echo-server'],
  };

  it('upgrades a version-0 record (no version field) to version 1 and says so', () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, JSON.stringify(v0));
    const store = open(storage);
    expect(store.takeNotices()).toEqual([{ kind: 'migrated', from: 0, to: 1 }]);
    expect(store.exercise('echo-server')).toEqual({ draft: { 'server.ts': 'old code' }, passedAt: '2026-01-02T03:04:05.000Z', attempts: 1, failedRuns: 0, hintsSeen: 0 });
    expect(store.exercise('first-client').passedAt).toBeUndefined();
    expect(Object.keys(store.current().lessonsVisited)).toEqual(['ports/echo-server']);
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).version).toBe(1);
  });

  it.each([
    ['a record from a newer course', { version: 2, exercises: {} }, 'written by a newer version'],
    ['an unreadable version', { version: 'one' }, 'unreadable version'],
    ['not an object', [1, 2], 'not a progress record'],
  ])('refuses %s', (_name, stored, reason) => {
    const result = migrate(stored, new Date());
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});

describe('progress store: what it cannot read is set aside, never dropped', () => {
  const asideKeyOf = (notice: ProgressNotice | undefined) => (notice?.kind === 'set-aside' ? notice.key : undefined);
  const reasonsOf = (notice: ProgressNotice | undefined) => (notice?.kind === 'set-aside' ? describeProblems(notice.problems, 99) : '');

  it.each([
    ['text that is not JSON', '{"version":1,"exerc', 'not valid JSON'],
    ['a record from a newer version', JSON.stringify({ version: 9 }), 'newer version'],
    ['a list instead of a record', '[1,2]', 'not a progress record'],
  ])('copies %s to a set-aside key, with a notice, and starts afresh', (_name, text, reason) => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, text);
    const store = open(storage);
    const [notice] = store.takeNotices();
    expect(notice).toMatchObject({ kind: 'set-aside', whole: true });
    expect(reasonsOf(notice)).toContain(reason);
    const key = asideKeyOf(notice);
    expect(key).toMatch(/^endpoints:progress:set-aside:\d{4}-\d\d-\d\dT/);
    expect(storage.getItem(key!)).toBe(text);
    expect(storage.getItem(PROGRESS_KEY)).toBeNull();
    store.recordRun('a', true);
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).exercises.a.attempts).toBe(1);
    expect(storage.getItem(key!)).toBe(text);
    expect(store.setAsideText(key!)).toBe(text);
  });

  it('keeps the usable part of a record of the wrong shape, sets the text aside once, and says what was left out', () => {
    const text = JSON.stringify({ version: 1, exercises: { a: { draft: 3, attempts: 2 } }, lessonsVisited: {}, updatedAt: 'x' });
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, text);
    const store = open(storage);
    const [notice] = store.takeNotices();
    expect(notice).toMatchObject({ kind: 'set-aside', whole: false });
    expect(reasonsOf(notice)).toContain('exercise “a”: code is 3, not a group of files');
    expect(reasonsOf(notice)).toContain('time of the last change is "x", not a date and time');
    expect(storage.getItem(asideKeyOf(notice)!)).toBe(text);
    expect(store.exercise('a')).toEqual({ draft: {}, attempts: 2, failedRuns: 0, hintsSeen: 0 });
    // The cleaned record was written back: the next visit reads it without a notice.
    expect(open(storage).takeNotices()).toEqual([]);
  });

  it('keeps the unreadable record in place when there is no room to copy it, works in memory, and can drop it on request', () => {
    const text = 'x'.repeat(150);
    const storage = new MemoryStorage({ quota: 260 });
    storage.setItem(PROGRESS_KEY, text);
    const store = open(storage);
    const notices = store.takeNotices();
    expect(notices.map((n) => n.kind)).toEqual(['set-aside', 'storage-full']);
    expect(asideKeyOf(notices[0])).toBeNull();
    expect(store.mode).toBe('memory');
    store.recordRun('a', true);
    expect(storage.getItem(PROGRESS_KEY)).toBe(text);
    expect(store.exercise('a').attempts).toBe(1);
    expect(store.setAsideText(null)).toBe(text);
    // The learner saved a copy and chose to remove it: the store saves again, starting with this visit's run.
    expect(store.discardStuck()).toBe(true);
    expect(store.mode).toBe('persistent');
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).exercises.a.attempts).toBe(1);
  });
});

describe('progress store: full and disabled storage', () => {
  it('falls back to memory with a notice when storage is full, keeping every change', () => {
    const storage = new MemoryStorage({ quota: 400 });
    const store = open(storage);
    store.saveDraft('echo-server', 'server.ts', 'small');
    expect(store.mode).toBe('persistent');
    store.saveDraft('echo-server', 'server.ts', 'y'.repeat(500));
    expect(store.takeNotices()).toEqual([{ kind: 'storage-full', message: expect.stringContaining('Export your progress') }]);
    expect(store.mode).toBe('memory');
    store.recordRun('echo-server', true);
    expect(store.exercise('echo-server').draft['server.ts']).toHaveLength(500);
    expect(store.exercise('echo-server').passedAt).toBeDefined();
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).exercises['echo-server'].draft['server.ts']).toBe('small');
  });

  it('works in memory with a notice when storage is disabled, even when reaching it throws', () => {
    const disabled = open(new MemoryStorage({ disabled: true }));
    const unreachable = open(() => {
      throw Object.assign(new Error('Access is denied for this document.'), { name: 'SecurityError' });
    });
    for (const store of [disabled, unreachable]) {
      expect(store.takeNotices()).toEqual([{ kind: 'storage-disabled', message: expect.stringContaining('storage is disabled') }]);
      expect(store.mode).toBe('memory');
      store.recordRun('a', true);
      expect(store.exercise('a').attempts).toBe(1);
      expect(store.takeNotices()).toEqual([]);
    }
  });
});

describe('progress store: export and import', () => {
  function storeWith(now = clock()) {
    return open(new MemoryStorage(), now);
  }

  it('round-trips through an export', () => {
    const source = storeWith();
    source.saveDraft('echo-server', 'server.ts', 'code');
    source.recordRun('echo-server', true);
    source.visitLesson('ports/echo-server');
    const target = storeWith();
    expect(target.import(source.export(), 'replace')).toEqual({ ok: true, exercises: 1, skipped: [] });
    expect(target.current().exercises).toEqual(source.current().exercises);
    expect(target.current().lessonsVisited).toEqual(source.current().lessonsVisited);
  });

  it('merges: keeps the earliest pass, the highest counts, and the drafts changed last', () => {
    const early = storeWith(clock(Date.UTC(2026, 0, 1)));
    early.recordRun('echo-server', true);
    early.saveDraft('echo-server', 'server.ts', 'old');
    const late = storeWith(clock(Date.UTC(2026, 5, 1)));
    late.recordRun('echo-server', false);
    late.recordRun('echo-server', false);
    late.recordRun('echo-server', true);
    late.saveDraft('echo-server', 'server.ts', 'new');
    late.saveDraft('first-client', 'client.ts', 'other');
    expect(early.import(late.export(), 'merge')).toMatchObject({ ok: true });
    const merged = early.exercise('echo-server');
    expect(merged.passedAt).toBe(early.passedExercises()[0]!.passedAt);
    expect(merged.passedAt! < late.exercise('echo-server').passedAt!).toBe(true);
    expect(merged).toMatchObject({ attempts: 3, failedRuns: 2, draft: { 'server.ts': 'new' } });
    expect(early.exercise('first-client').draft).toEqual({ 'client.ts': 'other' });
  });

  it('imports a bare version-0 record by migrating it', () => {
    const store = storeWith();
    expect(store.import(JSON.stringify({ passed: { a: Date.UTC(2025, 0, 2) } }), 'merge')).toEqual({ ok: true, exercises: 1, skipped: [] });
    expect(store.exercise('a').passedAt).toBe('2025-01-02T00:00:00.000Z');
  });

  it.each([
    ['text that is not JSON', 'nope', 'not JSON'],
    ['an export whose record is a list', JSON.stringify({ format: 'endpoints-progress', record: [] }), 'not a progress record'],
    ['a newer version', JSON.stringify({ version: 3 }), 'newer version'],
  ])('rejects %s with a reason and changes nothing', (_name, text, reason) => {
    const store = storeWith();
    store.recordRun('a', true);
    const before = store.current();
    const result = store.import(text, 'replace');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
    expect(store.current()).toEqual(before);
  });
});

describe('progress store: quiz answers', () => {
  const open = () => new ProgressStore(new MemoryStorage(), { now: () => new Date(Date.UTC(2026, 10, 28, 9)) });

  it('keeps each checked answer as given, with its verdict, time and tries, for a teacher to re-grade', () => {
    const store = open();
    expect(store.answerQuestion('ports-web', 'dev-server', 'web', false)).toBe(true);
    expect(store.answerQuestion('ports-web', 'dev-server', 'web : 8080', true)).toBe(true);
    expect(store.quiz('ports-web').answers['dev-server']).toEqual({ answer: 'web : 8080', correct: true, at: '2026-11-28T09:00:00.000Z', tries: 2 });
    expect(JSON.parse(store.export()).record.quizzes['ports-web'].answers['dev-server'].answer).toBe('web : 8080');
  });

  it('counts a quiz done only when every question it asks now was last answered right', () => {
    const store = open();
    store.answerQuestion('q', 'a', 'x', true);
    expect(store.quizDone('q', ['a', 'b'])).toBe(false);
    store.answerQuestion('q', 'b', 'y', true);
    expect(store.quizDone('q', ['a', 'b'])).toBe(true);
    store.answerQuestion('q', 'b', 'z', false);
    expect(store.quizDone('q', ['a', 'b'])).toBe(false);
  });

  it('refuses an answer longer than its bound, keeping the last one', () => {
    const store = open();
    store.answerQuestion('q', 'a', 'short', false);
    expect(store.answerQuestion('q', 'a', 'x'.repeat(LIMITS.answerChars + 1), false)).toBe(false);
    expect(store.quiz('q').answers.a?.answer).toBe('short');
    expect(store.takeNotices().map((n) => n.kind)).toEqual(['not-saved']);
  });

  it('merges an import keeping a right answer over a wrong one, else the later, and never mixes the two', () => {
    const mine = open();
    mine.answerQuestion('q', 'a', 'wrong-here', false);
    mine.answerQuestion('q', 'b', 'right-here', true);
    const theirs = new ProgressStore(new MemoryStorage(), { now: () => new Date(Date.UTC(2026, 11, 1)) });
    theirs.answerQuestion('q', 'a', 'right-there', true);
    theirs.answerQuestion('q', 'b', 'wrong-there', false);
    theirs.answerQuestion('q', 'c', 'later', false);
    expect(mine.import(theirs.export(), 'merge').ok).toBe(true);
    const answers = mine.quiz('q').answers;
    expect(answers.a).toMatchObject({ answer: 'right-there', correct: true });
    expect(answers.b).toMatchObject({ answer: 'right-here', correct: true });
    expect(answers.c).toMatchObject({ answer: 'later', correct: false });
  });
});
