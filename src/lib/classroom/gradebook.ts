/**
 * The gradebook: one row per hand-in, one column per item of the assignment. An exercise's cell is the
 * teacher's own re-run of the learner's code; a quiz's cell is the learner's answers graded again; a lesson's
 * is when it was first opened. A cell is flagged when the hand-in's claim and the re-run disagree, or when
 * its code belongs to a group of identical or near-identical solutions.
 */
import type { Course, Item } from './catalog';
import { csvText } from './csv';
import type { Accepted } from './intake';
import type { JobResult, Verdict } from './regrade';
import { compareNames, shortDay } from './read';
import { similarGroups, type SimilarGroup } from './similarity';

export type CellState = 'done' | 'failed' | 'started' | 'not-started' | 'waiting' | 'problem';

export type FlagKind = 'claim-fails' | 'passes-unclaimed' | 'quiz-claim' | 'identical' | 'near-identical' | 'solution';

export interface Flag {
  kind: FlagKind;
  /** One sentence for the detail view and the CSV. */
  text: string;
  /** For similarity flags: the group's label ("A", "B"…). */
  group?: string;
}

export interface Cell {
  item: Item;
  state: CellState;
  /** Shown in the cell: "passed, 5 of 5 checks", "2 of 4 right", "opened 3 Dec". */
  text: string;
  /** Sorts the column: higher is further along. */
  score: number;
  /** When the learner's page saw it passed, answered right, or opened. */
  at?: string;
  flags: Flag[];
  verdict?: Verdict;
  problem?: string;
  quiz?: { right: number; total: number; answered: number };
}

export interface Row {
  handIn: Accepted;
  cells: Cell[];
  done: number;
  /** Another hand-in in this gradebook has the same learner name. */
  sameName: boolean;
}

export interface LabelledGroup extends SimilarGroup {
  label: string;
  exercise: string;
}

export interface Gradebook {
  assignmentId: string;
  columns: Item[];
  rows: Row[];
  groups: LabelledGroup[];
}

/** An exercise's reference files, for grouping: the starter (not grouped) and the solution (named). */
export interface ExerciseFiles {
  files: readonly string[];
  starter: Readonly<Record<string, string>>;
  solution: Readonly<Record<string, string>>;
}

/** Grades a quiz answer as the quiz in the lesson does; null when the question or the answer cannot be graded. */
export type QuizGrader = (quizId: string, questionId: string, answer: string) => boolean | null;

/** The re-run's state of one exercise of one hand-in: not asked for (nothing handed in), waiting, or done. */
export type RunState = undefined | 'waiting' | JobResult;

export const jobKey = (handIn: number, exercise: string) => `${handIn}:${exercise}`;

const day = shortDay;

/** Whether an exercise of a hand-in is re-run at all: something was handed in, or a pass is claimed. */
export function needsRun(accepted: Accepted, exercise: string): boolean {
  const handed = Object.hasOwn(accepted.handIn.exercises, exercise) ? accepted.handIn.exercises[exercise] : undefined;
  return !!handed && (Object.keys(handed.files).length > 0 || !!handed.passedAt);
}

export function outcomeText(verdict: Verdict): string {
  const checks = `${verdict.checksPassed} of ${verdict.results.length} checks`;
  switch (verdict.outcome) {
    case 'did-not-compile':
      return 'did not compile';
    case 'timed-out':
      return `timed out, ${checks}`;
    case 'limit':
      return `stopped at a limit, ${checks}`;
    case 'threw':
      return `crashed, ${checks}`;
    case 'finished':
      return verdict.passed ? `passed, ${checks}` : checks;
  }
}

function exerciseCell(item: Item, accepted: Accepted, state: RunState): Cell {
  const handed = Object.hasOwn(accepted.handIn.exercises, item.id) ? accepted.handIn.exercises[item.id] : undefined;
  const claimed = handed?.passedAt;
  const base = { item, flags: [] as Flag[], ...(claimed ? { at: claimed } : {}) };
  if (state === undefined) return { ...base, state: 'not-started', text: 'not started', score: 0 };
  if (state === 'waiting') return { ...base, state: 'waiting', text: 'waiting for its re-run', score: 0.5 };
  if (!state.ok) return { ...base, state: 'problem', text: 'could not be re-run', score: 0.5, problem: state.problem };
  const { verdict } = state;
  const cell: Cell = {
    ...base,
    state: verdict.passed ? 'done' : 'failed',
    text: outcomeText(verdict),
    score: verdict.passed ? 2 : 1 + verdict.checksPassed / Math.max(verdict.results.length, 1) / 2,
    verdict,
  };
  if (claimed && !verdict.passed) {
    cell.flags.push({
      kind: 'claim-fails',
      text: `The learner's page saw this exercise pass on ${day(claimed)}, but the code handed in fails the re-run (run ${verdict.run} of ${verdict.runs}, seed ${verdict.seed}): it was changed after it passed, or the hand-in was edited.`,
    });
  }
  if (!claimed && verdict.passed) {
    cell.flags.push({ kind: 'passes-unclaimed', text: "The code handed in passes the re-run, though the learner's page never saw it pass (it was not run since its last change)." });
  }
  return cell;
}

function quizCell(item: Item, accepted: Accepted, course: Course, gradeAnswer: QuizGrader): Cell {
  const questions = course.quiz(item.id)?.questions ?? [];
  const answers = Object.hasOwn(accepted.handIn.quizzes, item.id) ? accepted.handIn.quizzes[item.id]! : {};
  let right = 0;
  let answered = 0;
  let overclaimed = 0;
  let last: string | undefined;
  for (const question of questions) {
    if (!Object.hasOwn(answers, question)) continue;
    const given = answers[question]!;
    answered++;
    const correct = gradeAnswer(item.id, question, given.answer) === true;
    if (correct) {
      right++;
      if (!last || given.at > last) last = given.at;
    } else if (given.correct) overclaimed++;
  }
  const total = questions.length;
  const cell: Cell = {
    item,
    state: total > 0 && right === total ? 'done' : answered > 0 ? 'started' : 'not-started',
    text: answered === 0 ? 'not answered' : `${right} of ${total} right`,
    score: total > 0 ? right / total : 0,
    flags: [],
    quiz: { right, total, answered },
    ...(total > 0 && right === total && last ? { at: last } : {}),
  };
  if (overclaimed > 0) {
    cell.flags.push({ kind: 'quiz-claim', text: `${overclaimed} answer${overclaimed === 1 ? ' is' : 's are'} marked right in the hand-in but graded wrong here: the hand-in was edited, or the question changed since.` });
  }
  return cell;
}

function lessonCell(item: Item, accepted: Accepted): Cell {
  const at = Object.hasOwn(accepted.handIn.lessons, item.id) ? accepted.handIn.lessons[item.id] : undefined;
  return at ? { item, state: 'done', text: `opened ${day(at)}`, score: 1, at, flags: [] } : { item, state: 'not-started', text: 'not opened', score: 0, flags: [] };
}

const groupLabel = (n: number) => (n < 26 ? String.fromCharCode(65 + n) : `${String.fromCharCode(65 + Math.floor(n / 26) - 1)}${String.fromCharCode(65 + (n % 26))}`);

/**
 * The groups of identical and near-identical code among these hand-ins, per exercise of the assignment. They
 * depend on the code alone, not on the re-runs: the page computes them once per set of hand-ins.
 */
export function similarityGroups(accepted: readonly Accepted[], exerciseFiles: ReadonlyMap<string, ExerciseFiles>): LabelledGroup[] {
  const columns = accepted[0]?.handIn.assignment.items ?? [];
  const groups: LabelledGroup[] = [];
  for (const item of columns) {
    if (item.kind !== 'exercise') continue;
    const reference = exerciseFiles.get(item.id);
    if (!reference) continue;
    const filesOf = (own: Readonly<Record<string, string>>, fallback: Readonly<Record<string, string>>) =>
      reference.files.map((file) => (Object.hasOwn(own, file) ? own[file]! : (fallback[file] ?? '')));
    const submissions = accepted
      .filter((handIn) => needsRun(handIn, item.id))
      .map((handIn) => ({ handIn: handIn.index, files: filesOf(handIn.handIn.exercises[item.id]!.files, reference.starter) }));
    for (const group of similarGroups(submissions, filesOf(reference.starter, {}), filesOf(reference.solution, {}))) {
      groups.push({ ...group, label: groupLabel(groups.length), exercise: item.id });
    }
  }
  return groups;
}

/**
 * The gradebook of hand-ins for one assignment (`accepted` all carry `assignmentId`). `groups`: the
 * similarity groups of these same hand-ins when already known (`similarityGroups`), else computed here.
 */
export function buildGradebook(
  assignmentId: string,
  accepted: readonly Accepted[],
  course: Course,
  runs: ReadonlyMap<string, RunState>,
  gradeAnswer: QuizGrader,
  exerciseFiles: ReadonlyMap<string, ExerciseFiles>,
  groups: readonly LabelledGroup[] = similarityGroups(accepted, exerciseFiles),
): Gradebook {
  const columns = accepted[0]?.handIn.assignment.items ?? [];
  const rows: Row[] = accepted.map((handIn) => {
    const cells = columns.map((item) => {
      if (item.kind === 'exercise') return exerciseCell(item, handIn, needsRun(handIn, item.id) ? (runs.get(jobKey(handIn.index, item.id)) ?? 'waiting') : undefined);
      if (item.kind === 'quiz') return quizCell(item, handIn, course, gradeAnswer);
      return lessonCell(item, handIn);
    });
    return { handIn, cells, done: cells.filter((cell) => cell.state === 'done').length, sameName: false };
  });

  const byName = new Map<string, Row[]>();
  for (const row of rows) {
    const name = row.handIn.handIn.learner.toLocaleLowerCase('en');
    byName.get(name)?.push(row) ?? byName.set(name, [row]);
  }
  for (const same of byName.values()) if (same.length > 1) for (const row of same) row.sameName = true;

  const rowOf = new Map(rows.map((row) => [row.handIn.index, row]));
  for (const group of groups) {
    const columnIndex = columns.findIndex((item) => item.kind === 'exercise' && item.id === group.exercise);
    if (columnIndex < 0) continue;
    const others = group.handIns.length - 1;
    for (const index of group.handIns) {
      const cell = rowOf.get(index)?.cells[columnIndex];
      if (!cell) continue;
      const kind: FlagKind = group.isSolution ? 'solution' : group.kind;
      const same = group.kind === 'identical' ? 'the same code as' : 'code the same, apart from names, comments and layout, as';
      const text = group.isSolution
        ? `${group.kind === 'identical' ? 'The same code as' : 'The same, apart from names, comments and layout, as'} the reference solution (the lesson shows it after three failed runs), like ${others} other hand-in${others === 1 ? '' : 's'} (group ${group.label}).`
        : `Group ${group.label}: ${same} ${others} other hand-in${others === 1 ? '' : 's'}.`;
      cell.flags.push({ kind, text, group: group.label });
    }
  }
  return { assignmentId, columns, rows, groups: [...groups] };
}

// ------------------------------------------------------------------------------------------------ views

export type SortKey = { by: 'learner' } | { by: 'done' } | { by: 'flags' } | { by: 'column'; index: number };

export type Show = 'all' | 'unfinished' | 'flagged' | 'failed';

export const flagCount = (row: Row) => row.cells.reduce((sum, cell) => sum + cell.flags.length, 0) + (row.sameName ? 1 : 0);

/** The rows to show: filtered by name and by what they show, then sorted (stable: equal rows keep their order). */
export function visibleRows(book: Gradebook, filter: { name: string; show: Show }, sort: SortKey, direction: 'ascending' | 'descending'): Row[] {
  const needle = filter.name.trim().toLocaleLowerCase('en');
  const rows = book.rows.filter((row) => {
    if (needle && !row.handIn.handIn.learner.toLocaleLowerCase('en').includes(needle)) return false;
    switch (filter.show) {
      case 'all':
        return true;
      case 'unfinished':
        return row.done < row.cells.length;
      case 'flagged':
        return flagCount(row) > 0;
      case 'failed':
        return row.cells.some((cell) => cell.state === 'failed' || cell.state === 'problem');
    }
  });
  const key = (row: Row): number | string => {
    switch (sort.by) {
      case 'learner':
        return row.handIn.handIn.learner.toLocaleLowerCase('en');
      case 'done':
        return row.done;
      case 'flags':
        return flagCount(row);
      case 'column':
        return row.cells[sort.index]?.score ?? 0;
    }
  };
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, position) => ({ row, position, key: key(row) }))
    .sort((a, b) => {
      const order = typeof a.key === 'string' ? compareNames(a.key, b.key as string) : a.key - (b.key as number);
      return order !== 0 ? sign * order : a.position - b.position;
    })
    .map(({ row }) => row);
}

export function gradebookCsv(book: Gradebook): string {
  const header = ['Learner', 'Hand-in', 'Made at', 'Items done', 'Items'];
  for (const item of book.columns) {
    const key = `${item.kind}:${item.id}`;
    if (item.kind === 'exercise') header.push(`${key} re-run`, `${key} checks passed`, `${key} checks`, `${key} passed at (learner's page)`);
    else if (item.kind === 'quiz') header.push(`${key} right`, `${key} questions`, `${key} answered right at`);
    else header.push(`${key} opened at`);
  }
  header.push('Flags');
  const rows = book.rows.map((row) => {
    const fields: (string | number)[] = [row.handIn.handIn.learner, row.handIn.source, row.handIn.handIn.madeAt, row.done, row.cells.length];
    for (const cell of row.cells) {
      if (cell.item.kind === 'exercise') {
        const result = cell.state === 'done' ? 'passed' : cell.state === 'failed' ? 'failed' : cell.state === 'not-started' ? 'not started' : cell.state === 'waiting' ? 'not re-run yet' : 'could not be re-run';
        fields.push(result, cell.verdict?.checksPassed ?? '', cell.verdict?.results.length ?? '', cell.at ?? '');
      } else if (cell.item.kind === 'quiz') {
        fields.push(cell.quiz?.right ?? 0, cell.quiz?.total ?? 0, cell.state === 'done' ? (cell.at ?? '') : '');
      } else fields.push(cell.at ?? '');
    }
    const flags = row.cells.flatMap((cell) => cell.flags.map((flag) => `${cell.item.kind}:${cell.item.id}: ${flag.text}`));
    if (row.sameName) flags.unshift('Another hand-in has the same name.');
    fields.push(flags.join(' | '));
    return fields;
  });
  return csvText([header, ...rows]);
}
