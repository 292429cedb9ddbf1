/**
 * Renders one run into the results region: a status sentence, the checklist (misconceptions marked), type
 * problems of the text that ran, the program's console output, and a link to the next lesson on success.
 * Plain DOM over a RunReport (plain data, so the last one can be kept and shown again after a reload). The
 * region is `aria-live`, so what is written here is announced.
 */
import type { CheckResult } from '../../lib/grader/checks';
import { endSentence } from '../../lib/grader/words';
import type { ConsoleLine, RunRecord } from '../../lib/runner/protocol';
import type { SeededGrading } from '../../lib/grader/across-seeds';
import { TIMED_OUT_MESSAGE } from './run-collector';

/** A problem on a line of the learner's code. */
export interface ProblemOnLine {
  file: string;
  line: number;
  column?: number;
  message: string;
}

/** What the learner is shown about one run. */
export interface RunReport {
  outcome: RunRecord['outcome'];
  /** Why the program stopped: a compile error (in TypeScript's words when it had them), a crash, the budget. */
  error: { file?: string; line?: number; message: string } | null;
  checks: CheckResult[];
  console: ConsoleLine[];
  /** Lines of console output the runner dropped to protect the page. */
  consoleDropped: number;
  /** Type problems TypeScript found in exactly the text that ran (they warn, they do not block). */
  typeProblems: ProblemOnLine[];
  /** Which of a grading's runs (one per seed) this is, when it made several. */
  seeded?: Pick<SeededGrading, 'run' | 'runs' | 'seed' | 'passed'>;
}

export interface LessonLink {
  href: string;
  title: string;
}

export interface ReportOptions {
  /** Offered when every check passed; null after the last lesson written so far. */
  nextLesson: LessonLink | null;
  /** Set when the report is a saved one, shown again after a reload: when that run happened. */
  savedAt?: string;
  /** What differs from run to run, as the exercise says it (default: timings and the clients' texts). */
  eachRunHas?: string;
}

/** Where the error happened, in the learner's words: "server.ts, line 3". */
export function placeOf(error: { file?: string; line?: number }): string {
  if (!error.line) return error.file ?? '';
  return `${error.file ? `${error.file}, ` : ''}line ${error.line}`;
}

/** The one sentence that tells the learner how the run went. */
export function statusSentence(report: Pick<RunReport, 'outcome' | 'error' | 'checks'>): string {
  const { outcome, error, checks } = report;
  const passed = checks.filter((check) => check.passed).length;
  const tally = `${passed} of ${checks.length} checks passed.`;
  switch (outcome) {
    case 'did-not-compile': {
      const where = error ? placeOf(error) : '';
      return `Your program did not compile${where ? ` (${where})` : ''}: ${endSentence(error?.message ?? 'a syntax error')} Fix that line and run again.`;
    }
    case 'timed-out':
      return `${TIMED_OUT_MESSAGE} It was stopped after its time budget. ${tally}`;
    case 'limit':
      return `The run was stopped: ${endSentence(error?.message ?? 'a program went past a limit of the run')} ${tally}`;
    case 'threw': {
      const where = error ? placeOf(error) : '';
      return `Your program stopped with an error${where ? ` at ${where}` : ''}: ${endSentence(error?.message ?? 'an unknown error')} ${tally}`;
    }
    case 'finished':
      return passed === checks.length ? `All ${checks.length} checks passed. Well done!` : tally;
    default: {
      const unknownOutcome: never = outcome;
      return String(unknownOutcome);
    }
  }
}

export function reportPassed(report: Pick<RunReport, 'outcome' | 'checks'>): boolean {
  return report.outcome !== 'did-not-compile' && report.checks.length > 0 && report.checks.every((check) => check.passed);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A check or a cross, drawn rather than typed: ✓ and ✗ are in few UI fonts, so each system drew its own
 * fallback glyph, and looking it up cost the report's first frame several milliseconds on a slow laptop.
 */
function checkMark(passed: boolean): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'exercise-check-mark');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', passed ? 'M3 8.5 6.5 12 13 4.5' : 'M4.5 4.5l7 7m0-7-7 7');
  svg.append(path);
  return svg;
}

function checklist(results: CheckResult[]): HTMLElement {
  const list = element('ul', 'exercise-checks');
  list.setAttribute('aria-label', 'Checks');
  for (const result of results) {
    const item = element('li', `exercise-check ${result.passed ? 'is-passed' : 'is-failed'}`);
    if (result.misconception) item.classList.add('is-misconception');
    const mark = checkMark(result.passed);
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

function consoleOutput(lines: ConsoleLine[], dropped: number): HTMLElement {
  const box = element('div', 'exercise-console');
  box.append(element('h3', 'exercise-subheading', 'Console output'));
  if (lines.length === 0) {
    box.append(element('p', 'exercise-console-empty', 'Your program printed nothing.'));
    return box;
  }
  const multipleFiles = new Set(lines.map((line) => line.file)).size > 1;
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

/** Shows at most this many type problems; the editor underlines every one. */
const TYPE_PROBLEMS_SHOWN = 5;

function typeNotes(problems: readonly ProblemOnLine[]): HTMLElement {
  const box = element('div', 'exercise-type-notes');
  box.dataset.typeNotes = '';
  const count = problems.length === 1 ? 'a type problem' : `${problems.length} type problems`;
  box.append(element('p', '', `TypeScript found ${count} in the code that ran (the program ran anyway):`));
  const list = element('ul', '');
  for (const problem of problems.slice(0, TYPE_PROBLEMS_SHOWN)) {
    list.append(element('li', '', `${placeOf(problem)}: ${endSentence(problem.message)}`));
  }
  box.append(list);
  return box;
}

function nextStep(nextLesson: LessonLink | null): HTMLElement {
  const next = element('p', 'exercise-next');
  if (!nextLesson) {
    next.textContent = 'That was the last lesson written so far: more chapters are on their way.';
    return next;
  }
  const link = element('a', 'exercise-next-link', `Next lesson: ${nextLesson.title} →`);
  link.href = nextLesson.href;
  next.append(link);
  return next;
}

function savedNote(savedAt: string): HTMLElement {
  const when = new Date(savedAt);
  const text = Number.isNaN(when.getTime())
    ? 'Your last run, kept in this browser.'
    : `Your last run, on ${when.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}, kept in this browser.`;
  return element('p', 'exercise-saved-note', text);
}

export function renderRunning(region: HTMLElement): void {
  region.setAttribute('aria-busy', 'true');
  const status = region.querySelector('[data-status]');
  if (status) status.textContent = 'Running your program…';
}

export function renderReport(region: HTMLElement, report: RunReport, options: ReportOptions): void {
  renderReportInSteps(region, report, options)();
}

/**
 * Draws the report's verdict now — the status, the note on the runs, the checks; the region is no longer
 * busy, so it is announced — and returns what adds the rest: the next step and the console output. In two
 * frames, on a slow laptop each under half the cost of the whole report in one.
 */
export function renderReportInSteps(region: HTMLElement, report: RunReport, options: ReportOptions): () => void {
  const status = element('p', 'exercise-status', statusSentence(report));
  status.dataset.status = '';
  const success = reportPassed(report);
  status.classList.add(success ? 'is-success' : 'is-failure');
  const verdict: HTMLElement[] = [];
  if (options.savedAt) verdict.push(savedNote(options.savedAt));
  verdict.push(status);
  const note = seedNote(report.seeded, options.eachRunHas);
  if (note) verdict.push(element('p', 'exercise-seeds', note));
  if (report.outcome !== 'did-not-compile') {
    if (report.typeProblems.length > 0) verdict.push(typeNotes(report.typeProblems));
    verdict.push(checklist(report.checks));
  }
  region.replaceChildren(...verdict);
  region.removeAttribute('aria-busy');
  return () => {
    if (success) region.append(nextStep(options.nextLesson));
    region.append(consoleOutput(report.console, report.consoleDropped));
  };
}

/**
 * What a grading of several runs adds to the status: that a pass held under every run, or which run failed
 * after others passed (its results, diagram and terminal are the ones shown). Nothing for a first-run failure.
 */
export function seedNote(seeded: RunReport['seeded'], eachRunHas = DEFAULT_EACH_RUN_HAS): string | undefined {
  if (!seeded || seeded.runs < 2) return undefined;
  if (seeded.passed) return `Checked over ${seeded.runs} runs, each with ${eachRunHas}: every run passed.`;
  if (seeded.run === 1) return undefined;
  const before = seeded.run === 2 ? 'Run 1 passed' : `Runs 1 to ${seeded.run - 1} passed`;
  const hint = eachRunHas === DEFAULT_EACH_RUN_HAS ? ' A program that passes only sometimes usually depends on when or in how many pieces data arrives.' : '';
  return `${before}, but run ${seeded.run} of ${seeded.runs} failed: it had ${eachRunHas} (seed ${seeded.seed}). What you see here, in the diagram and in the terminal is that run.${hint}`;
}

/** What differs between the runs of a grading, unless the exercise says more. */
export const DEFAULT_EACH_RUN_HAS = 'other timings and other texts from the clients';

/** Adds the type problems of the text that ran, once TypeScript has answered (after the checks are shown). */
export function renderTypeProblems(region: HTMLElement, problems: readonly ProblemOnLine[]): void {
  region.querySelector('[data-type-notes]')?.remove();
  if (problems.length === 0) return;
  const after = region.querySelector('[data-status]');
  if (after) after.after(typeNotes(problems));
  else region.prepend(typeNotes(problems));
}

/** A failure of the page's own machinery (the sandbox could not start…), said plainly. */
export function renderProblem(region: HTMLElement, message: string): void {
  const status = element('p', 'exercise-status is-failure', message);
  status.dataset.status = '';
  region.replaceChildren(status);
  region.removeAttribute('aria-busy');
}
