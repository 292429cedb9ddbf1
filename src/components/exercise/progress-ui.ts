/**
 * Progress on every page: a ✓ (with text for screen readers) beside each lesson in the sidebar whose
 * exercises are all passed, progress bars per chapter, and export/import of the progress as a JSON file.
 */
import { LIMITS, describeProblems, type ImportResult, type ProgressStore } from '../../lib/progress';
import { downloadText } from './download';
import { chapterQuizzes, lessonSlugOf, type CourseExercises } from './lesson-exercises';
import { pageProgress } from './page-progress';

function readCourse(): CourseExercises | undefined {
  const script = document.querySelector<HTMLScriptElement>('script[data-course-exercises]');
  return script?.textContent ? (JSON.parse(script.textContent) as CourseExercises) : undefined;
}

function markSidebar(store: ProgressStore, course: CourseExercises, base: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a[href]')) {
    const slug = lessonSlugOf(new URL(link.href).pathname, base);
    const ids = course.lessons[slug];
    const quiz = course.quizzes?.[slug];
    if (!ids && !quiz) continue;
    const { passed, total } = store.progressOf(ids ?? []);
    const done = passed === total && (!quiz || store.quizDone(quiz.id, quiz.questions));
    let mark = link.querySelector<HTMLElement>('.lesson-done-mark');
    if (!done) {
      mark?.remove();
      continue;
    }
    if (!mark) {
      mark = document.createElement('span');
      mark.className = 'lesson-done-mark';
      mark.innerHTML = '<span aria-hidden="true">✓</span><span class="sr-only"> (done)</span>';
      link.append(mark);
    }
  }
}

function fillBars(store: ProgressStore, course: CourseExercises): void {
  for (const bar of document.querySelectorAll<HTMLElement>('[data-progress-bar]')) {
    const chapter = bar.dataset.chapter;
    const ids = chapter ? (course.chapters[chapter] ?? []) : Object.values(course.chapters).flat();
    const { passed, total } = store.progressOf(ids);
    const quizzes = chapterQuizzes(course, chapter);
    const quizzesDone = quizzes.filter((quiz) => store.quizDone(quiz.id, quiz.questions)).length;
    const meter = bar.querySelector<HTMLProgressElement>('progress');
    const label = bar.querySelector<HTMLElement>('[data-progress-label]');
    // Written only when they change: the store speaks after every run, and a rewritten label (even the same
    // text) has the sidebar laid out and painted again while the run's views are drawing.
    const max = Math.max(total + quizzes.length, 1);
    if (meter && meter.max !== max) meter.max = max;
    if (meter && meter.value !== passed + quizzesDone) meter.value = passed + quizzesDone;
    const text = progressLabel(passed, total, quizzesDone, quizzes.length);
    if (label && label.textContent !== text) label.textContent = text;
  }
}

/** "1 of 1 exercises passed, 0 of 2 quizzes done": each part only when the chapter has some. */
export function progressLabel(passed: number, exercises: number, quizzesDone: number, quizzes: number): string {
  const parts = [];
  if (exercises > 0 || quizzes === 0) parts.push(`${passed} of ${exercises} exercises passed`);
  if (quizzes > 0) parts.push(`${quizzesDone} of ${quizzes} ${quizzes === 1 ? 'quiz' : 'quizzes'} done`);
  return parts.join(', ');
}

/** What an import did, in one status message: what was applied, and what was skipped and why. */
export function importStatus(result: ImportResult): string {
  if (!result.ok) return `Not imported: ${result.reason}`;
  const applied = `Imported: ${result.exercises} exercise${result.exercises === 1 ? '' : 's'} merged with the progress in this browser.`;
  if (result.skipped.length === 0) return applied;
  return `${applied} Skipped, and not applied: ${describeProblems(result.skipped).replace(/[.\s]*$/, '.')}`;
}

/** Bytes of a file read at all: a UTF-8 character is up to 4 bytes, so this never refuses a text the store accepts. */
const MAX_IMPORT_BYTES = LIMITS.textChars * 4;

function wireTransfer(store: ProgressStore): void {
  for (const panel of document.querySelectorAll<HTMLElement>('[data-progress-transfer]')) {
    if (panel.dataset.wired) continue;
    panel.dataset.wired = 'true';
    const status = panel.querySelector<HTMLElement>('[data-transfer-status]')!;
    const input = panel.querySelector<HTMLInputElement>('input[type="file"]')!;
    panel.querySelector('[data-action="export-progress"]')?.addEventListener('click', () => {
      downloadText(`endpoints-progress-${new Date().toISOString().slice(0, 10)}.json`, store.export());
      status.textContent = 'Your progress was saved as a file.';
    });
    panel.querySelector('[data-action="import-progress"]')?.addEventListener('click', () => input.click());
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      if (!file) return;
      input.value = '';
      if (file.size > MAX_IMPORT_BYTES) {
        status.textContent = `Not imported: this file is ${(file.size / 1e6).toFixed(1)} MB; a progress file is at most ${(MAX_IMPORT_BYTES / 1e6).toFixed(0)} MB. Choose a file exported from this course.`;
        return;
      }
      status.textContent = importStatus(store.import(await file.text(), 'merge'));
    });
  }
}

export function showProgress(base: string): void {
  const store = pageProgress();
  const course = readCourse();
  wireTransfer(store);
  if (!course) return;
  const update = () => {
    markSidebar(store, course, base);
    fillBars(store, course);
  };
  update();
  store.subscribe(update);
}
