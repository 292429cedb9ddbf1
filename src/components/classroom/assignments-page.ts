/**
 * The learner's assignments page. A teacher's link lands here with the assignment in the hash
 * (`#a=EPA1.…`): it is read with bounds, kept in the learner's progress, and shown with every other open
 * assignment — a checklist of its items with the learner's own progress, and a hand-in.
 */
import { Course, itemKey, type CourseCatalog, type Item } from '../../lib/classroom/catalog';
import { assignmentCodeOf, decodeAssignment, type Assignment } from '../../lib/classroom/assignment';
import { handInCode, handInFile, handInFileName, itemStatus, makeHandIn, type LearnerProgress } from '../../lib/classroom/hand-in';
import { readableDate, readableTime } from '../../lib/classroom/read';
import { downloadText } from '../exercise/download';
import { pageProgress } from '../exercise/page-progress';
import { button, element, embedded } from './embedded';
import { learnerProgress } from './learner-progress';

interface Open {
  id: string;
  code: string;
  openedAt: string;
  assignment: Assignment;
}

const kindWord: Record<Item['kind'], string> = { lesson: 'Read', exercise: 'Exercise', quiz: 'Quiz' };

function hrefOf(item: Item, course: Course, base: string): string {
  const lesson = course.lessonOf(item);
  if (!lesson) return base;
  const page = `${base}${lesson.slug}/`;
  if (item.kind === 'exercise') return `${page}#exercise-${item.id}-title`;
  if (item.kind === 'quiz') return `${page}#quiz-${item.id}-title`;
  return page;
}

function checklist(assignment: Assignment, progress: LearnerProgress, course: Course, base: string): { list: HTMLElement; done: number } {
  const list = element('ul', 'assignment-checklist');
  let done = 0;
  for (const item of assignment.items) {
    const status = itemStatus(item, progress, course);
    if (status.state === 'done') done++;
    const row = element('li', `assignment-item is-${status.state}`);
    row.dataset.item = itemKey(item);
    const mark = element('span', 'assignment-mark', status.state === 'done' ? '✓' : status.state === 'started' ? '◐' : '○');
    mark.setAttribute('aria-hidden', 'true');
    const state = element('span', 'sr-only', status.state === 'done' ? 'Done: ' : status.state === 'started' ? 'Started: ' : 'To do: ');
    const link = element('a', '', item.kind === 'quiz' ? course.title(item) : `${kindWord[item.kind]}: ${course.title(item)}`);
    link.href = hrefOf(item, course, base);
    const text = element('span', 'assignment-text');
    text.append(link, element('span', 'assignment-detail', ` — ${status.detail}`));
    row.append(mark, state, text);
    list.append(row);
  }
  return { list, done };
}

function handInSection(open: Open, progress: LearnerProgress, course: Course): HTMLElement {
  const section = element('section', 'assignment-hand-in');
  const headingId = `hand-in-${open.id}`;
  section.setAttribute('aria-labelledby', headingId);
  const heading = element('h3', '', 'Hand in your work');
  heading.id = headingId;
  const intro = element(
    'p',
    '',
    'Your hand-in holds your name, your own code for each exercise as it is now (your teacher’s page runs it again), your quiz answers and when you did each item. Nothing is sent anywhere: you download a file, or copy a code, and hand it in where your teacher asks. You can hand in what is not finished yet.',
  );
  const form = element('form', 'assignment-hand-in-form');
  form.noValidate = true;
  const nameId = `hand-in-name-${open.id}`;
  const label = element('label', '', 'Your name, as your teacher knows you');
  label.htmlFor = nameId;
  const name = element('input');
  Object.assign(name, { id: nameId, type: 'text', name: 'learner', autocomplete: 'name', maxLength: 80, required: true });
  const problemId = `${nameId}-problem`;
  const problem = element('p', 'assignment-problem');
  problem.id = problemId;
  problem.hidden = true;
  const make = element('button', 'endpoints-button endpoints-button-primary', 'Make my hand-in');
  make.type = 'submit';
  const field = element('div', 'assignment-field');
  field.append(label, name, problem);
  form.append(field, make);
  const result = element('div', 'assignment-hand-in-result');
  result.hidden = true;
  section.append(heading, intro, form, result);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!name.value.trim()) {
      problem.textContent = 'Write your name first: your teacher finds your work by it.';
      problem.hidden = false;
      name.setAttribute('aria-invalid', 'true');
      name.setAttribute('aria-describedby', problemId);
      name.focus();
      return;
    }
    problem.hidden = true;
    name.removeAttribute('aria-invalid');
    name.removeAttribute('aria-describedby');
    make.disabled = true;
    try {
      const handIn = makeHandIn(open.assignment, name.value, progress, course, new Date());
      const [file, code] = [handInFile(handIn), await handInCode(handIn)];
      const unfinished = open.assignment.items.filter((item) => itemStatus(item, progress, course).state !== 'done');
      showResult(result, { fileName: handInFileName(handIn), file, code, unfinished: unfinished.map((item) => course.title(item)), total: open.assignment.items.length, id: open.id });
    } finally {
      make.disabled = false;
    }
  });
  return section;
}

function showResult(result: HTMLElement, made: { fileName: string; file: string; code: string; unfinished: string[]; total: number; id: string }): void {
  const summary = element('p', 'assignment-hand-in-summary');
  summary.setAttribute('role', 'status');
  summary.tabIndex = -1;
  summary.textContent =
    made.unfinished.length === 0
      ? `Your hand-in is ready: all ${made.total} items are done.`
      : `Your hand-in is ready. ${made.total - made.unfinished.length} of ${made.total} items are done; not finished yet: ${made.unfinished.join('; ')}. You can hand it in as it is (it says what is unfinished), or finish and make a new one.`;
  const download = button('Download the file');
  download.dataset.action = 'download-hand-in';
  download.addEventListener('click', () => downloadText(made.fileName, made.file));
  const fileLine = element('p', 'assignment-file-line');
  fileLine.append(download, ' ', element('span', '', 'for a file upload: '), element('code', '', made.fileName));
  const codeId = `hand-in-code-${made.id}`;
  const codeLabel = element('label', '', 'Or the same hand-in as a code, for a box that takes only text:');
  codeLabel.htmlFor = codeId;
  const code = element('textarea', 'assignment-code');
  Object.assign(code, { id: codeId, readOnly: true, rows: 4, value: made.code, spellcheck: false });
  const copied = element('span', 'assignment-copied');
  copied.setAttribute('role', 'status');
  const copy = button('Copy the code');
  copy.addEventListener('click', async () => {
    code.select();
    try {
      await navigator.clipboard.writeText(made.code);
      copied.textContent = ' Copied: paste it where your teacher asks.';
    } catch {
      copied.textContent = ' The browser did not let the page copy: the code is selected, press Ctrl+C (⌘C on a Mac).';
    }
  });
  const copyLine = element('p');
  copyLine.append(copy, copied);
  result.replaceChildren(summary, fileLine, codeLabel, code, copyLine);
  result.hidden = false;
  summary.focus();
}

function card(open: Open, progress: LearnerProgress, course: Course, base: string, onDismiss: (open: Open) => void): HTMLElement {
  const article = element('article', 'assignment-card endpoints-card');
  article.id = `assignment-${open.id}`;
  article.dataset.assignmentId = open.id;
  const titleId = `assignment-${open.id}-title`;
  article.setAttribute('aria-labelledby', titleId);
  const kicker = element('p', 'endpoints-card-kicker', 'Assignment');
  const title = element('h2', 'endpoints-card-title', open.assignment.title);
  title.id = titleId;
  title.tabIndex = -1;
  const facts = element('p', 'assignment-facts');
  facts.textContent = [open.assignment.due ? `Due ${readableDate(open.assignment.due)}` : 'No due date', `opened ${readableTime(open.openedAt)}`].join(' · ');
  article.append(kicker, title, facts);
  if (open.assignment.note) {
    const note = element('blockquote', 'assignment-note', open.assignment.note);
    article.append(note);
  }
  const { list, done } = checklist(open.assignment, progress, course, base);
  const total = open.assignment.items.length;
  const tally = element('p', 'assignment-tally', `${done} of ${total} done`);
  const meter = element('progress');
  meter.max = total;
  meter.value = done;
  meter.setAttribute('aria-label', `${open.assignment.title}: ${done} of ${total} done`);
  const listHeading = element('h3', '', 'Your checklist');
  const dismiss = button('Remove this assignment from my list');
  dismiss.dataset.action = 'dismiss-assignment';
  dismiss.addEventListener('click', () => onDismiss(open));
  article.append(tally, meter, listHeading, list, handInSection(open, progress, course), dismiss);
  return article;
}

export async function bootAssignments(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-assignments-root]');
  const catalog = embedded<CourseCatalog>('course-catalog');
  if (!root || !catalog || root.dataset.booted) return;
  root.dataset.booted = 'true';
  const base = root.dataset.base ?? '/';
  const course = new Course(catalog);
  const store = pageProgress();
  const progress = learnerProgress(store);
  const status = root.querySelector<HTMLElement>('[data-assignments-status]')!;
  const listArea = root.querySelector<HTMLElement>('[data-assignments-list]')!;

  /** Reads the assignment a link carries (`#a=…`), keeps it in progress, and says so; its id, to focus its card. */
  const takeLink = async (): Promise<string | undefined> => {
    const code = assignmentCodeOf(location.hash);
    if (!code) return undefined;
    const decoded = await decodeAssignment(code, course);
    if (!decoded.ok) {
      status.textContent = `This assignment link could not be read: it ${decoded.reason}. Ask your teacher for the link, and open it whole.`;
      return undefined;
    }
    const known = store.assignments().some((open) => open.id === decoded.id);
    const kept = known || store.openAssignment(decoded.id, code);
    status.textContent = kept
      ? `${known ? 'You already have' : 'Added to your assignments:'} “${decoded.assignment.title}”.${decoded.notes.length ? ` Some of it could not be used (${decoded.notes.join('; ')}).` : ''}`
      : `“${decoded.assignment.title}” could not be kept in your progress (you have ${store.assignments().length} assignments open: remove one you have finished, then open the link again).`;
    history.replaceState(null, '', `#assignment-${decoded.id}`);
    return kept ? decoded.id : undefined;
  };

  const render = async () => {
    const opened: Open[] = [];
    for (const open of store.assignments()) {
      const decoded = await decodeAssignment(open.code, course);
      if (decoded.ok) opened.push({ ...open, assignment: decoded.assignment });
    }
    if (opened.length === 0) {
      listArea.replaceChildren(
        element('p', '', 'You have no assignments open. When your teacher gives you an assignment link, open it: the assignment appears here, with a checklist and a way to hand in your work.'),
      );
      return;
    }
    listArea.replaceChildren(...opened.map((open) => card(open, progress, course, base, dismiss)));
  };

  const dismiss = (open: Open) => {
    store.dismissAssignment(open.id);
    const undo = button('Undo');
    undo.addEventListener('click', async () => {
      store.openAssignment(open.id, open.code);
      status.textContent = `“${open.assignment.title}” is back in your list.`;
      await render();
      document.getElementById(`assignment-${open.id}-title`)?.focus();
    });
    status.replaceChildren(`“${open.assignment.title}” was removed from your list. Your progress is not changed. `, undo);
    void render().then(() => undo.focus());
  };

  const focusCard = (id: string | undefined) => {
    if (!id) return;
    const heading = document.getElementById(`assignment-${id}-title`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };

  const fromLink = await takeLink();
  await render();
  focusCard(fromLink ?? /^#assignment-([0-9a-f]{8})$/.exec(location.hash)?.[1]);
  // A second link opened while this page is shown changes only the hash: the page is not loaded again.
  addEventListener('hashchange', async () => {
    const id = await takeLink();
    if (!id) return;
    await render();
    focusCard(id);
  });
  // Back from a lesson, the browser may show this page as it was (its back-forward cache), with the progress
  // read before the lesson: loaded again, the checklists show what was done there.
  addEventListener('pageshow', (event: PageTransitionEvent) => {
    if (event.persisted) location.reload();
  });
}
