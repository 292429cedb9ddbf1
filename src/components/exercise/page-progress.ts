/**
 * The page's one progress store (over localStorage), shared by the exercise islands, the sidebar marks and
 * the progress panel, and the one place its notices are shown.
 */
import { ProgressStore, describeProblems, type ProgressNotice } from '../../lib/progress';
import { downloadText } from './download';
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

const sentence = (text: string) => text.replace(/[.\s]*$/, '.');

/** What a notice means for the learner, and what they can do. */
export function noticeText(notice: ProgressNotice): string {
  switch (notice.kind) {
    case 'set-aside': {
      const why = describeProblems(notice.problems);
      const kept = notice.key
        ? `It is kept as it was under "${notice.key}" in this browser's storage: nothing was deleted.`
        : "There was no room in this browser's storage to keep a copy, so it was left where it was, and this visit's progress is kept only until you close the tab. Save a copy of it, then remove it to save progress again.";
      return notice.whole
        ? `Your saved progress could not be read (${why}), so it was set aside and a fresh record started. ${kept}`
        : `Part of your saved progress could not be used, so it was set aside and not applied: ${sentence(why)} The rest of your progress is here as before. ${kept}`;
    }
    case 'migrated':
      return `Your saved progress was updated to the current format (version ${notice.from} → ${notice.to}).`;
    case 'not-saved':
      return `This change to your progress was not saved: ${sentence(describeProblems(notice.problems))} What you see on the page is unchanged.`;
    case 'storage-full':
      return `This browser's storage is full, so new progress is kept only until you close the tab. Export your progress to keep it. (${notice.message})`;
    case 'storage-disabled':
      return `This browser does not let the course save progress (storage is disabled), so progress is kept only until you close the tab. Export it to keep it.`;
    default: {
      const unknownNotice: never = notice;
      return String(unknownNotice);
    }
  }
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'progress-notice-action';
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}

/** "Save a copy" of a set-aside record, and for one that could not be copied aside, "Remove it". */
function setAsideActions(notice: Extract<ProgressNotice, { kind: 'set-aside' }>, item: HTMLElement): HTMLElement[] {
  if (!store) return [];
  const progress = store;
  const actions = [
    button('Save a copy of it', () => {
      const text = progress.setAsideText(notice.key);
      if (text !== null) downloadText(`endpoints-progress-set-aside-${new Date().toISOString().slice(0, 10)}.json`, text);
    }),
  ];
  if (notice.key === null) {
    actions.push(
      button('Remove it and save progress again', () => {
        const removed = progress.discardStuck();
        const result = document.createElement('span');
        result.textContent = removed ? ' It was removed; your progress is saved in this browser again.' : ' It could not be removed.';
        item.append(result);
        for (const action of item.querySelectorAll('button')) if (action.textContent?.startsWith('Remove')) action.remove();
      }),
    );
  }
  return actions;
}

/** Notices go into a polite live region at the top of the main column, made on first use. */
export function showNotices(notices: ProgressNotice[]): void {
  if (notices.length === 0 || typeof document === 'undefined') return;
  let area = document.querySelector<HTMLElement>('[data-progress-notices]');
  if (!area) {
    area = document.createElement('div');
    area.dataset.progressNotices = '';
    area.className = 'progress-notices not-content';
    area.setAttribute('role', 'status');
    (document.querySelector('main') ?? document.body).prepend(area);
  }
  for (const notice of notices) {
    const item = document.createElement('div');
    item.className = `progress-notice is-${notice.kind}`;
    const text = document.createElement('p');
    text.textContent = noticeText(notice);
    item.append(text);
    if (notice.kind === 'set-aside') {
      const actions = setAsideActions(notice, item);
      if (actions.length) {
        const row = document.createElement('p');
        row.className = 'progress-notice-actions';
        row.append(...actions);
        item.append(row);
      }
    }
    area.append(item);
  }
}
