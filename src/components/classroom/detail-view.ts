/**
 * One learner's work in detail. For an exercise: the code they handed in, the verdict of the grading and any
 * flag, then the same grading made again in a sandbox of its own (the network is deterministic for a seed,
 * so it shows the run the verdict is about: the first that failed, else the last) with its check results and
 * console as the learner's page shows them, and the network views (diagram, packets, terminal) on it. For a quiz: each answer, graded here and as the hand-in
 * claims. For a learner: every item, and what was left out of their hand-in when it was read.
 */
import type { Course } from '../../lib/classroom/catalog';
import { outcomeText, type Cell, type Row } from '../../lib/classroom/gradebook';
import { gradeFiles, type GradableExercise } from '../../lib/classroom/regrade';
import { readableTime } from '../../lib/classroom/read';
import type { RunnerSandbox } from '../exercise/sandbox-host';
import type { IslandData } from '../exercise/page-data';
import { tabLabel } from '../exercise/page-data';
import { renderProblem, renderReport, renderRunning } from '../exercise/results-view';
import { mountNetworkViews } from '../exercise/network-views';
import { provenance } from './gradebook-view';
import { element } from './embedded';
import type { PreparedQuestion } from '../quiz/define';
import { inlineParts } from '../quiz/grade';

export interface DetailContext {
  course: Course;
  exercises: ReadonlyMap<string, IslandData & GradableExercise>;
  questions: Readonly<Record<string, PreparedQuestion[]>>;
  gradeAnswer(quizId: string, questionId: string, answer: string): boolean | null;
  /** The sandbox the detail runs in (made on first use). */
  sandbox(): RunnerSandbox;
}

export interface DetailView {
  open(row: Row, cell: Cell | null): void;
  close(): void;
}

export function createDetailView(root: HTMLElement, context: DetailContext, onClose: () => void): DetailView {
  const section = root.querySelector<HTMLElement>('[data-detail]')!;
  const title = section.querySelector<HTMLElement>('[data-detail-title]')!;
  const body = section.querySelector<HTMLElement>('[data-detail-body]')!;
  const network = section.querySelector<HTMLElement>('[data-detail-network]')!;
  let networkMounted = false;
  /** Replays going (each grading in the detail's sandbox). */
  let replaying = 0;
  let opened = 0;

  function flags(cell: Cell): HTMLElement[] {
    if (cell.flags.length === 0) return [];
    const list = element('ul', 'detail-flags');
    list.setAttribute('aria-label', 'Flags');
    for (const flag of cell.flags) list.append(element('li', `is-${flag.kind}`, `⚑ ${flag.text}`));
    return [list];
  }

  function exerciseDetail(row: Row, cell: Cell) {
    const exercise = context.exercises.get(cell.item.id);
    const handed = row.handIn.handIn.exercises[cell.item.id];
    const parts: HTMLElement[] = [];
    const verdict = cell.verdict;
    const claim = handed?.passedAt ? `The learner's page saw it pass on ${readableTime(handed.passedAt)}.` : "The learner's page never saw it pass.";
    parts.push(element('p', '', `${provenance(row)}. ${claim}`));
    if (verdict) {
      parts.push(
        element(
          'p',
          `detail-verdict ${verdict.passed ? 'is-done' : 'is-failed'}`,
          verdict.passed
            ? `Re-run here: passed all ${verdict.runs} runs of the grading (${outcomeText(verdict)}). Below, the last run (seed ${verdict.seed}).`
            : `Re-run here: ${outcomeText(verdict)} in run ${verdict.run} of ${verdict.runs} (seed ${verdict.seed}), shown below.${verdict.error ? ` It stopped on: ${verdict.error}` : ''}`,
        ),
      );
    } else if (cell.problem) parts.push(element('p', 'detail-verdict is-failed', `This code could not be re-run: ${cell.problem}`));
    else parts.push(element('p', 'detail-verdict', cell.state === 'waiting' ? 'Its re-run has not finished yet: open this again when the progress bar is done.' : 'Nothing was handed in for this exercise.'));
    parts.push(...flags(cell));
    if (exercise) {
      parts.push(element('h3', '', 'The code handed in'));
      for (const program of exercise.programs.filter((candidate) => candidate.role === 'learner')) {
        const own = handed && Object.hasOwn(handed.files, program.file) ? handed.files[program.file]! : undefined;
        const figure = element('figure', 'detail-code');
        const caption = element('figcaption', '', `${tabLabel(program)}${own === undefined ? ' — not changed from the starter' : ''}`);
        const pre = element('pre');
        pre.tabIndex = 0;
        pre.setAttribute('aria-label', `${program.file}, as handed in`);
        pre.append(element('code', '', own ?? program.source));
        figure.append(caption, pre);
        parts.push(figure);
      }
    }
    const results = element('div', 'detail-results exercise');
    results.setAttribute('aria-live', 'polite');
    results.append(element('p', '', ''));
    results.firstElementChild!.setAttribute('data-status', '');
    if (verdict && exercise) parts.push(element('h3', '', `Checks of run ${verdict.run} (seed ${verdict.seed})`), results);
    body.replaceChildren(...parts);
    network.hidden = !(verdict && exercise);
    if (verdict && exercise) void replay(exercise, handed?.files ?? {}, results);
  }

  /** The same grading again (every seed up to the run shown), in the detail's own sandbox: its network stays up for the views. */
  async function replay(exercise: IslandData & GradableExercise, files: Readonly<Record<string, string>>, region: HTMLElement) {
    const ticket = ++opened;
    renderRunning(region);
    const sandbox = context.sandbox();
    if (!networkMounted) {
      networkMounted = true;
      await mountNetworkViews(network, sandbox, () => replaying > 0);
    }
    replaying++;
    try {
      const grading = await gradeFiles(sandbox, exercise, files).finally(() => replaying--);
      if (ticket !== opened) return;
      // The terminal opens on the network of the run shown, as on the learner's page.
      sandbox.send({ type: 'terminal', runNumber: ticket });
      const { record, results } = grading;
      renderReport(
        region,
        {
          outcome: record.outcome,
          error: record.error ? { ...(record.error.file ? { file: record.error.file } : {}), ...(record.error.line ? { line: record.error.line } : {}), message: record.error.message } : null,
          checks: results,
          console: record.console,
          consoleDropped: 0,
          typeProblems: [],
          seeded: { run: grading.run, runs: grading.runs, seed: grading.seed, passed: grading.passed },
        },
        { nextLesson: null },
      );
    } catch (error) {
      if (ticket === opened) renderProblem(region, `The run could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** A text with `code` in backticks, as the quiz shows it. */
  function withCode(className: string, text: string): HTMLElement {
    const node = element('p', className);
    for (const part of inlineParts(text)) node.append(part.code ? element('code', '', part.text) : part.text);
    return node;
  }

  function quizDetail(row: Row, cell: Cell) {
    const answers = Object.hasOwn(row.handIn.handIn.quizzes, cell.item.id) ? row.handIn.handIn.quizzes[cell.item.id]! : {};
    const questions = Object.hasOwn(context.questions, cell.item.id) ? context.questions[cell.item.id]! : [];
    const list = element('ol', 'detail-quiz');
    for (const question of questions) {
      const item = element('li');
      item.append(withCode('detail-question', question.prompt));
      const given = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
      if (!given) {
        item.append(element('p', '', 'Not answered.'));
      } else {
        const shown = question.kind === 'choice' ? (question.options.find((option) => option.id === given.answer)?.text ?? given.answer) : given.answer;
        const here = context.gradeAnswer(cell.item.id, question.id, given.answer);
        const verdict = `${here === null ? 'cannot be graded here' : here ? 'right' : 'wrong'} (graded here); ${given.correct ? 'right' : 'wrong'} on the learner's page.`;
        item.append(withCode(here ? 'is-done' : 'is-failed', `Answer: ${shown} — ${verdict}`));
      }
      list.append(item);
    }
    body.replaceChildren(element('p', '', `${provenance(row)}. ${cell.text}.`), ...flags(cell), list);
    network.hidden = true;
  }

  function learnerDetail(row: Row) {
    const list = element('ul', 'detail-items');
    for (const cell of row.cells) {
      const item = element('li', `is-${cell.state}`);
      item.append(element('strong', '', context.course.title(cell.item)), `: ${cell.text}`);
      for (const flag of cell.flags) item.append(element('p', 'detail-flag', `⚑ ${flag.text}`));
      list.append(item);
    }
    const parts: HTMLElement[] = [element('p', '', `${provenance(row)}. ${row.done} of ${row.cells.length} items done.`), list];
    if (row.sameName) parts.push(element('p', 'detail-flag', '⚑ Another hand-in in this gradebook has the same name: each is its own row.'));
    if (row.handIn.notes.length > 0) {
      parts.push(element('h3', '', 'Left out when the hand-in was read'));
      const notes = element('ul');
      for (const note of row.handIn.notes) notes.append(element('li', '', note));
      parts.push(notes);
    }
    body.replaceChildren(...parts);
    network.hidden = true;
  }

  section.querySelector('[data-action="close-detail"]')?.addEventListener('click', () => {
    section.hidden = true;
    opened++;
    onClose();
  });

  return {
    open(row, cell) {
      title.textContent = cell ? `${row.handIn.handIn.learner} — ${context.course.title(cell.item)}` : row.handIn.handIn.learner;
      if (!cell) learnerDetail(row);
      else if (cell.item.kind === 'exercise') exerciseDetail(row, cell);
      else quizDetail(row, cell);
      section.hidden = false;
      title.focus();
      title.scrollIntoView({ block: 'start' });
    },
    close() {
      section.hidden = true;
      opened++;
    },
  };
}

