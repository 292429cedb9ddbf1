/**
 * One learner's work in detail. For an exercise: the code they handed in, the verdict of the grading and any
 * flag, then the run shown (the first that failed, else the last) run again in a sandbox of its own under its
 * seed — the same run, as the network is deterministic — with its check results and console, and the
 * network views (diagram, packets, terminal) on it. For a quiz: each answer, graded here and as the hand-in
 * claims. For a learner: every item, and what was left out of their hand-in when it was read.
 */
import type { Course } from '../../lib/classroom/catalog';
import { outcomeText, type Cell, type Row } from '../../lib/classroom/gradebook';
import { orderFor, type GradableExercise } from '../../lib/classroom/regrade';
import { readableTime } from '../../lib/classroom/read';
import { grade } from '../../lib/grader/grade';
import type { RunnerSandbox } from '../exercise/sandbox-host';
import type { IslandData } from '../exercise/page-data';
import { tabLabel } from '../exercise/page-data';
import { renderResults, renderProblem, renderRunning } from '../exercise/results-view';
import { mountNetworkViews } from '../exercise/network-views';
import { provenance } from './gradebook-view';
import { element } from './embedded';

/** A quiz question as the page has it: its id and, when the quiz module gives it, its prompt and options. */
export interface QuestionData {
  id: string;
  prompt?: string;
  kind?: string;
  options?: { id: string; text: string }[];
}

export interface DetailContext {
  course: Course;
  exercises: ReadonlyMap<string, IslandData & GradableExercise>;
  questions: Readonly<Record<string, QuestionData[]>>;
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
    if (verdict && exercise) void replay(exercise, handed?.files ?? {}, verdict.seed, results);
  }

  async function replay(exercise: IslandData & GradableExercise, files: Readonly<Record<string, string>>, seed: number, region: HTMLElement) {
    const ticket = ++opened;
    renderRunning(region);
    const sandbox = context.sandbox();
    if (!networkMounted) {
      networkMounted = true;
      await mountNetworkViews(network, sandbox);
    }
    try {
      const record = await sandbox.run(orderFor(exercise, files, seed));
      if (ticket !== opened) return;
      renderResults(region, { record, results: grade(record, exercise.checks), typeProblems: [], consoleDropped: 0 }, null);
    } catch (error) {
      if (ticket === opened) renderProblem(region, `The run could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function quizDetail(row: Row, cell: Cell) {
    const answers = row.handIn.handIn.quizzes[cell.item.id] ?? {};
    const questions = context.questions[cell.item.id] ?? (context.course.quiz(cell.item.id)?.questions.map((id) => ({ id })) ?? []);
    const list = element('ol', 'detail-quiz');
    for (const question of questions) {
      const item = element('li');
      item.append(element('p', 'detail-question', question.prompt ?? question.id));
      const given = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
      if (!given) {
        item.append(element('p', '', 'Not answered.'));
      } else {
        const shown = question.options?.find((option) => option.id === given.answer)?.text ?? given.answer;
        const here = context.gradeAnswer(cell.item.id, question.id, given.answer);
        item.append(
          element(
            'p',
            here ? 'is-done' : 'is-failed',
            `Answer: ${shown} — ${here === null ? 'cannot be graded here' : here ? 'right' : 'wrong'} (graded here); ${given.correct ? 'right' : 'wrong'} on the learner's page.`,
          ),
        );
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

