/**
 * Renders one graded run into the results region: a status sentence, the checklist (misconceptions marked),
 * the program's console output, and a link to the next lesson on success. Plain DOM; the region is
 * `aria-live`, so what is written here is announced.
 */
import type { CheckResult } from '../../lib/grader/checks';
import type { ConsoleLine, RunRecord } from '../../lib/runner/protocol';
import type { SeededGrading } from '../../lib/grader/across-seeds';
import { TIMED_OUT_MESSAGE } from './run-collector';

export interface GradedRun {
  record: RunRecord;
  results: CheckResult[];
  /** Type problems TypeScript found (they warn, they do not block). */
  typeProblems: { file: string; line: number; message: string }[];
  /** Lines of console output the runner dropped to protect the page. */
  consoleDropped: number;
  /** Which of a grading's runs (one per seed) this is, when it made several. */
  seeded?: Pick<SeededGrading, 'run' | 'runs' | 'seed' | 'passed'>;
}

/** Where the error happened, in the learner's words: "server.ts, line 3". */
export function placeOf(error: NonNullable<RunRecord['error']>): string {
  if (!error.line) return error.file ?? '';
  return `${error.file ? `${error.file}, ` : ''}line ${error.line}`;
}

/** The one sentence that tells the learner how the run went. */
export function statusSentence(run: Pick<GradedRun, 'record' | 'results'>): string {
  const { record, results } = run;
  const passed = results.filter((result) => result.passed).length;
  const tally = `${passed} of ${results.length} checks passed.`;
  switch (record.outcome) {
    case 'did-not-compile':
      return `Your program did not compile (${placeOf(record.error ?? { message: '' })}): ${record.error?.message ?? 'syntax error'}. Fix that line and run again.`;
    case 'timed-out':
      return `${TIMED_OUT_MESSAGE} It was stopped after its time budget. ${tally}`;
    case 'limit':
      return `The run was stopped: ${record.error?.message ?? 'a program went past a limit of the run.'} ${tally}`;
    case 'threw': {
      const where = record.error ? placeOf(record.error) : '';
      return `Your program stopped with an error${where ? ` at ${where}` : ''}: ${record.error?.message ?? 'unknown error'}. ${tally}`;
    }
    case 'finished':
      return passed === results.length ? `All ${results.length} checks passed. Well done!` : tally;
    default: {
      const unknownOutcome: never = record.outcome;
      return String(unknownOutcome);
    }
  }
}

export function allPassed(run: Pick<GradedRun, 'record' | 'results'>): boolean {
  return run.record.outcome !== 'did-not-compile' && run.results.length > 0 && run.results.every((r) => r.passed);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function checklist(results: CheckResult[]): HTMLElement {
  const list = element('ul', 'exercise-checks');
  list.setAttribute('aria-label', 'Checks');
  for (const result of results) {
    const item = element('li', `exercise-check ${result.passed ? 'is-passed' : 'is-failed'}`);
    if (result.misconception) item.classList.add('is-misconception');
    const mark = element('span', 'exercise-check-mark', result.passed ? '✓' : '✗');
    mark.setAttribute('aria-hidden', 'true');
    const title = element('strong', 'exercise-check-title', result.title);
    const verdict = element('span', 'sr-only', result.passed ? 'Passed: ' : 'Failed: ');
    const message = element('p', 'exercise-check-message', result.message);
    item.append(mark, verdict, title);
    if (result.misconception) item.append(element('span', 'exercise-misconception-label', 'Common mix-up'));
    item.append(message);
    if (!result.passed && result.hint) item.append(element('p', 'exercise-check-hint', `Hint: ${result.hint}`));
    list.append(item);
  }
  return list;
}

function consoleOutput(lines: ConsoleLine[], dropped: number, multipleFiles: boolean): HTMLElement {
  const box = element('div', 'exercise-console');
  box.append(element('h3', 'exercise-subheading', 'Console output'));
  if (lines.length === 0) {
    box.append(element('p', 'exercise-console-empty', 'Your program printed nothing.'));
    return box;
  }
  const pre = element('pre', 'exercise-console-lines');
  pre.tabIndex = 0;
  pre.setAttribute('aria-label', 'Console output');
  for (const line of lines) {
    const row = element('span', `exercise-console-line is-${line.stream}`);
    row.textContent = `${multipleFiles ? `[${line.file}] ` : ''}${line.text}\n`;
    pre.append(row);
  }
  box.append(pre);
  if (dropped > 0) {
    box.append(
      element('p', 'exercise-console-capped', `… ${dropped} more lines were not shown: the output was cut to keep the page responsive.`),
    );
  }
  return box;
}

function typeNotes(problems: GradedRun['typeProblems']): HTMLElement {
  const box = element('div', 'exercise-type-notes');
  box.append(
    element(
      'p',
      '',
      `TypeScript found ${problems.length === 1 ? 'a type problem' : `${problems.length} type problems`} (the program ran anyway):`,
    ),
  );
  const list = element('ul', '');
  for (const problem of problems.slice(0, 5)) list.append(element('li', '', `${problem.file}, line ${problem.line}: ${problem.message}`));
  box.append(list);
  return box;
}

export function renderRunning(region: HTMLElement): void {
  region.setAttribute('aria-busy', 'true');
  const status = region.querySelector('[data-status]');
  if (status) status.textContent = 'Running your program…';
}

export function renderResults(region: HTMLElement, run: GradedRun, nextLesson: { href: string; label: string } | null): void {
  const status = element('p', 'exercise-status', statusSentence(run));
  status.dataset.status = '';
  const success = allPassed(run);
  status.classList.add(success ? 'is-success' : 'is-failure');
  const parts: HTMLElement[] = [status];
  const note = seedNote(run.seeded);
  if (note) parts.push(element('p', 'exercise-seeds', note));
  if (run.typeProblems.length > 0) parts.push(typeNotes(run.typeProblems));
  if (run.record.outcome !== 'did-not-compile') parts.push(checklist(run.results));
  if (success && nextLesson) {
    const next = element('p', 'exercise-next');
    const link = element('a', 'exercise-next-link', `Next lesson: ${nextLesson.label} →`);
    link.href = nextLesson.href;
    next.append(link);
    parts.push(next);
  }
  const files = new Set(run.record.console.map((line) => line.file));
  parts.push(consoleOutput(run.record.console, run.consoleDropped, files.size > 1));
  region.replaceChildren(...parts);
  region.removeAttribute('aria-busy');
}

/**
 * What a grading of several runs adds to the status: that a pass held under every run, or which run failed
 * after others passed (its results, diagram and terminal are the ones shown). Nothing for a first-run failure.
 */
export function seedNote(seeded: GradedRun['seeded']): string | undefined {
  if (!seeded || seeded.runs < 2) return undefined;
  if (seeded.passed) return `Checked over ${seeded.runs} runs, each with other timings and other texts from the clients: every run passed.`;
  if (seeded.run === 1) return undefined;
  const before = seeded.run === 2 ? 'Run 1 passed' : `Runs 1 to ${seeded.run - 1} passed`;
  return `${before}, but run ${seeded.run} of ${seeded.runs} failed: it had other timings and other texts from the clients (seed ${seeded.seed}). What you see here, in the diagram and in the terminal is that run. A program that passes only sometimes usually depends on when or in how many pieces data arrives.`;
}

/** A failure of the page's own machinery (the sandbox could not start…), said plainly. */
export function renderProblem(region: HTMLElement, message: string): void {
  const status = element('p', 'exercise-status is-failure', message);
  status.dataset.status = '';
  region.replaceChildren(status);
  region.removeAttribute('aria-busy');
}
