/**
 * Progress on every page: a ✓ (with text for screen readers) beside each lesson in the sidebar whose
 * exercises are all passed, progress bars per chapter, and export/import of the progress as a JSON file.
 */
import type { ProgressStore } from '../../lib/progress';
import { lessonSlugOf, type CourseExercises } from './lesson-exercises';
import { pageProgress } from './page-progress';

function readCourse(): CourseExercises | undefined {
  const script = document.querySelector<HTMLScriptElement>('script[data-course-exercises]');
  return script?.textContent ? (JSON.parse(script.textContent) as CourseExercises) : undefined;
}

function markSidebar(store: ProgressStore, course: CourseExercises, base: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a[href]')) {
    const ids = course.lessons[lessonSlugOf(new URL(link.href).pathname, base)];
    if (!ids) continue;
    const { passed, total } = store.progressOf(ids);
    const done = passed === total;
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
    const meter = bar.querySelector<HTMLProgressElement>('progress');
    const label = bar.querySelector<HTMLElement>('[data-progress-label]');
    if (meter) {
      meter.max = Math.max(total, 1);
      meter.value = passed;
    }
    if (label) label.textContent = `${passed} of ${total} exercises passed`;
  }
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function wireTransfer(store: ProgressStore): void {
  for (const panel of document.querySelectorAll<HTMLElement>('[data-progress-transfer]')) {
    if (panel.dataset.wired) continue;
    panel.dataset.wired = 'true';
    const status = panel.querySelector<HTMLElement>('[data-transfer-status]')!;
    const input = panel.querySelector<HTMLInputElement>('input[type="file"]')!;
    panel.querySelector('[data-action="export-progress"]')?.addEventListener('click', () => {
      download(`endpoints-progress-${new Date().toISOString().slice(0, 10)}.json`, store.export());
      status.textContent = 'Your progress was saved as a file.';
    });
    panel.querySelector('[data-action="import-progress"]')?.addEventListener('click', () => input.click());
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      if (!file) return;
      const result = store.import(await file.text(), 'merge');
      status.textContent = result.ok
        ? `Imported: ${result.exercises} exercise${result.exercises === 1 ? '' : 's'} merged with the progress in this browser.`
        : `Not imported: ${result.reason}`;
      input.value = '';
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
