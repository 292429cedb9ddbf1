/**
 * The progress notices and the progress file, in Chromium against the built site: a corrupt saved record is
 * set aside (never deleted) with a notice; a browser whose storage throws gets a notice and a course that
 * still works in memory; export then import of the progress file round-trips through a real download and a
 * real file chooser.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, launchChromium, visit, watchProblems } from './browser';
import { ECHO_SERVER, ECHO_SERVER_SOLUTION, expectAllPassed, openEditor, passWithSolution, startRun, typeProgram, withFreshPage } from './exercise-page';
import { answerQuizRight } from './quiz-page';

const siteUrl = inject('siteUrl');
const LESSON = ECHO_SERVER.lesson;
const exercise = ECHO_SERVER.root;
const KEY = 'endpoints:progress';
const notices = '[data-progress-notices]';

/** A passing echo server: the reference solution with a plain `listen`, as these tests have always typed it. */
const SOLUTION_LINES = [...ECHO_SERVER_SOLUTION.slice(0, 2), 'server.listen(7);'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function passTheExercise(page: Page): Promise<void> {
  await openEditor(page, exercise);
  await typeProgram(page, exercise, SOLUTION_LINES);
  await startRun(page, exercise, 'button');
  await expectAllPassed(page, exercise);
}

/** Every key of this origin's localStorage with its text. */
const storedItems = (page: Page) =>
  page.evaluate(() => Object.fromEntries(Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)!).map((key) => [key, localStorage.getItem(key)])));

/** Runs `run` on a page in a fresh context (no progress), then closes the context. */
const withContext = (run: (context: BrowserContext, page: Page) => Promise<void>) =>
  withFreshPage(browser, ({ context, page }) => run(context, page));

describe('a corrupt progress record', () => {
  it('is set aside under its own key, still intact, and the page says so', async () => {
    await withContext(async (_context, page) => {
      await visit(page, siteUrl, LESSON);
      const corrupt = '{"version":1,"exercises":{"echo-server":{"draft":'; // cut off mid-write
      await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [KEY, corrupt]);
      await page.reload({ waitUntil: 'networkidle' });

      const notice = page.locator(`${notices} .progress-notice.is-set-aside`);
      await expect(notice.textContent()).resolves.toMatch(
        /^Your saved progress could not be read \(it is not valid JSON: it may have been cut off while saving\), so it was set aside and a fresh record started\. It is kept as it was under "endpoints:progress:set-aside:[^"]+" in this browser's storage: nothing was deleted\./,
      );
      const items = await storedItems(page);
      const asideKeys = Object.keys(items).filter((key) => key.startsWith(`${KEY}:set-aside:`));
      expect(asideKeys).toHaveLength(1);
      expect(items[asideKeys[0]!]).toBe(corrupt);
      expect(await notice.textContent()).toContain(asideKeys[0]);
      // The notice is announced politely, and it is not hidden by the layout.
      await expect(page.locator(notices).getAttribute('role')).resolves.toBe('status');
      await expect(notice.isVisible()).resolves.toBe(true);
    });
  });
});

describe('a browser whose storage is disabled', () => {
  it('shows a notice, and the exercise runs and passes with progress kept in memory', async () => {
    await withContext(async (context, page) => {
      // As with cookies blocked: reading `localStorage` itself throws a SecurityError. Each reader is noted
      // (the first frame of its stack), to tell Starlight's inline theme scripts from the course's modules.
      await context.addInitScript(() => {
        const readers: string[] = [];
        Object.defineProperty(window, 'storageReaders', { value: readers });
        Object.defineProperty(window, 'localStorage', {
          configurable: true,
          get() {
            readers.push(new Error().stack?.split('\n')[2]?.trim() ?? '');
            throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
          },
        });
      });
      const problems = watchProblems(page);
      await visit(page, siteUrl, LESSON);
      const notice = page.locator(`${notices} .progress-notice.is-storage-disabled`);
      await expect(notice.textContent()).resolves.toContain('progress is kept only until you close the tab');

      await passTheExercise(page);
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(true);
      // The sidebar and the chapter bar follow the in-memory record: the lesson is done once its other exercise
      // and its quiz are too.
      const doneMark = page.locator(`#starlight__sidebar a[href$="/${LESSON}"] .lesson-done-mark`);
      const chapterLabel = page.locator('[data-progress-bar][data-chapter="ports"] [data-progress-label]');
      await expect(chapterLabel.textContent()).resolves.toBe('1 of 4 exercises passed, 0 of 2 quizzes done');
      await expect(doneMark.count()).resolves.toBe(0);
      await passWithSolution(page, 'port-taken');
      await expect(chapterLabel.textContent()).resolves.toBe('2 of 4 exercises passed, 0 of 2 quizzes done');
      await expect(doneMark.count()).resolves.toBe(0);
      await answerQuizRight(page, LESSON);
      await expect(doneMark.textContent()).resolves.toContain('(done)');
      await expect(chapterLabel.textContent()).resolves.toBe('2 of 4 exercises passed, 1 of 2 quizzes done');
      expect(await notice.count(), 'one notice, not one per change').toBe(1);

      // Starlight's inline theme scripts (in the page itself) do not catch the SecurityError: that is
      // upstream, and costs only the theme picker. Every error thrown is theirs; our modules catch theirs.
      const readers = await page.evaluate(() => (window as unknown as { storageReaders: string[] }).storageReaders);
      const fromModules = readers.filter((frame) => frame.includes('/_astro/'));
      expect(fromModules.length, 'the progress store reads storage').toBeGreaterThan(0);
      expect(fromModules.every((frame) => /page-progress/.test(frame)), fromModules.join('\n')).toBe(true);
      const denied = problems.pageErrors.filter((message) => message.includes('Access is denied'));
      expect(denied.length).toBe(readers.length - fromModules.length);
      expect(problems.pageErrors.filter((message) => !denied.includes(message) && message !== 'StarlightThemeProvider is not defined')).toEqual([]);
    });
  });
});

describe('the progress file', () => {
  it('exports a passed exercise as JSON and imports it into another browser', async () => {
    let exported = '';
    await withContext(async (_context, page) => {
      await visit(page, siteUrl, LESSON);
      await passTheExercise(page);
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export progress' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^endpoints-progress-\d{4}-\d{2}-\d{2}\.json$/);
      const path = `${artifactsDir}${download.suggestedFilename()}`;
      await download.saveAs(path);
      exported = await readFile(path, 'utf8');
      await expect(page.locator('[data-transfer-status]').textContent()).resolves.toBe('Your progress was saved as a file.');
    });
    const file = JSON.parse(exported) as { format: string; record: { exercises: Record<string, { passedAt?: string; draft: Record<string, string> }> } };
    expect(file.format).toBe('endpoints-progress');
    const passedAt = file.record.exercises['echo-server']?.passedAt;
    expect(passedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    await withContext(async (_context, page) => {
      await visit(page, siteUrl, LESSON);
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(false);
      const choosing = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import progress' }).click();
      await (await choosing).setFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
      await expect
        .poll(() => page.locator('[data-transfer-status]').textContent())
        .toBe('Imported: 1 exercise merged with the progress in this browser.');
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(true);
      const stored = JSON.parse((await storedItems(page))[KEY]!) as typeof file.record;
      expect(stored.exercises['echo-server']?.passedAt).toBe(passedAt);
      expect(stored.exercises['echo-server']?.draft).toEqual(file.record.exercises['echo-server']?.draft);

      // A file that is not progress is refused with a reason, and nothing changes.
      const refusing = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import progress' }).click();
      await (await refusing).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":') });
      await expect.poll(() => page.locator('[data-transfer-status]').textContent()).toMatch(/^Not imported: This file is not JSON/);
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(true);
    });
  });
});
