/**
 * The only exercise script a lesson page loads up front: hints work at once, and "Open the editor" fetches
 * the editor and the runner (island.ts) on demand.
 */
import { loadIsland, warmWhenSeen } from './editor-warmup';
import { endSentence } from '../../lib/grader/words';
import type { IslandData } from './page-data';
import { pageProgress } from './page-progress';

export function readIslandData(root: HTMLElement): IslandData {
  const script = root.querySelector<HTMLScriptElement>('script[data-exercise-data]');
  if (!script?.textContent) throw new Error(`Exercise ${root.dataset.exerciseId ?? ''} has no data in the page.`);
  return JSON.parse(script.textContent) as IslandData;
}

/** Reveals the hints one at a time, nudge first. */
function wireHints(root: HTMLElement): void {
  const button = root.querySelector<HTMLButtonElement>('[data-action="hint"]');
  const list = root.querySelector<HTMLOListElement>('.exercise-hint-list');
  const count = root.querySelector<HTMLElement>('[data-hint-count]');
  if (!button || !list) return;
  const exerciseId = root.dataset.exerciseId ?? '';
  let hints: string[] | undefined;
  const reveal = () => {
    hints ??= readIslandData(root).hints;
    const shown = list.children.length;
    if (shown >= hints.length) return;
    const item = document.createElement('li');
    item.textContent = hints[shown] ?? '';
    list.append(item);
    const next = shown + 1;
    if (next >= hints.length) {
      button.disabled = true;
      button.firstChild!.textContent = 'No more hints ';
      if (count) count.textContent = `(${hints.length} of ${hints.length} shown)`;
    } else if (count) {
      count.textContent = `(${next + 1} of ${hints.length})`;
    }
    return next as 1 | 2 | 3;
  };
  button.addEventListener('click', () => {
    const level = reveal();
    if (level) pageProgress().openHint(exerciseId, level);
  });
  // Hints already opened in an earlier visit are shown again: the loop runs over the page's hints, so a
  // stored number only decides where it stops, never how long it runs.
  const seen = pageProgress().summary(exerciseId).hintsSeen;
  if (seen > 0) {
    hints ??= readIslandData(root).hints;
    for (let level = 1; level <= hints.length && level <= seen; level++) reveal();
  }
}

/** The "Passed" badge follows the progress store (it changes when a run passes). */
function wirePassedBadge(root: HTMLElement): void {
  const badge = root.querySelector<HTMLElement>('[data-passed-badge]');
  if (!badge) return;
  const exerciseId = root.dataset.exerciseId ?? '';
  const update = () => (badge.hidden = !pageProgress().summary(exerciseId).passedAt);
  update();
  pageProgress().subscribe(update);
}

/**
 * After a reload, the learner's own code, not the starter, until the editor opens (read-only till then), and
 * the results of their last run as they were.
 */
function showSavedWork(root: HTMLElement): void {
  const exerciseId = root.dataset.exerciseId ?? '';
  const saved = pageProgress().exercise(exerciseId);
  let own = false;
  for (const pre of root.querySelectorAll<HTMLElement>('pre.exercise-starter')) {
    const file = pre.dataset.file ?? '';
    const draft = Object.hasOwn(saved.draft, file) ? saved.draft[file] : undefined;
    const code = pre.querySelector('code');
    if (draft === undefined || !code || draft === code.textContent) continue;
    code.textContent = draft;
    own = true;
  }
  const note = root.querySelector<HTMLElement>('[data-code-note]');
  if (note && own) {
    note.hidden = false;
    root.querySelector('[data-action="activate"]')?.setAttribute('aria-describedby', note.id);
  }
  if (!saved.lastRun) return;
  const run = saved.lastRun;
  void Promise.all([import('./results-view'), import('./saved-run')]).then(([view, kept]) => {
    const region = root.querySelector<HTMLElement>('[data-results]');
    // A run started meanwhile has the region: its results are newer.
    if (!region || region.getAttribute('aria-busy') === 'true' || root.dataset.ran) return;
    const data = readIslandData(root);
    view.renderReport(region, kept.reportOf(run, data.checks), { nextLesson: data.nextLesson, savedAt: run.at, ...(data.eachRunHas ? { eachRunHas: data.eachRunHas } : {}) });
  });
}

function wireActivation(root: HTMLElement): void {
  const activate = root.querySelector<HTMLButtonElement>('[data-action="activate"]');
  if (!activate) return;
  warmWhenSeen(activate);
  activate.addEventListener('click', async () => {
    activate.disabled = true;
    activate.textContent = 'Opening the editor…';
    try {
      const { mountIsland } = await loadIsland();
      await mountIsland(root, readIslandData(root));
      activate.hidden = true;
    } catch (error) {
      activate.disabled = false;
      activate.textContent = 'Open the editor';
      const status = root.querySelector<HTMLElement>('[data-status]');
      if (status) {
        status.textContent = `The editor could not start: ${endSentence(error instanceof Error ? error.message : String(error))} Reload the page to try again.`;
      }
      throw error;
    }
  });
}

export function bootExercises(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-exercise-root]')) {
    if (root.dataset.booted) continue;
    root.dataset.booted = 'true';
    wireHints(root);
    wirePassedBadge(root);
    showSavedWork(root);
    wireActivation(root);
  }
}
