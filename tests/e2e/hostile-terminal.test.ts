/**
 * Pastes into the terminal in Chromium: into the exercise's (the shell in the real sandboxed worker) 5,000
 * lines (the shell once overflowed its stack at about 1,500) and one past the terminal's input bound; into a
 * playground's (the shell on the page's own thread) 5,000 lines. The terminal runs them, says where it cut,
 * answers afterwards, and the page answers a click while it works.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { clickAnswerMs, launchChromium, newSiteContext, visit, watchProblems } from './browser';
import { ECHO_SERVER as ECHO, ECHO_SERVER_SOLUTION, openEditor, runAndWait, typeProgram, withLesson } from './exercise-page';

const siteUrl = inject('siteUrl');
const root = ECHO.root;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The rows of the terminal that show something, as text. */
async function screen(page: Page, within = root): Promise<string> {
  const rows = await page.locator(`${within} [data-np="terminal"] .xterm-rows > div`).allTextContents();
  return rows.map((row) => row.replace(/\u00a0/g, ' ').trimEnd()).filter((row) => row.trim() !== '').join('\n');
}

/** Pastes `text` as Ctrl+V does: a paste event with the text on the clipboard, on xterm's input. */
async function paste(page: Page, text: string, within = root): Promise<void> {
  await page.locator(`${within} [data-np="terminal"] textarea`).evaluate((input, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Runs the reference solution and opens the terminal on the network it leaves (laptop). */
async function terminalAfterARun(page: Page): Promise<void> {
  await openEditor(page, root);
  await typeProgram(page, root, ECHO_SERVER_SOLUTION);
  expect(await runAndWait(page, root, 'button')).toMatch(/^All \d+ checks passed/);
  await page.locator(`${root} [role="tab"][data-tab="terminal"]`).click();
  await page.locator(`${root} [data-np="terminal"] .xterm`).waitFor();
  await page.locator(`${root} [data-np="terminal"] textarea`).focus();
  await expect.poll(() => screen(page), { timeout: 15_000 }).toMatch(/learner@laptop:~\$$/);
}

const endsWithPrompt = (text: string) => /learner@laptop:~\$$/.test(text);

describe('a paste into the terminal', () => {
  it('runs a pasted script of 5,000 lines, keeps the page answering, and answers afterwards', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO.lesson }, async ({ page, problems }) => {
      await terminalAfterARun(page);
      const script = Array.from({ length: 5_000 }, (_, i) => `echo line ${i}`).join('\n');
      const started = performance.now();
      await paste(page, `${script}\n`);

      // While the shell works through it, another tab of the panel answers a click, and back.
      expect(await clickAnswerMs(page, `${root} [role="tab"][data-tab="packets"]`, 'terminal: during a 5,000-line paste')).toBeLessThan(1000);
      await page.locator(`${root} [role="tab"][data-tab="terminal"]`).click();

      await expect.poll(() => screen(page), { timeout: 120_000, interval: 250 }).toMatch(/echo line 4999\nline 4999\nlearner@laptop:~\$$/);
      console.log(`[hostile-terminal] 5,000 pasted commands ran in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const shown = await screen(page);
      // The lines before the last are there in order too (as far back as the screen reaches).
      expect(shown).toContain('echo line 4998\nline 4998\nlearner@laptop:~$ echo line 4999');

      await page.locator(`${root} [data-np="terminal"] textarea`).focus();
      await page.keyboard.type('echo still answering\r');
      await expect.poll(() => screen(page), { timeout: 15_000 }).toMatch(/\nstill answering\nlearner@laptop:~\$$/);
      expect(await clickAnswerMs(page, `${root} [role="tab"][data-tab="packets"]`, 'terminal: after a 5,000-line paste')).toBeLessThan(1000);
      expect(problems.pageErrors).toEqual([]);
    });
  }, 240_000);

  it('cuts a paste past the input bound with a sentence saying so, and answers afterwards', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO.lesson }, async ({ page, problems }) => {
      await terminalAfterARun(page);
      // 1,500 lines of 1,000 characters: 1.5 M characters, half a million past the bound.
      const text = Array.from({ length: 1_500 }, () => `#${'z'.repeat(998)}`).join('\n');
      await paste(page, `${text}\n`);
      expect(await clickAnswerMs(page, `${root} [role="tab"][data-tab="packets"]`, 'terminal: during a 1.5 M character paste')).toBeLessThan(1000);
      await page.locator(`${root} [role="tab"][data-tab="terminal"]`).click();
      // xterm wraps the sentence at the terminal's width: compare without the breaks and spaces.
      const squeezed = (text: string) => text.replace(/\s+/g, '');
      const sentence = 'This paste was too long: the terminal holds at most 1,000,000 characters of input at once, so the last 500,000 of its 1,500,000 characters were dropped.';
      const started = performance.now();
      await expect.poll(async () => squeezed(await screen(page)), { timeout: 120_000, interval: 500 }).toContain(squeezed(sentence));
      console.log(`[hostile-terminal] 1,000 lines of 1,000 characters ran, and the cut was announced, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      await expect.poll(async () => endsWithPrompt(await screen(page)), { timeout: 15_000 }).toBe(true);
      await page.locator(`${root} [data-np="terminal"] textarea`).focus();
      await page.keyboard.type('echo after the cut\r');
      await expect.poll(() => screen(page), { timeout: 15_000 }).toMatch(/\nafter the cut\nlearner@laptop:~\$$/);
      expect(problems.pageErrors).toEqual([]);
    });
  }, 240_000);

  it('in a playground, where the shell runs on the page itself, 5,000 lines leave the page answering', async () => {
    const playground = '[data-playground]';
    const context = await newSiteContext(browser, 'light');
    const page = await context.newPage();
    const problems = watchProblems(page);
    try {
      await visit(page, siteUrl, 'nic/network-card/');
      await page.getByRole('button', { name: 'Open the terminal' }).click();
      await expect.poll(() => screen(page, playground), { timeout: 15_000 }).toMatch(/learner@laptop:~\$$/);
      const started = performance.now();
      await paste(page, `${Array.from({ length: 5_000 }, (_, i) => `echo line ${i}`).join('\n')}\n`, playground);
      expect(await clickAnswerMs(page, `${playground} [role="tab"][data-tab="packets"]`, 'playground: during a 5,000-line paste')).toBeLessThan(1000);
      await page.locator(`${playground} [role="tab"][data-tab="terminal"]`).click();
      await expect.poll(() => screen(page, playground), { timeout: 120_000, interval: 250 }).toMatch(/echo line 4999\nline 4999\nlearner@laptop:~\$$/);
      console.log(`[hostile-terminal] playground: 5,000 pasted commands ran in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      await page.locator(`${playground} [data-np="terminal"] textarea`).focus();
      await page.keyboard.type('echo still answering\r');
      await expect.poll(() => screen(page, playground), { timeout: 15_000 }).toMatch(/\nstill answering\nlearner@laptop:~\$$/);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
