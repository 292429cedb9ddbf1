/**
 * The exercise island in a real lesson (ports/echo-server), in Chromium against the built site: a learner
 * opens the editor, types with the keyboard, runs, reads the checks; an endless loop is stopped; progress
 * survives a reload; the activated page passes axe. Nothing here is timed: waits are for states.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeFindings, describeFindings, launchChromium, newSiteContext, saveScreenshot, visit, watchProblems, type Theme } from './browser';

const siteUrl = inject('siteUrl');
const LESSON = 'ports/echo-server/';
const exercise = '[data-exercise-id="echo-server"]';

/** The reference solution, one statement per line so Monaco's auto-closing brackets overtype cleanly. */
const SOLUTION_LINES = [
  "import net from 'node:net';",
  "const server = net.createServer((socket) => { socket.on('data', (chunk) => socket.write(chunk)); });",
  "server.listen(7, () => console.log('echo server listening on port 7'));",
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openEditor(page: Page): Promise<void> {
  await page.locator(`${exercise} [data-action="activate"]`).click();
  await page.locator(`${exercise} .monaco-editor .view-lines`).waitFor();
  await page.locator(`${exercise} [data-action="run"]`).waitFor({ state: 'visible' });
}

async function focusEditor(page: Page): Promise<void> {
  await page.locator(`${exercise} .monaco-editor .view-lines`).click();
}

/**
 * Replaces the editor's text from the keyboard, as a learner would. Each line goes in as typed text
 * (`insertText`, so Monaco's auto-closing brackets do not double the ones the line already has).
 */
async function typeProgram(page: Page, lines: string[]): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  for (const line of lines) {
    await page.keyboard.insertText(line);
    await page.keyboard.press('Enter');
    // Monaco indents the next line after some lines: start each statement at column 1.
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+Home');
  }
}

/** Runs with Ctrl+Enter from the editor and waits until the results say how it went. */
async function runAndWait(page: Page): Promise<string> {
  const status = page.locator(`${exercise} [data-results] [data-status]`);
  await page.keyboard.press('ControlOrMeta+Enter');
  await page.waitForFunction(
    (selector) => {
      const region = document.querySelector(selector);
      return region?.getAttribute('aria-busy') !== 'true' && !region?.querySelector('[data-status]')?.textContent?.startsWith('Running');
    },
    `${exercise} [data-results]`,
    { timeout: 30_000 },
  );
  return (await status.textContent()) ?? '';
}

async function freshPage(theme: Theme = 'light'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newSiteContext(browser, theme);
  const page = await context.newPage();
  return { context, page };
}

describe('the echo-server exercise', () => {
  it('shows the task and the starter code, readable before any script loads the editor', async () => {
    const { context, page } = await freshPage();
    try {
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await visit(page, siteUrl, LESSON);
      await expect(page.locator(`${exercise} .exercise-tab`).first().textContent()).resolves.toMatch(/server\.ts\s+— on web 10\.0\.0\.2/);
      await expect(page.locator(`${exercise} pre.exercise-starter`).first().textContent()).resolves.toContain("import net from 'node:net'");
      expect(requests.filter((url) => /monaco|editor\.api|ts\.worker|codicon/i.test(url)), 'no editor code before activation').toEqual([]);
      expect(await page.locator(`${exercise}`).evaluate((root) => root.classList.contains('not-content'))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('passes every check when the learner types the solution with the keyboard and runs it', async () => {
    const { context, page } = await freshPage();
    const problems = watchProblems(page);
    try {
      await visit(page, siteUrl, LESSON);
      await openEditor(page);
      const starterStatus = await runAndWait(page);
      expect(starterStatus, 'the starter fails at least one check').not.toMatch(/^All \d+ checks passed/);

      await typeProgram(page, SOLUTION_LINES);
      const status = await runAndWait(page);
      const checks = await page.locator(`${exercise} .exercise-check`).evaluateAll((items) =>
        items.map((item) => ({ passed: item.classList.contains('is-passed'), text: item.textContent?.trim() })),
      );
      expect(checks.length).toBeGreaterThan(0);
      expect(checks.filter((check) => !check.passed), status).toEqual([]);
      expect(status).toMatch(/^All \d+ checks passed/);
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(true);
      await saveScreenshot(page, 'exercise-passed-light');
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('stops an endless loop, reports it, and the page still answers', async () => {
    const { context, page } = await freshPage('dark');
    try {
      await visit(page, siteUrl, LESSON);
      await openEditor(page);
      await typeProgram(page, ['while (true) {}']);
      const status = await runAndWait(page);
      expect(status).toContain('Your program ran too long — is there an endless loop?');
      await saveScreenshot(page, 'exercise-endless-loop-dark');

      // The page responds: a hint opens, and a fresh sandbox runs the next program.
      await page.locator(`${exercise} [data-action="hint"]`).click();
      await expect(page.locator(`${exercise} .exercise-hint-list li`).count()).resolves.toBe(1);
      await typeProgram(page, SOLUTION_LINES);
      expect(await runAndWait(page)).toMatch(/^All \d+ checks passed/);
    } finally {
      await context.close();
    }
  });

  it('marks a syntax error on its line and does not grade the run', async () => {
    const { context, page } = await freshPage();
    try {
      await visit(page, siteUrl, LESSON);
      await openEditor(page);
      await typeProgram(page, ["import net from 'node:net';", 'const = 5;']);
      const status = await runAndWait(page);
      expect(status).toMatch(/did not compile \(server\.ts, line 2\)/);
      await expect(page.locator(`${exercise} .exercise-check`).count()).resolves.toBe(0);
      await page.locator(`${exercise} .monaco-editor .squiggly-error`).first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('keeps the draft, the pass and the hints across a reload', async () => {
    const { context, page } = await freshPage();
    try {
      await visit(page, siteUrl, LESSON);
      await openEditor(page);
      await typeProgram(page, SOLUTION_LINES);
      expect(await runAndWait(page)).toMatch(/^All \d+ checks passed/);
      await page.locator(`${exercise} [data-action="hint"]`).click();
      // The draft is saved shortly after the last keystroke.
      await page.waitForFunction(() => localStorage.getItem('endpoints:progress')?.includes('socket.write(chunk)'));

      await page.reload({ waitUntil: 'networkidle' });
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(true);
      await expect(page.locator(`${exercise} .exercise-hint-list li`).count()).resolves.toBe(1);
      const sidebarMark = page.locator(`#starlight__sidebar a[href$="/${LESSON}"] .lesson-done-mark`);
      await expect(sidebarMark.textContent()).resolves.toContain('(done)');
      await openEditor(page);
      const text = await page.locator(`${exercise} .monaco-editor .view-lines`).textContent();
      expect(text?.replace(/\u00a0/g, ' ')).toContain("socket.on('data', (chunk) => socket.write(chunk))");
    } finally {
      await context.close();
    }
  });

  it('undoes a reset to the starter, and shows the solution without touching the learner code', async () => {
    const { context, page } = await freshPage();
    try {
      await visit(page, siteUrl, LESSON);
      await openEditor(page);
      await typeProgram(page, ['// my own attempt']);
      const editorText = async () => ((await page.locator(`${exercise} .monaco-editor .view-lines`).textContent()) ?? '').replace(/\u00a0/g, ' ');
      await page.locator(`${exercise} [data-action="reset"]`).click();
      // Monaco paints on the next animation frame: poll the rendered text.
      await expect.poll(editorText).not.toContain('my own attempt');
      await page.keyboard.press('ControlOrMeta+Z');
      await expect.poll(editorText).toContain('my own attempt');

      for (let run = 0; run < 3; run++) {
        await focusEditor(page);
        await runAndWait(page);
      }
      const showSolution = page.locator(`${exercise} [data-action="solution"]`);
      await showSolution.waitFor({ state: 'visible' });
      await showSolution.click();
      await page.locator(`${exercise} dialog button[value="show"]`).click();
      await expect.poll(editorText).toContain('server.listen(7');
      await page.locator(`${exercise} [data-action="back-to-mine"]`).click();
      await expect.poll(editorText).toContain('my own attempt');
    } finally {
      await context.close();
    }
  });

  it.each(['light', 'dark'] as const)('passes axe with the editor open and results shown (%s)', async (theme) => {
    const { context, page } = await freshPage(theme);
    try {
      await visit(page, siteUrl, LESSON);
      await openEditor(page);
      await typeProgram(page, SOLUTION_LINES);
      await runAndWait(page);
      const findings = await axeFindings(page, 'serious');
      expect(findings, describeFindings(findings)).toEqual([]);
      await saveScreenshot(page, `exercise-activated-${theme}`);
    } finally {
      await context.close();
    }
  });

  it('lets a keyboard user leave the editor with Escape and reach Run, then the results', async () => {
    const { context, page } = await freshPage();
    try {
      await visit(page, siteUrl, LESSON);
      await openEditor(page);
      await focusEditor(page);
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('run');
      await page.keyboard.press('Enter');
      await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('aria-busy') !== 'true', `${exercise} [data-results]`);
      expect(await page.locator(`${exercise} [data-results]`).getAttribute('aria-live')).toBe('polite');
    } finally {
      await context.close();
    }
  });
});
