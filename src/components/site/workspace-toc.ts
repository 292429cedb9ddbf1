/**
 * The "On this page" bar of a workspace page (WorkspaceToc.astro), in place of Starlight's. Starlight's sets
 * itself up at the page's first idle moment — selectors with `:has()` over the whole lesson, an intersection
 * observer on every block: 55–75 ms at 4× CPU, which took a first run clicked soon after the page loaded as its
 * idle moment — and the browser then checks every observed block in each frame that moves them (a run's results
 * do). This one reads where its few headings are, and only when the page scrolls.
 */

/** The heading a reader is in: the last whose top (in the viewport) is at or above `line`; else the first. */
export function currentIndex(tops: readonly number[], line: number): number {
  let current = 0;
  for (const [index, top] of tops.entries()) if (top <= line) current = index;
  return current;
}

/** Below the bars at the top, Starlight's own reading line: 2rem under them, and a band of 53 px. */
const LINE_BELOW_BARS_PX = 32 + 53;

class WorkspaceToc extends HTMLElement {
  connectedCallback(): void {
    const details = this.querySelector('details');
    const summary = details?.querySelector('summary');
    const display = this.querySelector('.display-current');
    const links = [...this.querySelectorAll<HTMLAnchorElement>('.dropdown a')];
    if (!details || !summary || !display || links.length === 0) return;
    const headings = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));

    let shown = -1;
    let frame = 0;
    const update = () => {
      frame = 0;
      const bars = (document.querySelector('header')?.getBoundingClientRect().height ?? 0) + summary.getBoundingClientRect().height;
      const tops = headings.map((heading) => heading?.getBoundingClientRect().top ?? Infinity);
      const index = currentIndex(tops, bars + LINE_BELOW_BARS_PX);
      if (index === shown) return;
      links[shown]?.removeAttribute('aria-current');
      links[index]!.setAttribute('aria-current', 'true');
      display.textContent = links[index]!.textContent;
      shown = index;
    };
    const later = () => (frame ||= requestAnimationFrame(update));
    window.addEventListener('scroll', later, { passive: true });
    window.addEventListener('hashchange', later);
    later();

    // The list closes when a link is chosen, on a click outside it, and on Escape (the focus back on its toggle).
    const close = () => (details.open = false);
    for (const link of links) link.addEventListener('click', close);
    window.addEventListener('click', (event) => {
      if (!details.contains(event.target as Node)) close();
    });
    window.addEventListener('keydown', (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !details.open) return;
      const hadFocus = details.contains(document.activeElement);
      close();
      if (hadFocus) summary.focus();
    });
  }
}

if (!customElements.get('workspace-toc')) customElements.define('workspace-toc', WorkspaceToc);
