/**
 * A run's results as the progress record keeps them (`lastRun`), and back: after a reload the page shows the
 * learner's last results as they were. Texts are cut to the record's bounds here, so saving never fails for
 * a long console line; the checks' titles are not kept (the exercise has them).
 */
import type { CheckResult } from '../../lib/grader/checks';
import { LIMITS, type StoredRun } from '../../lib/progress';
import type { RunReport } from './results-view';

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const file = (name: string | undefined) => (name === undefined ? undefined : cut(name, 64));

/** Lists are kept as maps from positions: `{ "0": …, "1": … }`. */
const asPositions = <T>(items: readonly T[]): Record<string, T> => Object.fromEntries(items.map((item, i) => [String(i), item]));
const fromPositions = <T>(map: Readonly<Record<string, T>>): T[] =>
  Object.keys(map)
    .map(Number)
    .sort((a, b) => a - b)
    .map((position) => map[String(position)]!);

function problem(where: { file?: string; line?: number; message: string }) {
  return {
    ...(where.file !== undefined ? { file: file(where.file)! } : {}),
    ...(where.line !== undefined && Number.isInteger(where.line) && where.line >= 0 ? { line: Math.min(where.line, LIMITS.lineNumber) } : {}),
    message: cut(where.message, LIMITS.runText),
  };
}

export function storedRun(report: RunReport): Omit<StoredRun, 'at'> {
  const kept = report.console.slice(0, LIMITS.runConsoleLines);
  return {
    outcome: report.outcome,
    ...(report.error ? { error: problem(report.error) } : {}),
    checks: Object.fromEntries(
      report.checks.slice(0, LIMITS.runChecks).map((check) => [
        check.id,
        {
          passed: check.passed,
          message: cut(check.message, LIMITS.runText),
          ...(check.hint !== undefined ? { hint: cut(check.hint, LIMITS.runText) } : {}),
          ...(check.misconception !== undefined ? { misconception: check.misconception } : {}),
        },
      ]),
    ),
    console: asPositions(kept.map((line) => ({ text: cut(line.text, LIMITS.runLineChars), stream: line.stream, file: cut(line.file, 64) }))),
    consoleDropped: Math.min(report.consoleDropped + (report.console.length - kept.length), LIMITS.runs),
    typeProblems: asPositions(report.typeProblems.slice(0, LIMITS.runTypeProblems).map(problem)),
  };
}

/** The report of a stored run, its checks in the exercise's order with the exercise's titles. */
export function reportOf(stored: StoredRun, checks: readonly Pick<CheckResult, 'id' | 'title'>[]): RunReport {
  const results: CheckResult[] = checks.flatMap((check) => {
    const saved = Object.hasOwn(stored.checks, check.id) ? stored.checks[check.id] : undefined;
    return saved ? [{ id: check.id, title: check.title, ...saved }] : [];
  });
  return {
    outcome: stored.outcome,
    error: stored.error ?? null,
    checks: results,
    console: fromPositions(stored.console).map((line) => ({ ...line, at: 0 })),
    consoleDropped: stored.consoleDropped,
    typeProblems: fromPositions(stored.typeProblems).map((found) => ({ file: found.file ?? '', line: found.line ?? 0, message: found.message })),
  };
}
