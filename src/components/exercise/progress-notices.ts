/**
 * The progress store's notices on the page (page-progress.ts loads this when there is one): what each means for
 * the learner and what they can do, in a polite live region at the top of the main column.
 */
import { describeProblems, type ProgressNotice, type ProgressStore } from '../../lib/progress';
import { downloadText } from './download';

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
function setAsideActions(notice: Extract<ProgressNotice, { kind: 'set-aside' }>, item: HTMLElement, progress: ProgressStore | undefined): HTMLElement[] {
  if (!progress) return [];
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
export function showNotices(notices: ProgressNotice[], store: ProgressStore | undefined): void {
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
      const actions = setAsideActions(notice, item, store);
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
