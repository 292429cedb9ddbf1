/**
 * Hostile progress records, in localStorage and in imported files: every one is read without freezing or
 * throwing, nothing out of bounds is applied, the text as it was is kept aside, and the learner is told what
 * was left out and why (the sentences asserted are the ones the page shows).
 */
import { describe, expect, it } from 'vitest';
import { noticeText } from '../../src/components/exercise/progress-notices';
import { importStatus } from '../../src/components/exercise/progress-ui';
import { LIMITS, readProgress, type ProgressRecord } from '../../src/lib/progress/record';
import { mergeProgress } from '../../src/lib/progress/merge';
import { MemoryStorage } from '../../src/lib/progress/storage';
import { PROGRESS_KEY, ProgressStore, type ProgressNotice } from '../../src/lib/progress/store';

const NOW = Date.UTC(2026, 10, 25, 9, 0);
const clock = () => {
  let t = NOW;
  return () => new Date((t += 1000));
};
const COURSE = ['echo-server', 'first-client'];
/** `known`: the course's exercise ids as the page knows them; null for a page that cannot know them. */
const open = (storage: MemoryStorage, known: string[] | null = COURSE) =>
  new ProgressStore(storage, { now: clock(), ...(known ? { knownExercises: known } : {}) });

const PASSED = '2026-11-01T10:00:00.000Z';
const goodEntry = (extra: Record<string, unknown> = {}) => ({ draft: { 'server.ts': 'mine' }, passedAt: PASSED, attempts: 3, failedRuns: 2, hintsSeen: 1, ...extra });
const recordText = (exercises: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 1, exercises, lessonsVisited: {}, updatedAt: '2026-11-20T00:00:00.000Z', ...extra });

/** A JSON text nested `depth` levels deep: `[[[…]]]`. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Stores `text`, opens the store, and returns it with the one set-aside notice and the sentence the page shows. */
function load(text: string, known: string[] | null = COURSE) {
  const storage = new MemoryStorage();
  storage.setItem(PROGRESS_KEY, text);
  const store = open(storage, known);
  const notices = store.takeNotices();
  const setAside = notices.find((n): n is Extract<ProgressNotice, { kind: 'set-aside' }> => n.kind === 'set-aside');
  return { storage, store, notices, setAside, message: setAside ? noticeText(setAside) : '' };
}

/** The set-aside copy holds the text exactly as it was. */
function expectKeptAside(storage: MemoryStorage, notice: Extract<ProgressNotice, { kind: 'set-aside' }> | undefined, text: string) {
  expect(notice?.key).toMatch(/^endpoints:progress:set-aside:/);
  expect(storage.getItem(notice!.key!)).toBe(text);
}

describe('a poisoned record in storage: out-of-bounds values are set aside, never applied', () => {
  it.each([
    ['a hint counter of 1e308', { hintsSeen: 1e308 }, 'hintsSeen', 0, 'exercise “echo-server”: hints opened is 1e+308, not a whole number from 0 to 3'],
    ['a negative run count', { attempts: -5 }, 'attempts', 0, 'exercise “echo-server”: number of runs is -5, not a whole number from 0 to 1,000,000'],
    ['NaN as a string', { failedRuns: 'NaN' }, 'failedRuns', 0, 'exercise “echo-server”: number of failed runs is "NaN", not a whole number'],
    ['a fraction', { hintsSeen: 1.5 }, 'hintsSeen', 0, 'hints opened is 1.5, not a whole number'],
    ['Infinity written as a huge exponent', { attempts: '@1e400' }, 'attempts', 0, 'number of runs is Infinity'],
    ['a boolean for a count', { attempts: true }, 'attempts', 0, 'number of runs is true'],
  ])('%s: the field falls back, the rest of the exercise is kept, and the notice says why', (_name, poison, field, fallback, sentence) => {
    // 1e400 is not JSON a browser writes, but it is JSON: it parses as Infinity.
    const text = recordText({ 'echo-server': goodEntry(poison) }).replace('"@1e400"', '1e400');
    const { storage, store, setAside, message } = load(text, COURSE);
    const entry = store.exercise('echo-server');
    expect(entry[field as keyof typeof entry]).toBe(fallback);
    expect(entry.passedAt).toBe(PASSED);
    expect(entry.draft).toEqual({ 'server.ts': 'mine' });
    expect(setAside?.whole).toBe(false);
    expectKeptAside(storage, setAside, text);
    expect(message).toMatch(/^Part of your saved progress could not be used, so it was set aside and not applied: /);
    expect(message).toContain(sentence);
    expect(message).toContain('nothing was deleted');
  });

  it('drops an unknown field nested 10,000 levels deep without walking into it; the record still saves and reads', () => {
    const text = recordText({ 'echo-server': goodEntry() }).replace('"hintsSeen":1', `"hintsSeen":1,"deep":${nested(10_000)}`);
    const started = performance.now();
    const { storage, store, setAside, message } = load(text, COURSE);
    const ms = performance.now() - started;
    expect(store.exercise('echo-server')).toEqual(goodEntry());
    expect(message).toContain('exercise “echo-server”: “deep” is not something the course saves, so it was left out');
    expectKeptAside(storage, setAside, text);
    // What is kept is small and flat again: it serialises, clones and saves.
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).exercises['echo-server']).toEqual(goodEntry());
    expect(store.recordRun('echo-server', true)).toBe(true);
    expect(JSON.stringify(store.current()).length).toBeLessThan(1000);
    console.log(`read a record with a field nested 10,000 levels deep in ${ms.toFixed(1)} ms`);
  });

  it.each([
    ['a draft file', (deep: string) => recordText({ 'echo-server': goodEntry({ draft: { 'server.ts': 'mine', 'x.ts': '@' } }) }).replace('"@"', deep), 'exercise “echo-server”: file “x.ts” is a list, not a text, so it was left out'],
    ['the exercises', (deep: string) => recordText({}).replace('"exercises":{}', `"exercises":${deep}`), 'exercises is a list, not a group of exercises'],
  ])('refuses 10,000 levels of nesting in %s', (_name, make, sentence) => {
    const text = make(nested(10_000));
    const { storage, setAside, message } = load(text, COURSE);
    expect(message).toContain(sentence);
    expectKeptAside(storage, setAside, text);
  });

  it('leaves out a draft file of 5 MB with its size, and keeps the other files', () => {
    const huge = 'x'.repeat(2_500_000); // 2.5 M characters: under the text bound, far over a file's
    const text = recordText({ 'echo-server': goodEntry({ draft: { 'server.ts': 'mine', 'big.ts': huge } }) });
    const { store, setAside, message } = load(text, COURSE);
    expect(store.exercise('echo-server').draft).toEqual({ 'server.ts': 'mine' });
    expect(setAside?.whole).toBe(false);
    expect(message).toContain('exercise “echo-server”: file “big.ts” has 2,500,000 characters; at most 100,000 are kept, so it was left out');
    expect(message).not.toContain('xxxxxxxxxx');
  });

  it('does not even parse a 5 MB record: it is set aside whole, with its size', () => {
    const text = recordText({ 'echo-server': goodEntry({ note: 'y'.repeat(5 * 1024 * 1024) }) });
    const { storage, store, setAside, message } = load(text, COURSE);
    expect(setAside?.whole).toBe(true);
    expect(store.current().exercises).toEqual({});
    expectKeptAside(storage, setAside, text);
    expect(message).toMatch(/^Your saved progress could not be read \(it is 5,24\d,\d{3} characters long; progress is at most 4,000,000\), so it was set aside and a fresh record started\./);
    expect(storage.getItem(PROGRESS_KEY)).toBeNull();
  });

  it.each([
    ['exercises as a text', { exercises: 'abc' }, 'exercises is "abc", not a group of exercises'],
    ['lessons visited as a list', { lessonsVisited: ['a'] }, 'lessons visited is a list, not a group of lessons'],
    ['a pass time as a number', { exercises: { 'echo-server': goodEntry({ passedAt: 12345 }) } }, 'time of the first pass is 12345, not a date and time, so it was left out'],
    ['a pass time in the year 9999', { exercises: { 'echo-server': goodEntry({ passedAt: '9999-01-01T00:00:00.000Z' }) } }, 'is 9999-01-01T00:00:00.000Z, not a time between the years 2000 and 2200'],
    ['a draft as a list', { exercises: { 'echo-server': goodEntry({ draft: ['a'] }) } }, 'code is a list, not a group of files'],
    ['an exercise as a number', { exercises: { 'echo-server': 7 } }, 'exercise “echo-server” is 7, not a group of fields, so it was left out'],
    ['a draft file with a path in its name', { exercises: { 'echo-server': goodEntry({ draft: { '../../etc/passwd': 'x' } }) } }, 'file “../../etc/passwd” is not a valid name, so it was left out'],
  ])('reads %s as the rest of the record, with a notice', (_name, override, sentence) => {
    const text = JSON.stringify({ version: 1, exercises: {}, lessonsVisited: {}, updatedAt: '2026-11-20T00:00:00.000Z', ...override });
    const { storage, setAside, message } = load(text, COURSE);
    expect(message).toContain(sentence);
    expectKeptAside(storage, setAside, text);
    const read = readProgress(JSON.parse(storage.getItem(PROGRESS_KEY)!), { knownExercises: new Set(COURSE) });
    expect(read.ok && read.problems).toEqual([]);
  });

  it('drops unknown fields at every level and keeps what is known', () => {
    const text = JSON.stringify({ version: 1, exercises: { 'echo-server': goodEntry({ cheat: true }) }, lessonsVisited: {}, updatedAt: '2026-11-20T00:00:00.000Z', admin: 1, theme: 'x' });
    const { store, message } = load(text, COURSE);
    expect(store.current()).not.toHaveProperty('admin');
    expect(store.exercise('echo-server')).toEqual(goodEntry());
    expect(message).toContain('“admin” is not something the course saves');
    expect(message).toContain('“theme” is not something the course saves');
    expect(message).toContain('exercise “echo-server”: “cheat” is not something the course saves');
  });

  it('never lets __proto__ or constructor keys reach a prototype', () => {
    const text = `{"version":1,"__proto__":{"polluted":1},"exercises":{"__proto__":{"attempts":5},"constructor":{"attempts":5},"echo-server":{"__proto__":{"passedAt":"${PASSED}"},"draft":{"__proto__":"x"}}},"lessonsVisited":{},"updatedAt":"2026-11-20T00:00:00.000Z"}`;
    const { store, message } = load(text, null);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const record = store.current();
    expect(Object.keys(record.exercises)).toEqual(['echo-server']);
    expect(Object.getPrototypeOf(record.exercises)).toBe(Object.prototype);
    expect(store.exercise('echo-server')).toEqual({ draft: {}, attempts: 0, failedRuns: 0, hintsSeen: 0 });
    expect(store.exercise('echo-server').passedAt).toBeUndefined();
    expect(store.exercise('constructor')).toEqual({ draft: {}, attempts: 0, failedRuns: 0, hintsSeen: 0 });
    expect(store.progressOf(['constructor', '__proto__', 'toString'])).toEqual({ passed: 0, total: 3 });
    expect(message).toContain('exercise “__proto__” is not a valid name');
    expect(message).toContain('exercise “constructor” is not a valid name');
    expect(message).toContain('“__proto__” is not something the course saves');
  });

  it('sets aside progress for exercises the course does not have, when the page knows the course', () => {
    const text = recordText({ 'echo-server': goodEntry(), 'made-up': goodEntry() });
    const { store, message } = load(text, COURSE);
    expect(Object.keys(store.current().exercises)).toEqual(['echo-server']);
    expect(message).toContain('exercise “made-up” is not an exercise of this course, so it was left out');
    // A page that cannot know the course keeps any well-formed id.
    expect(Object.keys(load(text, null).store.current().exercises)).toEqual(['echo-server', 'made-up']);
  });

  it('keeps at most 500 exercises and says how many were left out', () => {
    const many = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`ex-${i}`, goodEntry()]));
    const { store, message } = load(recordText(many), null);
    expect(Object.keys(store.current().exercises)).toHaveLength(LIMITS.exercises);
    expect(message).toContain('100 more exercises were left out: progress keeps at most 500 exercises');
  });

  it.each([
    ['a version of 1e308', JSON.stringify({ version: 1e308 }), 'was written by a newer version of the course (version 1e+308)'],
    ['a negative version', JSON.stringify({ version: -1 }), 'has an unreadable version (-1)'],
    ['a version as text', JSON.stringify({ version: '1' }), 'has an unreadable version (string)'],
    ['null', 'null', 'is not a progress record'],
  ])('sets aside %s whole', (_name, text, reason) => {
    const { storage, setAside, message } = load(text, COURSE);
    expect(setAside?.whole).toBe(true);
    expectKeptAside(storage, setAside, text);
    expect(message).toContain(reason);
  });

  it('upgrades an old (version 0) record with impossible times without throwing', () => {
    const text = JSON.stringify({ passed: { 'echo-server': 1e308, 'first-client': Date.UTC(2025, 5, 1) }, drafts: 'x', visited: [1, 'ports/echo-server'] });
    const { store, message } = load(text, COURSE);
    expect(store.exercise('first-client').passedAt).toBe('2025-06-01T00:00:00.000Z');
    expect(store.exercise('echo-server').passedAt).toBeUndefined();
    expect(message).toContain('exercise “echo-server”: time of the first pass is 1e+308, not a date and time');
  });

  it('shows a notice once: the cleaned record is written back', () => {
    const { storage } = load(recordText({ 'echo-server': goodEntry({ hintsSeen: 1e308 }) }), COURSE);
    const again = open(storage);
    expect(again.takeNotices()).toEqual([]);
    expect(again.exercise('echo-server').hintsSeen).toBe(0);
  });
});

describe('changes the store refuses: a record is never written that the next visit would set aside', () => {
  it('refuses a draft over the bound with a notice, once, and keeps the last good draft', () => {
    const storage = new MemoryStorage();
    const store = open(storage);
    expect(store.saveDraft('echo-server', 'server.ts', 'fine')).toBe(true);
    expect(store.saveDraft('echo-server', 'server.ts', 'z'.repeat(LIMITS.draftChars + 1))).toBe(false);
    expect(store.saveDraft('echo-server', 'server.ts', 'z'.repeat(LIMITS.draftChars + 1))).toBe(false);
    const notices = store.takeNotices();
    expect(notices).toHaveLength(1);
    expect(noticeText(notices[0]!)).toBe('This change to your progress was not saved: exercise “echo-server”: file “server.ts” has 100,001 characters; at most 100,000 are kept, so it was left out. What you see on the page is unchanged.');
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).exercises['echo-server'].draft['server.ts']).toBe('fine');
  });

  it('stops counters at their bound instead of leaving it', () => {
    const text = recordText({ 'echo-server': goodEntry({ attempts: LIMITS.runs, failedRuns: LIMITS.runs, hintsSeen: 3 }) });
    const { storage, store, notices } = load(text, COURSE);
    expect(notices).toEqual([]);
    expect(store.recordRun('echo-server', false)).toBe(true);
    expect(store.openHint('echo-server', 3)).toBe(true);
    expect(store.exercise('echo-server')).toMatchObject({ attempts: LIMITS.runs, failedRuns: LIMITS.runs, hintsSeen: 3 });
    expect(open(storage).takeNotices()).toEqual([]);
  });

  it('refuses progress for an exercise the course does not have', () => {
    const store = open(new MemoryStorage());
    expect(store.recordRun('not-in-course', true)).toBe(false);
    expect(noticeText(store.takeNotices()[0]!)).toContain('exercise “not-in-course” is not an exercise of this course');
  });
});

describe('a poisoned import file: checked like stored progress, reported, never applied', () => {
  const exportOf = (exercises: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ format: 'endpoints-progress', exportedAt: '2026-11-21T00:00:00.000Z', record: JSON.parse(recordText(exercises, extra)) });

  it('applies the good parts and lists what it skipped and why', () => {
    const store = open(new MemoryStorage());
    const file = exportOf({ 'echo-server': goodEntry({ hintsSeen: 1e308, deep: '@deep' }), 'made-up': goodEntry() }).replace('"@deep"', nested(10_000));
    const result = store.import(file, 'merge');
    expect(result).toMatchObject({ ok: true, exercises: 1 });
    expect(store.exercise('echo-server')).toMatchObject({ passedAt: PASSED, hintsSeen: 0, attempts: 3 });
    expect(store.current().exercises).not.toHaveProperty('made-up');
    expect(importStatus(result)).toBe(
      'Imported: 1 exercise merged with the progress in this browser. Skipped, and not applied: exercise “echo-server”: hints opened is 1e+308, not a whole number from 0 to 3; exercise “echo-server”: “deep” is not something the course saves, so it was left out; exercise “made-up” is not an exercise of this course, so it was left out.',
    );
  });

  it.each([
    ['a file of 5 MB', () => exportOf({}, { pad: 'p'.repeat(5 * 1024 * 1024) }), /^Not imported: This file is 5,24\d,\d{3} characters long; progress is at most 4,000,000\.$/],
    ['a file nested 10,000 levels deep', () => nested(10_000), /^Not imported: This file is not a progress record\.$/],
    ['an export whose record is a text', () => JSON.stringify({ format: 'endpoints-progress', record: 'x' }), /^Not imported: This file is not a progress record\.$/],
    ['a file from a newer course', () => JSON.stringify({ version: 2 }), /^Not imported: This file was written by a newer version of the course \(version 2\)\.$/],
    ['a file that is not JSON', () => '{"version":1,', /^Not imported: This file is not JSON: choose a file exported from this course\.$/],
  ])('refuses %s with a reason and changes nothing', (_name, make, message) => {
    const store = open(new MemoryStorage());
    store.recordRun('echo-server', true);
    const before = store.current();
    const result = store.import(make(), 'merge');
    expect(result.ok).toBe(false);
    expect(importStatus(result)).toMatch(message);
    expect(store.current()).toEqual(before);
  });

  it('never pollutes a prototype through an imported __proto__', () => {
    const store = open(new MemoryStorage(), null);
    const text = `{"format":"endpoints-progress","record":{"version":1,"exercises":{"__proto__":{"hintsSeen":3}},"lessonsVisited":{"__proto__":"${PASSED}"},"updatedAt":"${PASSED}"}}`;
    const result = store.import(text, 'merge');
    expect(result).toMatchObject({ ok: true, exercises: 0 });
    expect(({} as Record<string, unknown>).hintsSeen).toBeUndefined();
    expect(importStatus(result)).toContain('exercise “__proto__” is not a valid name');
    expect(importStatus(result)).toContain('lesson “__proto__” is not a valid name');
  });
});

describe('repair by import: a merge can always replace a bad stored value with a valid one', () => {
  it('a hint counter of 1e308 in storage, then the learner imports a correct file', () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, recordText({ 'echo-server': goodEntry({ hintsSeen: 1e308, passedAt: 'soon' }) }));
    const store = open(storage);
    expect(store.takeNotices().map((n) => n.kind)).toEqual(['set-aside']);
    const file = JSON.stringify({ format: 'endpoints-progress', record: JSON.parse(recordText({ 'echo-server': goodEntry({ hintsSeen: 2 }) })) });
    expect(store.import(file, 'merge')).toEqual({ ok: true, exercises: 1, skipped: [] });
    expect(store.exercise('echo-server')).toMatchObject({ hintsSeen: 2, passedAt: PASSED });
    expect(open(storage).exercise('echo-server')).toMatchObject({ hintsSeen: 2, passedAt: PASSED });
  });

  it('a merge of two records at their bounds stays within them, and says what it skipped', () => {
    const big = (prefix: string) =>
      Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`${prefix}-${i}`, goodEntry({ attempts: LIMITS.runs })]));
    const mine = readProgress(JSON.parse(recordText(big('a'))));
    const theirs = readProgress(JSON.parse(recordText({ ...big('b'), 'a-0': goodEntry({ attempts: LIMITS.runs, hintsSeen: 3 }) })));
    if (!mine.ok || !theirs.ok) throw new Error('fixtures must read');
    const merged = mergeProgress(mine.record, theirs.record);
    expect(Object.keys(merged.record.exercises)).toHaveLength(LIMITS.exercises);
    expect(merged.record.exercises['a-0']).toMatchObject({ attempts: LIMITS.runs, hintsSeen: 3 });
    expect(merged.skipped).toHaveLength(300);
    expect(merged.skipped[0]!.what).toBe('exercise “b-100” was not merged: progress keeps at most 500 exercises');
    const reread = readProgress(merged.record);
    expect(reread.ok && reread.problems).toEqual([]);
  });

  it('a merge never grows the record past its size bound', () => {
    const heavy = (prefix: string) =>
      Object.fromEntries(Array.from({ length: 2 }, (_, i) => [`${prefix}-${i}`, goodEntry({ draft: Object.fromEntries(Array.from({ length: 8 }, (_, f) => [`f${f}.ts`, 'h'.repeat(99_000)])) })]));
    const mine = readProgress(JSON.parse(recordText(heavy('a'))));
    const theirs = readProgress(JSON.parse(recordText(heavy('b'))));
    if (!mine.ok || !theirs.ok) throw new Error('fixtures must read');
    const merged = mergeProgress(mine.record, theirs.record);
    expect(Object.keys(merged.record.exercises)).toEqual(['a-0', 'a-1']);
    expect(merged.skipped.map((p) => p.what)).toEqual([
      'exercise “b-0” was not merged: progress keeps at most 2,000,000 characters of exercises',
      'exercise “b-1” was not merged: progress keeps at most 2,000,000 characters of exercises',
    ]);
  });

  it('any two valid records merge into a valid one (seeded random records at and near their bounds)', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const countNear = (max: number) => pick([0, 1, max - 1, max, Math.floor(random() * max)]);
    const time = () => new Date(pick([Date.UTC(2000, 0, 1), Date.UTC(2199, 11, 31), Date.UTC(2026, 0, 1) + Math.floor(random() * 1e10)])).toISOString();
    const makeRecord = (): ProgressRecord => {
      const exercises: ProgressRecord['exercises'] = {};
      for (let i = 0; i < 1 + random() * 6; i++) {
        const files = Object.fromEntries(Array.from({ length: Math.floor(random() * 9) }, () => [`${pick(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'])}.ts`, 't'.repeat(pick([0, 1, 5_000]))]));
        exercises[pick(['e1', 'e2', 'e3', 'e4'])] = {
          draft: Object.fromEntries(Object.entries(files).slice(0, LIMITS.draftFiles)),
          attempts: countNear(LIMITS.runs),
          failedRuns: countNear(LIMITS.runs),
          hintsSeen: countNear(LIMITS.hints),
          ...(random() < 0.5 ? { passedAt: time() } : {}),
        };
      }
      const quizzes: ProgressRecord['quizzes'] = {};
      for (let i = 0; i < random() * 4; i++) {
        const answers = Object.fromEntries(
          Array.from({ length: Math.floor(random() * (LIMITS.quizQuestions + 1)) }, (_, q) => [
            `q${q}`,
            { answer: 'a'.repeat(pick([0, 1, LIMITS.answerChars])), correct: random() < 0.5, at: time(), tries: countNear(LIMITS.quizTries) },
          ]),
        );
        quizzes[pick(['nic-one', 'nic-two', 'ports-one'])] = { answers };
      }
      const assignments: ProgressRecord['assignments'] = {};
      for (let i = 0; i < random() * 3; i++) assignments[pick(['0000000a', '0000000b', 'c0ffee00'])] = { code: 'EPA1.'.padEnd(pick([5, LIMITS.assignmentChars]), 'x'), openedAt: time() };
      return { version: 1, exercises, lessonsVisited: random() < 0.5 ? { 'ports/echo-server': time() } : {}, quizzes, assignments, updatedAt: time() };
    };
    for (let round = 0; round < 200; round++) {
      const [a, b] = [makeRecord(), makeRecord()];
      for (const record of [a, b]) expect(readProgress(record).ok && (readProgress(record) as { problems: unknown[] }).problems).toEqual([]);
      const merged = mergeProgress(a, b).record;
      const read = readProgress(merged);
      expect(read.ok && read.problems, `round ${round}`).toEqual([]);
    }
  }, 60_000); // many rounds of records at their bounds: seconds on a loaded machine
});

describe('poisoned quiz answers are set aside, never applied', () => {
  const withQuiz = (answers: unknown) => recordText({}, { quizzes: { 'ports-web': { answers } } });
  it.each([
    ['an answer of 10,000 characters', { a: { answer: 'x'.repeat(10_000), correct: true, at: PASSED, tries: 1 } }, 'answer has 10,000 characters; at most 200 are kept'],
    ['a verdict that is not true or false', { a: { answer: 'web:8080', correct: 'yes', at: PASSED, tries: 1 } }, 'whether it was right is "yes", not true or false'],
    ['a question id that is not one', { 'Bad Id!': { answer: 'x', correct: true, at: PASSED, tries: 1 } }, 'question “Bad Id!” is not a valid name'],
    ['tries of 1e308', { a: { answer: 'x', correct: true, at: PASSED, tries: 1e308 } }, 'number of tries is 1e+308'],
  ])('%s', (_name, answers, sentence) => {
    const text = withQuiz(answers);
    const { storage, setAside, message } = load(text, COURSE);
    expect(message).toContain(sentence);
    expectKeptAside(storage, setAside, text);
  });

  it('keeps at most LIMITS.quizQuestions answers per quiz and says how many more were left out', () => {
    const answers = Object.fromEntries(Array.from({ length: LIMITS.quizQuestions + 5 }, (_, i) => [`q${i}`, { answer: 'a', correct: true, at: PASSED, tries: 1 }]));
    const { store, message } = load(withQuiz(answers), COURSE);
    expect(Object.keys(store.quiz('ports-web').answers)).toHaveLength(LIMITS.quizQuestions);
    expect(message).toContain('5 more answers were left out: progress keeps at most 20 answers');
  });
});
