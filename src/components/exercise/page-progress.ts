/**
 * The page's one progress store (over localStorage), shared by the exercise islands, the sidebar marks and
 * the progress panel, and the one place its notices are shown.
 */
import { ProgressStore, type ProgressNotice } from '../../lib/progress';

let store: ProgressStore | undefined;

export function pageProgress(): ProgressStore {
  if (!store) {
    const created = new ProgressStore(() => window.localStorage);
    // A write can fail later (storage full): its notice is shown after the change that caused it.
    created.subscribe(() => showNotices(created.takeNotices()));
    showNotices(created.takeNotices());
    store = created;
  }
  return store;
}

/** What a notice means for the learner, and what they can do. */
export function noticeText(notice: ProgressNotice): string {
  switch (notice.kind) {
    case 'corrupt-set-aside':
      return `Your saved progress could not be read (${notice.reason}), so it was set aside${
        notice.key ? ` under "${notice.key}" in this browser's storage` : ''
      } and a fresh record started. Nothing was deleted.`;
    case 'migrated':
      return `Your saved progress was updated to the current format (version ${notice.from} → ${notice.to}).`;
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
    const item = document.createElement('p');
    item.className = `progress-notice is-${notice.kind}`;
    item.textContent = noticeText(notice);
    area.append(item);
  }
}
