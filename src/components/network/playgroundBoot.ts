/**
 * The only playground script a lesson page loads up front: it waits for "Open the terminal", then fetches
 * the network, the shell and the views (./openPlayground) and hands over.
 */
import { endSentence } from '../../lib/grader/words';

export function bootPlaygrounds(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-playground]')) {
    if (root.dataset.booted) continue;
    root.dataset.booted = 'true';
    // Shown only where it can work: without JavaScript the box keeps its text and nothing to press.
    for (const part of root.querySelectorAll<HTMLElement>('[data-when-scripted]')) part.hidden = false;
    const button = root.querySelector<HTMLButtonElement>('[data-action="open"]');
    const status = root.querySelector<HTMLElement>('[data-status]');
    button?.addEventListener('click', async () => {
      button.disabled = true;
      if (status) status.textContent = 'Starting the network…';
      try {
        const { openPlayground } = await import('./openPlayground');
        await openPlayground(root);
        button.hidden = true;
      } catch (error) {
        button.disabled = false;
        if (status) status.textContent = `The network could not start: ${endSentence(error instanceof Error ? error.message : String(error))} Reload the page to try again.`;
        throw error;
      }
    });
  }
}
