/**
 * The last run's results and the code a reset replaced, kept in the progress record: saved and read back
 * after a reload, cut to their bounds, set aside when stored out of bounds, and merged whole (the later wins).
 */
import { describe, expect, it } from 'vitest';
import { LIMITS, readProgress } from '../../src/lib/progress/record';
import { mergeProgress } from '../../src/lib/progress/merge';
import { MemoryStorage } from '../../src/lib/progress/storage';
import { PROGRESS_KEY, ProgressStore } from '../../src/lib/progress/store';
import { reportOf, storedRun } from '../../src/components/exercise/saved-run';
import type { RunReport } from '../../src/components/exercise/results-view';

function clock(start = Date.UTC(2026, 10, 25, 9, 0)) {
  let t = start;
  return () => new Date((t += 60_000));
}
const open = (storage: MemoryStorage) => new ProgressStore(storage, { now: clock(), knownExercises: ['echo-server'] });

const checks = [
  { id: 'listening', title: 'A server listens on web:7' },
  { id: 'pairs', title: 'Three connections share the server end-point' },
];
const report: RunReport = {
  outcome: 'threw',
  error: { file: 'server.ts', line: 3, message: "Cannot read properties of undefined (reading 'write')" },
  checks: [
    { id: 'pairs', title: 'ignored: titles come from the exercise', passed: false, message: 'Only 2 connections.', hint: 'Three clients connect.', misconception: 'wrong-port' },
    { id: 'listening', title: 'x', passed: true, message: 'A TCP server listens on web:7.' },
  ],
  console: [
    { stream: 'log', text: 'listening', at: 1, file: 'server.ts' },
    { stream: 'error', text: 'x'.repeat(5_000), at: 2, file: 'server.ts' },
  ],
  consoleDropped: 3,
  typeProblems: [{ file: 'server.ts', line: 4, message: "Type 'string' is not assignable to type 'number'." }],
};

describe('a graded run, counted and kept in one save', () => {
  it('counts the run, keeps its results and the first pass time, with one write and one change told', () => {
    const storage = new MemoryStorage();
    let writes = 0;
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key, value) => {
      writes++;
      setItem(key, value);
    };
    const store = open(storage);
    let told = 0;
    store.subscribe(() => told++);
    const at = store.recordGradedRun('echo-server', false, storedRun(report));
    expect([writes, told]).toEqual([1, 1]);
    store.recordGradedRun('echo-server', true, storedRun({ ...report, outcome: 'finished', error: null }));
    const kept = open(storage).exercise('echo-server');
    expect(kept).toMatchObject({ attempts: 2, failedRuns: 1, lastRun: { outcome: 'finished' } });
    expect(kept.passedAt! > at).toBe(true);
  });

  it('still counts a run whose results are refused, and says they were not saved', () => {
    const storage = new MemoryStorage();
    const store = open(storage);
    const broken = { ...storedRun(report), checks: 'not a list' } as unknown as ReturnType<typeof storedRun>;
    store.recordGradedRun('echo-server', true, broken);
    expect(store.takeNotices().map((notice) => notice.kind)).toEqual(['not-saved']);
    const kept = open(storage).exercise('echo-server');
    expect(kept).toMatchObject({ attempts: 1, failedRuns: 0 });
    expect(kept.passedAt).toBeDefined();
    expect(kept.lastRun).toBeUndefined();
  });
});

describe('the last run, kept for the next visit', () => {
  it('is read back after a reload as the results were shown, checks in the exercise’s order with its titles', () => {
    const storage = new MemoryStorage();
    const store = open(storage);
    const at = store.saveLastRun('echo-server', storedRun(report));
    const reloaded = open(storage);
    expect(reloaded.takeNotices()).toEqual([]);
    const stored = reloaded.exercise('echo-server').lastRun!;
    expect(stored.at).toBe(at);
    const shown = reportOf(stored, checks);
    expect(shown.outcome).toBe('threw');
    expect(shown.error).toEqual(report.error);
    expect(shown.checks).toEqual([
      { id: 'listening', title: 'A server listens on web:7', passed: true, message: 'A TCP server listens on web:7.' },
      { id: 'pairs', title: 'Three connections share the server end-point', passed: false, message: 'Only 2 connections.', hint: 'Three clients connect.', misconception: 'wrong-port' },
    ]);
    expect(shown.console.map((line) => [line.stream, line.text.length])).toEqual([
      ['log', 9],
      ['error', LIMITS.runLineChars],
    ]);
    expect(shown.console[1]!.text.endsWith('…')).toBe(true);
    expect(shown.consoleDropped).toBe(3);
    expect(shown.typeProblems).toEqual(report.typeProblems);
  });

  it('keeps the first lines of a flood and counts the rest', () => {
    const flood = { ...report, console: Array.from({ length: 250 }, (_, i) => ({ stream: 'log' as const, text: `line ${i}`, at: i, file: 'server.ts' })), consoleDropped: 0 };
    const store = open(new MemoryStorage());
    store.saveLastRun('echo-server', storedRun(flood));
    const shown = reportOf(store.exercise('echo-server').lastRun!, checks);
    expect(shown.console).toHaveLength(LIMITS.runConsoleLines);
    expect(shown.console[0]!.text).toBe('line 0');
    expect(shown.console.at(-1)!.text).toBe(`line ${LIMITS.runConsoleLines - 1}`);
    expect(shown.consoleDropped).toBe(250 - LIMITS.runConsoleLines);
  });

  it('leaves out a console line nested 10,000 levels deep without walking into it', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const text = `{"version":1,"exercises":{"echo-server":{"draft":{},"attempts":1,"failedRuns":0,"hintsSeen":0,"lastRun":{"at":"2026-11-20T00:00:00.000Z","outcome":"finished","checks":{},"console":{"0":${deep}},"consoleDropped":0,"typeProblems":{}}}},"lessonsVisited":{},"updatedAt":"2026-11-20T00:00:00.000Z"}`;
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, text);
    const store = open(storage);
    expect(store.exercise('echo-server').lastRun).toMatchObject({ outcome: 'finished', console: {} });
    expect(JSON.stringify(store.takeNotices())).toContain('line “0” is a list, not a group of fields, so it was left out');
  });

  it('drops results of checks the exercise no longer has', () => {
    const store = open(new MemoryStorage());
    store.saveLastRun('echo-server', storedRun(report));
    expect(reportOf(store.exercise('echo-server').lastRun!, [checks[0]!]).checks.map((check) => check.id)).toEqual(['listening']);
  });

  it('is set aside, with a reason, when stored out of bounds, and the rest of the exercise is kept', () => {
    const storage = new MemoryStorage();
    const lastRun = { at: '2026-11-20T00:00:00.000Z', outcome: 'exploded', checks: { listening: { passed: 'yes', message: 'm' } }, console: { 0: { text: 'x'.repeat(400), stream: 'log', file: 'a.ts' } }, consoleDropped: 1e308, typeProblems: {} };
    storage.setItem(PROGRESS_KEY, JSON.stringify({ version: 1, exercises: { 'echo-server': { draft: { 'server.ts': 'mine' }, attempts: 2, failedRuns: 1, hintsSeen: 0, lastRun } }, lessonsVisited: {}, updatedAt: '2026-11-20T00:00:00.000Z' }));
    const store = open(storage);
    const notice = store.takeNotices().find((n) => n.kind === 'set-aside');
    expect(notice).toBeDefined();
    const said = JSON.stringify(notice);
    expect(said).toContain('outcome is \\"exploded\\", not one of finished, threw, timed-out, limit, did-not-compile');
    expect(said).toContain('lines not kept is 1e+308');
    expect(said).toContain(`has 400 characters; at most ${LIMITS.runLineChars} are kept`);
    const entry = store.exercise('echo-server');
    expect(entry.draft).toEqual({ 'server.ts': 'mine' });
    expect(entry.lastRun).toMatchObject({ outcome: 'finished', consoleDropped: 0, console: {} });
  });

  it('is merged whole on import: the later run, never a mix of two', () => {
    const early = open(new MemoryStorage());
    early.saveLastRun('echo-server', storedRun(report), '2026-11-01T00:00:00.000Z');
    const late = open(new MemoryStorage());
    late.saveLastRun('echo-server', storedRun({ ...report, outcome: 'finished', error: null, checks: [] }), '2026-11-02T00:00:00.000Z');
    for (const [mine, theirs] of [[early, late], [late, early]] as const) {
      const merged = mergeProgress(mine.current(), theirs.current()).record.exercises['echo-server']!.lastRun!;
      expect(merged.at).toBe('2026-11-02T00:00:00.000Z');
      expect(merged.outcome).toBe('finished');
      expect(merged.error).toBeUndefined();
      expect(merged.checks).toEqual({});
    }
  });
});

describe('the code a reset replaced', () => {
  it('is kept for "Undo reset" across a reload, and forgotten when undone', () => {
    const storage = new MemoryStorage();
    const store = open(storage);
    store.rememberReset('echo-server', 'server.ts', 'my own attempt');
    expect(open(storage).exercise('echo-server').beforeReset).toMatchObject({ file: 'server.ts', text: 'my own attempt' });
    store.forgetReset('echo-server');
    expect(open(storage).exercise('echo-server').beforeReset).toBeUndefined();
  });

  it('is refused past the bound of a draft, with a notice, and the record stays as it was', () => {
    const store = open(new MemoryStorage());
    expect(store.rememberReset('echo-server', 'server.ts', 'x'.repeat(LIMITS.draftChars + 1))).toBe(false);
    expect(store.exercise('echo-server').beforeReset).toBeUndefined();
    expect(store.takeNotices().map((notice) => notice.kind)).toContain('not-saved');
  });

  it('reads a stored one that is too long as empty code (the page then offers no undo), saying so', () => {
    const read = readProgress({ version: 1, exercises: { 'echo-server': { draft: {}, attempts: 0, failedRuns: 0, hintsSeen: 0, beforeReset: { at: '2026-11-20T00:00:00.000Z', file: 'server.ts', text: 'x'.repeat(LIMITS.draftChars + 1) } } }, lessonsVisited: {}, updatedAt: '2026-11-20T00:00:00.000Z' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.record.exercises['echo-server']!.beforeReset?.text).toBe('');
    expect(read.problems.map((problem) => problem.what).join('\n')).toContain(`code has ${(LIMITS.draftChars + 1).toLocaleString('en-US')} characters`);
  });
});
