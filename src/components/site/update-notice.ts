/**
 * "A new version is ready — reload": a small panel at the bottom of the window, announced politely (it never
 * takes the focus from a learner who is typing), with Reload and Later. Reloading keeps the learner's code
 * and progress: both live in localStorage, and the editor saves its draft as the page goes.
 */
// As text, added when the notice first shows: a page script's dynamic chunk gets no stylesheet of its own.
import css from './update-notice.css?inline';

const NOTICE = 'data-update-notice';

/** Shows the notice once per page; `reload` is what the Reload button does. */
export function showUpdateNotice(reload: () => void): void {
  if (document.querySelector(`[${NOTICE}]`)) return;
  if (!document.querySelector('style[data-update-notice-css]')) {
    const style = document.createElement('style');
    style.dataset.updateNoticeCss = '';
    style.textContent = css;
    document.head.append(style);
  }
  const notice = document.createElement('section');
  notice.setAttribute(NOTICE, '');
  notice.className = 'update-notice not-content';
  notice.setAttribute('aria-label', 'New version');

  const text = document.createElement('p');
  text.setAttribute('role', 'status');

  const actions = document.createElement('div');
  actions.className = 'update-notice-actions';
  const reloadButton = document.createElement('button');
  reloadButton.type = 'button';
  reloadButton.className = 'endpoints-button endpoints-button-primary';
  reloadButton.textContent = 'Reload';
  reloadButton.addEventListener('click', () => {
    reloadButton.disabled = true;
    reloadButton.textContent = 'Reloading…';
    reload();
  });
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'endpoints-button';
  later.textContent = 'Later';
  later.addEventListener('click', () => {
    notice.remove();
    giveFocusBack(cameFrom);
  });
  actions.append(reloadButton, later);

  // Where the focus was before the learner went into the notice: it goes back there when the notice closes
  // (removing the focused Later button would leave it on <body>, the top of the page for the next Tab).
  let cameFrom: HTMLElement | null = null;
  notice.addEventListener('focusin', (event) => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !notice.contains(from)) cameFrom = from;
  });

  notice.append(text, actions);
  document.body.append(notice);
  // A live region is read out when its text changes, not when it arrives with its text: filled a moment later.
  setTimeout(() => (text.textContent = 'A new version is ready — reload to use it. Your code and progress stay as they are.'), 100);
}

/**
 * Focus back where it came from when that is still on the page and can take it; otherwise the page's main
 * content (focusable from a script only), so the next Tab goes on from the lesson, not from the top.
 */
function giveFocusBack(cameFrom: HTMLElement | null): void {
  if (cameFrom?.isConnected) {
    cameFrom.focus({ preventScroll: true });
    if (document.activeElement === cameFrom) return;
  }
  const main = document.querySelector<HTMLElement>('main');
  if (!main) return;
  if (!main.hasAttribute('tabindex')) main.tabIndex = -1;
  main.focus({ preventScroll: true });
}
