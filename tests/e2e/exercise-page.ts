/**
 * Driving an exercise island in a lesson page, as a learner would: open the editor, type or paste a program
 * into Monaco, run it, read the status line. Every function takes the page and the exercise's root selector
 * (`exerciseRoot('echo-server')`), so a page with several exercises drives each on its own. Nothing here is
 * timed: every wait is for a state of the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import { newSiteContext, visit, watchProblems, type PageProblems, type Theme } from './browser';

/** The selector of the island of exercise `id` (its `data-exercise-id`). */
export function exerciseRoot(id: string): string {
  return `[data-exercise-id="${id}"]`;
}

/** An exercise and the lesson (relative to the site URL) it sits in. */
export interface LessonExercise {
  readonly lesson: string;
  readonly root: string;
}

export const ECHO_SERVER: LessonExercise = { lesson: 'ports/echo-server/', root: exerciseRoot('echo-server') };
export const FIRST_CLIENT: LessonExercise = { lesson: 'sockets/first-client/', root: exerciseRoot('first-client') };

/** The reference solution of a one-file exercise, as its folder holds it. */
export function referenceSolution(id: string): string {
  const folder = new URL(`../../src/content/exercises/${id}/solution/`, import.meta.url);
  const [file, ...more] = readdirSync(folder);
  if (!file || more.length > 0) throw new Error(`exercise ${id} has ${more.length + (file ? 1 : 0)} solution files; this helper pastes one`);
  return readFileSync(new URL(file, folder), 'utf8');
}

/** Passes a one-file exercise on the page with its reference solution, pasted in, as a lesson's other exercise. */
export async function passWithSolution(page: Page, id: string): Promise<void> {
  const root = exerciseRoot(id);
  await openEditor(page, root);
  await pasteProgram(page, root, referenceSolution(id));
  await startRun(page, root, 'button');
  await expectAllPassed(page, root);
}

/** Waits until the run is over (see `waitForResults`) and says every check passed. */
export async function expectAllPassed(page: Page, root: string, timeout = 30_000): Promise<void> {
  expect(await waitForResults(page, root, timeout)).toMatch(/^All \d+ checks passed/);
}

/** The echo-server reference solution, one statement per line so Monaco's auto-closing brackets overtype cleanly. */
export const ECHO_SERVER_SOLUTION: readonly string[] = [
  "import net from 'node:net';",
  "const server = net.createServer((socket) => { socket.on('data', (chunk) => socket.write(chunk)); });",
  "server.listen(7, () => console.log('echo server listening on port 7'));",
];

/** A page in a fresh context (no stored theme, no progress). */
export interface FreshPage {
  readonly context: BrowserContext;
  readonly page: Page;
}

/** A page in a fresh context, not yet navigated (listen to it first if need be). Close `context` when done. */
export async function freshPage(browser: Browser, theme: Theme = 'light'): Promise<FreshPage> {
  const context = await newSiteContext(browser, theme);
  const page = await context.newPage();
  return { context, page };
}

/** Hands a page in a fresh context to `use`, and closes the context whatever happens. */
export async function withFreshPage(browser: Browser, use: (fresh: FreshPage) => Promise<void>, theme: Theme = 'light'): Promise<void> {
  const fresh = await freshPage(browser, theme);
  try {
    await use(fresh);
  } finally {
    await fresh.context.close();
  }
}

/** A lesson open in a fresh context, with its problems recorded from before the first request. */
export interface OpenedLesson extends FreshPage {
  readonly problems: PageProblems;
}

/** Where `withLesson` goes: `lesson` relative to `siteUrl`, in a colour scheme (light unless told). */
export interface LessonVisit {
  readonly siteUrl: string;
  readonly lesson: string;
  readonly theme?: Theme;
}

/** Opens a lesson in a fresh context, hands it to `use`, and closes the context whatever happens. */
export async function withLesson(browser: Browser, where: LessonVisit, use: (opened: OpenedLesson) => Promise<void>): Promise<void> {
  await withFreshPage(
    browser,
    async ({ context, page }) => {
      const problems = watchProblems(page);
      await visit(page, where.siteUrl, where.lesson);
      await use({ context, page, problems });
    },
    where.theme,
  );
}

/** Activates the island (the editor loads only then) and waits until Monaco shows its lines and Run is shown. */
export async function openEditor(page: Page, root: string): Promise<void> {
  await page.locator(`${root} [data-action="activate"]`).click();
  await page.locator(`${root} .monaco-editor .view-lines`).waitFor();
  await page.locator(`${root} [data-action="run"]`).waitFor({ state: 'visible' });
}

/** Puts the keyboard focus in the editor by clicking its text. */
export async function focusEditor(page: Page, root: string): Promise<void> {
  await page.locator(`${root} .monaco-editor .view-lines`).click();
}

/** The editor's text as Monaco renders it, with its non-breaking spaces made plain. */
export async function editorText(page: Page, root: string): Promise<string> {
  return ((await page.locator(`${root} .monaco-editor .view-lines`).textContent()) ?? '').replace(/\u00a0/g, ' ');
}

async function clearEditor(page: Page, root: string): Promise<void> {
  await focusEditor(page, root);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
}

/**
 * Replaces the editor's text from the keyboard, line by line, as a learner types. Each line goes in as typed
 * text (`insertText`, so Monaco's auto-closing brackets do not double the ones the line already has).
 */
export async function typeProgram(page: Page, root: string, lines: readonly string[]): Promise<void> {
  await clearEditor(page, root);
  for (const line of lines) {
    await page.keyboard.insertText(line);
    await page.keyboard.press('Enter');
    // Monaco indents the next line after some lines: start each statement at column 1.
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+Home');
  }
}

/** Replaces the editor's text with `source` in one go, as a pasted block (Monaco does not auto-indent it). */
export async function pasteProgram(page: Page, root: string, source: string): Promise<void> {
  await clearEditor(page, root);
  await page.keyboard.insertText(source);
}

/** How a run starts: the Run button, or Ctrl/Cmd+Enter where the focus is (the editor, after typing). */
export type RunStart = 'button' | 'shortcut';

/** Starts a run and returns at once; see `waitForResults`. */
export async function startRun(page: Page, root: string, start: RunStart): Promise<void> {
  if (start === 'button') await page.locator(`${root} [data-action="run"]`).click();
  else await page.keyboard.press('ControlOrMeta+Enter');
}

/**
 * Waits until the run is over — the results region no longer busy, its status no longer "Running", and Run
 * enabled again, which it is once the report is whole (the console output follows the verdict by a frame)
 * and the run is counted (the badge, the sidebar, the chapter bars) — and returns the status line.
 */
export async function waitForResults(page: Page, root: string, timeout = 30_000): Promise<string> {
  await page.waitForFunction(
    (selector) => {
      const island = document.querySelector(selector);
      const region = island?.querySelector('[data-results]');
      const run = island?.querySelector<HTMLButtonElement>('[data-action="run"]');
      return !!region && region.getAttribute('aria-busy') !== 'true' && !region.querySelector('[data-status]')?.textContent?.startsWith('Running') && !run?.disabled;
    },
    root,
    { timeout },
  );
  return (await page.locator(`${root} [data-results] [data-status]`).textContent()) ?? '';
}

/** Runs the program in the editor and waits for how it went; returns the status line. */
export async function runAndWait(page: Page, root: string, start: RunStart): Promise<string> {
  await startRun(page, root, start);
  return waitForResults(page, root);
}

/**
 * The page's runner workers, oldest first: each realm is one, started from a blob URL in the sandbox frame,
 * whose origin is opaque (`blob:null/…`); Monaco's workers come from the site's own URLs.
 */
export function runnerWorkers(page: Page): Worker[] {
  return page.workers().filter((worker) => worker.url().startsWith('blob:null/'));
}
