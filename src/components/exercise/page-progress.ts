/**
 * The page's one progress store (over localStorage), shared by the exercise islands, the sidebar marks and
 * the progress panel, and the one place its notices are shown (their words and buttons, progress-notices.ts,
 * load only when there is one: most visits have none).
 */
import { ProgressStore, type ProgressNotice } from '../../lib/progress';
import type { CourseExercises } from './lesson-exercises';

let store: ProgressStore | undefined;

/** The course's exercise ids, from the data the sidebar embeds in every page (none on pages without it). */
export function courseExerciseIds(): string[] | undefined {
  const script = document.querySelector<HTMLScriptElement>('script[data-course-exercises]');
  if (!script?.textContent) return undefined;
  try {
    const course = JSON.parse(script.textContent) as CourseExercises;
    return Object.values(course.lessons).flat();
  } catch {
    return undefined;
  }
}

export function pageProgress(): ProgressStore {
  if (!store) {
    const knownExercises = courseExerciseIds();
    const created = new ProgressStore(() => window.localStorage, knownExercises ? { knownExercises } : {});
    store = created;
    // A write can fail later (storage full): its notice is shown after the change that caused it.
    created.subscribe(() => showNotices(created.takeNotices()));
    showNotices(created.takeNotices());
  }
  return store;
}

/** Shows the store's notices, in the order they came, once their module has loaded. */
let shown: Promise<unknown> = Promise.resolve();
export function showNotices(notices: ProgressNotice[]): void {
  if (notices.length === 0 || typeof document === 'undefined') return;
  shown = shown
    .then(() => import('./progress-notices'))
    .then((module) => module.showNotices(notices, store))
    .catch(() => undefined);
}
