/**
 * "Grade hand-ins" on the teacher's page: takes hand-ins in (files dropped or chosen, a folder, pasted codes)
 * a slice at a time, lists the ones that could not be read with the reason, queues every exercise handed in
 * for a re-run in the sandbox pool with a progress bar, and keeps the gradebook up to date as verdicts come.
 */
import { Course, type CourseCatalog } from '../../lib/classroom/catalog';
import { buildGradebook, jobKey, needsRun, similarityGroups, type ExerciseFiles, type LabelledGroup, type QuizGrader, type RunState } from '../../lib/classroom/gradebook';
import { codesIn, intakeSummary, takeIn, type Accepted, type Refused, type Source } from '../../lib/classroom/intake';
import { regradeAll, type GradableExercise, type Job } from '../../lib/classroom/regrade';
import { amount } from '../../lib/classroom/read';
import { GRADING_RUNS } from '../../lib/exercise/seeds';
import type { RunnerSandbox } from '../exercise/sandbox-host';
import type { IslandData } from '../exercise/page-data';
import { createDetailView } from './detail-view';
import type { PreparedQuestion } from '../quiz/define';
import { element, pause } from './embedded';
import { createGradebookView } from './gradebook-view';
import { createSandbox, createSandboxPool, poolSize } from './sandbox-pool';

export interface GradingData {
  catalog: CourseCatalog;
  exercises: (IslandData & GradableExercise)[];
  questions: Record<string, PreparedQuestion[]>;
  gradeAnswer: QuizGrader;
}

/** The gradebook is drawn again at most this often while verdicts arrive (less often when drawing is slow). */
const REDRAW_MS = 400;

export function wireGrading(root: HTMLElement, data: GradingData): void {
  const course = new Course(data.catalog);
  const exercises = new Map(data.exercises.map((exercise) => [exercise.id, exercise]));
  const references = new Map<string, ExerciseFiles>(
    data.exercises.map((exercise) => {
      const learner = exercise.programs.filter((program) => program.role === 'learner');
      return [
        exercise.id,
        {
          files: learner.map((program) => program.file),
          starter: Object.fromEntries(learner.map((program) => [program.file, program.source])),
          solution: Object.fromEntries(learner.map((program) => [program.file, program.solution ?? ''])),
        },
      ];
    }),
  );
  const part = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-${name}]`)!;
  const status = part('intake-status');
  const refusedBox = part<HTMLDetailsElement>('refused');
  const refusedSummary = part('refused-summary');
  const refusedList = part('refused-list');
  const regrade = part('regrade');
  const progress = part<HTMLProgressElement>('regrade-progress');
  const progressText = part('regrade-text');
  const announce = part('regrade-announce');
  const stop = root.querySelector<HTMLButtonElement>('[data-action="stop-regrade"]')!;
  const clear = root.querySelector<HTMLButtonElement>('[data-action="clear"]')!;
  const choice = part('assignment-choice');
  const select = part<HTMLSelectElement>('assignment-select');
  const summary = part('gradebook-summary');
  const sandboxes = part('sandboxes');

  const accepted: Accepted[] = [];
  const refused: Refused[] = [];
  const runs = new Map<string, RunState>();
  /** Gradings that timed out once and were queued again. */
  const retried = new Set<string>();
  /** Counts "Start again": results of gradings started before it are dropped. */
  let generation = 0;
  /** Stops a reading under way when the teacher starts again. */
  let readController = new AbortController();
  const queue: Job[] = [];
  let jobsTotal = 0;
  let jobsDone = 0;
  let pool: RunnerSandbox[] | undefined;
  let detailSandbox: RunnerSandbox | undefined;
  let running: Promise<void> | undefined;
  let controller = new AbortController();
  let reading = Promise.resolve();
  let redrawTimer: ReturnType<typeof setTimeout> | undefined;
  let lastQuarter = -1;
  let redrawMs = REDRAW_MS;
  let groups: LabelledGroup[] = [];
  let groupsFor = '';

  const gradebookView = createGradebookView(root, course, (row, cell) => detail.open(row, cell));
  const detail = createDetailView(
    root,
    { course, exercises, questions: data.questions, gradeAnswer: data.gradeAnswer, sandbox: () => (detailSandbox ??= createSandbox(sandboxes)) },
    () => gradebookView.focusOrigin(),
  );

  function assignments(): { id: string; title: string; count: number }[] {
    const found = new Map<string, { id: string; title: string; count: number }>();
    for (const handIn of accepted) {
      const entry = found.get(handIn.assignmentId) ?? { id: handIn.assignmentId, title: handIn.handIn.assignment.title, count: 0 };
      entry.count++;
      found.set(handIn.assignmentId, entry);
    }
    return [...found.values()].sort((a, b) => b.count - a.count);
  }

  function redraw() {
    redrawTimer = undefined;
    const all = assignments();
    if (all.length === 0) return;
    if (!all.some((entry) => entry.id === select.value)) select.value = '';
    const chosen = select.value || all[0]!.id;
    const options = all.map((entry) => {
      const option = element('option', '', `${entry.title} (${amount(entry.count)} hand-in${entry.count === 1 ? '' : 's'})`);
      option.value = entry.id;
      option.selected = entry.id === chosen;
      return option;
    });
    if (select.options.length !== options.length || [...select.options].some((option, i) => option.textContent !== options[i]!.textContent)) select.replaceChildren(...options);
    select.value = chosen;
    choice.hidden = all.length < 2;
    summary.textContent =
      all.length < 2
        ? ''
        : `These hand-ins are for ${all.length} different assignments (a changed title, date, note or item makes another one). Choose which to show.`;
    const started = performance.now();
    const handIns = accepted.filter((handIn) => handIn.assignmentId === chosen);
    // Similar code depends on the hand-ins alone: grouped again only when they change, not at every verdict.
    const groupsKey = `${chosen}:${handIns.length}`;
    if (groupsKey !== groupsFor) {
      groups = similarityGroups(handIns, references);
      groupsFor = groupsKey;
    }
    gradebookView.show(buildGradebook(chosen, handIns, course, runs, data.gradeAnswer, references, groups));
    // A large class's gradebook takes a while to draw: it is drawn again no more than a fifth of the time.
    redrawMs = Math.max(REDRAW_MS, (performance.now() - started) * 5);
  }

  const scheduleRedraw = () => {
    redrawTimer ??= setTimeout(redraw, redrawMs);
  };
  select.addEventListener('change', redraw);

  function showProgress() {
    regrade.hidden = jobsTotal === 0;
    progress.max = Math.max(jobsTotal, 1);
    progress.value = jobsDone;
    const left = jobsTotal - jobsDone;
    progressText.textContent =
      left === 0
        ? `All ${amount(jobsTotal)} gradings done.`
        : `${amount(jobsDone)} of ${amount(jobsTotal)} gradings done (each is up to ${GRADING_RUNS} runs of one learner's code for one exercise); ${controller.signal.aborted ? 'stopped: the others wait until you press Go on.' : `${pool?.length ?? poolSize()} at a time.`}`;
    stop.hidden = left === 0;
    // The live region speaks at each quarter and at the end, not at every grading.
    const quarter = jobsTotal === 0 ? -1 : Math.floor((jobsDone / jobsTotal) * 4);
    if (quarter !== lastQuarter) {
      lastQuarter = quarter;
      announce.textContent = left === 0 ? `Re-running done: ${amount(jobsTotal)} gradings.` : `Re-running: ${amount(jobsDone)} of ${amount(jobsTotal)} gradings done.`;
    }
  }

  function runQueue() {
    if (running || queue.length === 0 || controller.signal.aborted) return;
    pool ??= createSandboxPool(poolSize(), sandboxes);
    const session = generation;
    running = regradeAll({ take: () => queue.shift() }, pool, exercises, {
      signal: controller.signal,
      onResult(job, result) {
        // A grading that was running when the teacher pressed "Start again" belongs to hand-ins gone since.
        if (session !== generation) return;
        const key = jobKey(job.handIn, job.exercise);
        // A run out of wall-clock time on a busy computer is not the learner's fault: such a grading goes to the
        // back of the queue once, and only a second time-out stands.
        if (result.ok && result.verdict.outcome === 'timed-out' && !retried.has(key)) {
          retried.add(key);
          queue.push(job);
          return;
        }
        runs.set(key, result);
        jobsDone++;
        showProgress();
        if (jobsDone === jobsTotal) {
          // The last verdict is drawn with "All done", not a redraw interval later.
          clearTimeout(redrawTimer);
          redraw();
        } else scheduleRedraw();
      },
    }).finally(() => {
      running = undefined;
      runQueue();
    });
  }

  function addRefused(entry: Refused) {
    refused.push(entry);
    const item = element('li');
    item.append(element('strong', '', entry.source), ` was not read: it ${entry.reason}.`);
    refusedList.append(item);
    refusedSummary.textContent = `${amount(refused.length)} not read, and why`;
    refusedBox.hidden = false;
  }

  function addAccepted(entry: Accepted) {
    accepted.push(entry);
    for (const item of entry.handIn.assignment.items) {
      if (item.kind !== 'exercise' || !needsRun(entry, item.id)) continue;
      runs.set(jobKey(entry.index, item.id), 'waiting');
      queue.push({ handIn: entry.index, exercise: item.id, files: entry.handIn.exercises[item.id]!.files });
      jobsTotal++;
    }
  }

  /** Reads sources one slice at a time; batches wait for the one before, so indexes stay in order. */
  function read(sources: Iterable<Source>, what: string) {
    reading = reading.then(async () => {
      const session = generation;
      let taken = 0;
      status.textContent = `Reading ${what}…`;
      const counts = await takeIn(sources, course, {
        pause,
        signal: readController.signal,
        onResult(result) {
          if (session !== generation) return;
          if (result.ok) addAccepted(result.accepted);
          else addRefused(result.refused);
          // The gradebook is drawn once the batch is read; meanwhile a count says how far reading got.
          const seen = ++taken;
          if (seen % 250 === 0) status.textContent = `Reading ${what}… ${amount(seen)} so far.`;
        },
      }, accepted.length + refused.length);
      if (session !== generation) return;
      const earlier = accepted.length + refused.length > counts.accepted + counts.refused;
      status.textContent = earlier ? `${intakeSummary(counts.accepted, counts.refused, 'this time')} In all: ${intakeSummary(accepted.length, refused.length)}` : intakeSummary(counts.accepted, counts.refused);
      clear.hidden = false;
      showProgress();
      scheduleRedraw();
      runQueue();
    });
  }

  const fileSources = (files: Iterable<File>): Source[] =>
    [...files].map((file) => ({ kind: 'file' as const, name: file.webkitRelativePath || file.name, size: file.size, read: () => file.text() }));

  const filesInput = root.querySelector<HTMLInputElement>('[data-files-input]')!;
  const folderInput = root.querySelector<HTMLInputElement>('[data-folder-input]')!;
  // Set here, not in the markup: Astro's attribute types do not know `webkitdirectory` (every current browser does).
  folderInput.webkitdirectory = true;
  root.querySelector('[data-action="choose-files"]')?.addEventListener('click', () => filesInput.click());
  root.querySelector('[data-action="choose-folder"]')?.addEventListener('click', () => folderInput.click());
  for (const input of [filesInput, folderInput]) {
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.value = '';
      // A folder from an LMS holds other files too: only .json files are read.
      const wanted = input === folderInput ? files.filter((file) => /\.json$/i.test(file.name)) : files;
      if (wanted.length > 0) read(fileSources(wanted), `${amount(wanted.length)} file${wanted.length === 1 ? '' : 's'}`);
      else status.textContent = 'That folder holds no .json files: hand-in files end in .endpoints.json.';
    });
  }

  const zone = part('drop-zone');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('is-over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('is-over'));
  zone.addEventListener('drop', async (event) => {
    event.preventDefault();
    zone.classList.remove('is-over');
    const files = await droppedFiles(event.dataTransfer);
    if (files.length > 0) read(fileSources(files), `${amount(files.length)} dropped file${files.length === 1 ? '' : 's'}`);
  });

  const codes = part<HTMLTextAreaElement>('codes-input');
  root.querySelector('[data-action="read-codes"]')?.addEventListener('click', () => {
    const text = codes.value;
    if (!text.trim()) {
      status.textContent = 'Paste one or more hand-in codes into the box first (they start with EPH1.).';
      codes.focus();
      return;
    }
    codes.value = '';
    read(codesIn(text), 'the pasted codes');
  });

  // Stop leaves the queue as it is: "Go on" starts it again.
  stop.addEventListener('click', () => {
    if (controller.signal.aborted) {
      controller = new AbortController();
      stop.textContent = 'Stop';
      runQueue();
      showProgress();
      return;
    }
    controller.abort();
    stop.textContent = 'Go on';
    showProgress();
    announce.textContent = 'Stopped: the gradings already running finish, the others wait.';
  });

  clear.addEventListener('click', () => {
    generation++;
    readController.abort();
    readController = new AbortController();
    controller.abort();
    controller = new AbortController();
    stop.textContent = 'Stop';
    accepted.length = 0;
    refused.length = 0;
    runs.clear();
    retried.clear();
    groupsFor = '';
    redrawMs = REDRAW_MS;
    queue.length = 0;
    jobsTotal = jobsDone = 0;
    lastQuarter = -1;
    for (const sandbox of pool ?? []) sandbox.dispose();
    pool = undefined;
    refusedList.replaceChildren();
    refusedBox.hidden = true;
    part('gradebook').hidden = true;
    detail.close();
    clear.hidden = true;
    showProgress();
    status.textContent = 'Cleared: give the page hand-ins again.';
  });
}

/** Files dropped, folders walked (a folder's .json files only); plain files as they are. */
async function droppedFiles(transfer: DataTransfer | null): Promise<File[]> {
  if (!transfer) return [];
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.()).filter((entry): entry is FileSystemEntry => !!entry);
  if (entries.length === 0) return [...transfer.files];
  const files: File[] = [];
  const walk = async (entry: FileSystemEntry, depth: number): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      if (depth === 0 || /\.json$/i.test(file.name)) files.push(file);
      return;
    }
    if (!entry.isDirectory || depth > 8) return;
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // A directory reader gives its entries in batches until an empty one.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, depth + 1);
    }
  };
  for (const entry of entries) await walk(entry, 0);
  return files;
}
