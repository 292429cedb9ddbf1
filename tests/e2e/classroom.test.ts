/**
 * Teachers and learners, end to end in Chromium against the built site: a teacher builds an assignment; a
 * learner opens its link, sees the banner and the checklist, completes it, and hands in (a real download, and
 * the text code); the teacher gives the page the file and the code and a few bad hand-ins, and the gradebook
 * shows the learner's code re-run in the sandbox, the bad ones listed with their reasons. Keyboard only where
 * a teacher would use it; axe on every state; screenshots light and dark at 1280 and 390 px.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeFindings, clickAnswerMs, describeFindings, launchChromium, saveScreenshot, visit, watchProblems, type Theme } from './browser';
import { Course, type CourseCatalog } from '../../src/lib/classroom/catalog';
import { handInFile as handInFileText, makeHandIn } from '../../src/lib/classroom/hand-in';
import { ECHO_SERVER, ECHO_SERVER_SOLUTION, openEditor, startRun, typeProgram, withFreshPage } from './exercise-page';
import { ASSIGNMENTS_PAGE, TEACHER_PAGE, buildAssignment, gradebookRows, waitForGradings } from './classroom-page';

const siteUrl = inject('siteUrl');
const SOLUTION_LINES = [...ECHO_SERVER_SOLUTION.slice(0, 2), 'server.listen(7);'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function expectAccessible(page: Page, where: string) {
  const findings = await axeFindings(page, 'serious');
  expect(findings, `axe on ${where}:\n${describeFindings(findings)}`).toEqual([]);
}

/** Screenshots of the page as it is, at 1280 and 390 px wide. */
async function shoot(page: Page, name: string) {
  await saveScreenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe.each<Theme>(['light', 'dark'])('an assignment from link to gradebook (%s)', (theme) => {
  it('is built, completed, handed in, and graded on the teacher page', { timeout: 240_000 }, async () => {
    let link = '';
    let handInFile = '';
    let handInCode = '';
    const title = `Week 3: ports (${theme})`;

    // The teacher builds the assignment.
    await withFreshPage(
      browser,
      async ({ page }) => {
        const problems = watchProblems(page);
        await visit(page, siteUrl, TEACHER_PAGE);
        await expectAccessible(page, `the teacher page (${theme})`);
        link = await buildAssignment(page, { title, chapters: ['ports'], items: [], due: '2026-12-03', note: 'Read the lesson first, then the exercise.' });
        expect(new URL(link).pathname).toBe('/endpoints/assignments/');
        expect(new URL(link).hash).toMatch(/^#a=EPA1\./);
        await expect(page.locator('[data-link-status]').textContent()).resolves.toBe(`The link for “${title}” is ready (2 items). Copy it into your class tool.`);
        await expectAccessible(page, `the teacher page with a link (${theme})`);
        await shoot(page, `classroom-builder-${theme}`);
        expect(problems.pageErrors).toEqual([]);
      },
      theme,
    );

    // The learner opens it, completes it, and hands in.
    await withFreshPage(
      browser,
      async ({ page }) => {
        const problems = watchProblems(page);
        await page.goto(link, { waitUntil: 'networkidle' });
        const card = page.locator('article.assignment-card');
        await expect(card.locator('h2').textContent()).resolves.toBe(title);
        await expect(page.locator('[data-assignments-status]').textContent()).resolves.toBe(`Added to your assignments: “${title}”.`);
        expect(new URL(page.url()).hash).toMatch(/^#assignment-[0-9a-f]{8}$/);
        await expect(card.locator('.assignment-tally').textContent()).resolves.toBe('0 of 2 done');
        await expect(card.locator('.assignment-note').textContent()).resolves.toBe('Read the lesson first, then the exercise.');
        await expect(card.locator('.assignment-facts').textContent()).resolves.toMatch(/^Due 3 December 2026 · opened /);
        await expectAccessible(page, `the assignments page (${theme})`);

        // The checklist's first item leads to the lesson, where the banner names the assignment.
        await card.getByRole('link', { name: /^Read: / }).click();
        await page.waitForLoadState('networkidle');
        await expect(page.locator('[data-assignment-banner]').textContent()).resolves.toBe(`Assignment: ${title} — due 3 December 2026`);
        await openEditor(page, ECHO_SERVER.root);
        await typeProgram(page, ECHO_SERVER.root, SOLUTION_LINES);
        await startRun(page, ECHO_SERVER.root, 'button');
        await expect.poll(() => page.locator(`${ECHO_SERVER.root} [data-status]`).textContent(), { timeout: 30_000 }).toMatch(/^All \d+ checks passed/);

        await page.locator('[data-assignment-banner] a').click();
        await page.waitForLoadState('networkidle');
        await expect(card.locator('.assignment-tally').textContent()).resolves.toBe('2 of 2 done');
        // By keyboard: the name field, then the button.
        await page.getByLabel('Your name, as your teacher knows you').focus();
        await page.keyboard.press('Enter');
        await expect(page.locator('.assignment-problem').textContent()).resolves.toBe('Write your name first: your teacher finds your work by it.');
        await page.keyboard.type('Ada Lovelace');
        await page.keyboard.press('Enter');
        await expect(card.locator('.assignment-hand-in-summary').textContent()).resolves.toBe('Your hand-in is ready: all 2 items are done.');
        const downloading = page.waitForEvent('download');
        await card.getByRole('button', { name: 'Download the file' }).click();
        const download = await downloading;
        expect(download.suggestedFilename()).toMatch(/^ada-lovelace-week-3-ports-/);
        expect(download.suggestedFilename()).toMatch(/\.endpoints\.json$/);
        handInFile = await readFile((await download.path())!, 'utf8');
        handInCode = await card.locator('textarea.assignment-code').inputValue();
        expect(handInCode).toMatch(/^EPH1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
        expect(JSON.parse(handInFile).handIn.exercises['echo-server'].files['server.ts']).toContain('socket.write(chunk)');
        await expectAccessible(page, `the assignments page with a hand-in (${theme})`);
        await shoot(page, `classroom-assignment-${theme}`);
        expect(problems.pageErrors).toEqual([]);
      },
      theme,
    );

    // The teacher grades: the file, the same hand-in as a code, and bad ones among them.
    await withFreshPage(
      browser,
      async ({ page }) => {
        const problems = watchProblems(page);
        await visit(page, siteUrl, TEACHER_PAGE);
        await page.locator('[data-files-input]').setInputFiles([
          { name: 'ada.endpoints.json', mimeType: 'application/json', buffer: Buffer.from(handInFile) },
          { name: 'cut.endpoints.json', mimeType: 'application/json', buffer: Buffer.from(handInFile.slice(0, 200)) },
          { name: 'edited.endpoints.json', mimeType: 'application/json', buffer: Buffer.from(handInFile.replace('Ada Lovelace', 'Bob')) },
        ]);
        await page.getByLabel('Or paste hand-in codes (as many as you like, in any layout)').fill(`${handInCode}\n\nEPH1.not-a-real-code`);
        await page.getByRole('button', { name: 'Read the codes' }).click();
        await expect(waitForGradings(page)).resolves.toBe('All 2 gradings done.');
        await expect.poll(() => page.locator('[data-intake-status]').textContent()).toBe('1 hand-in read this time, 1 not read. In all: 2 hand-ins read, 3 not read (the list below says why).');
        await page.locator('[data-refused-summary]').click();
        const refused = await page.locator('[data-refused-list] li').allTextContents();
        expect(refused).toEqual([
          'cut.endpoints.json was not read: it is cut off: the file ends in the middle of its content (it may not have finished uploading or downloading).',
          'edited.endpoints.json was not read: it does not match its checksum: it was changed after it was made (edited by hand, or damaged on the way).',
          'pasted code 2 was not read: it is cut off: its end (the checksum after the last dot) is missing — copy the whole code again.',
        ]);
        await expect.poll(async () => (await gradebookRows(page)).map((row) => row.slice(0, 4))).toEqual([
          ['Ada Lovelace', '2/2', expect.stringMatching(/^opened \d+ \w+$/), 'passed, 5 of 5 checks ⚑ A'],
          ['Ada Lovelace', '2/2', expect.stringMatching(/^opened \d+ \w+$/), 'passed, 5 of 5 checks ⚑ A'],
        ]);
        await expect(page.locator('[data-similar-list] li').first().textContent()).resolves.toMatch(/^Group A — An echo server on port 7: 2 hand-ins with the same code: Ada Lovelace, Ada Lovelace\.$/);
        await expectAccessible(page, `the gradebook (${theme})`);

        // Keyboard only: from the first cell to its details and back.
        const cell = page.locator('#gb-cell-0-1');
        await cell.focus();
        await page.keyboard.press('Enter');
        await expect(page.locator('[data-detail-title]').textContent()).resolves.toBe('Ada Lovelace — An echo server on port 7');
        await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-detail-title'))).resolves.toBe(true);
        await expect(page.locator('.detail-code code').textContent()).resolves.toContain('socket.write(chunk)');
        await expect.poll(() => page.locator('.detail-results [data-status]').textContent(), { timeout: 30_000 }).toMatch(/^All 5 checks passed/);
        await page.locator('[data-detail-network] [role="tab"]').filter({ hasText: 'Packets' }).click();
        await expect.poll(() => page.locator('[data-detail-network] [data-np="packet-rows"] tr').count(), { timeout: 10_000 }).toBeGreaterThan(3);
        await expectAccessible(page, `a learner's details (${theme})`);
        await shoot(page, `classroom-gradebook-${theme}`);
        await page.getByRole('button', { name: 'Back to the gradebook' }).focus();
        await page.keyboard.press('Enter');
        await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('gb-cell-0-1');

        const downloading = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Download as CSV' }).click();
        const csv = await readFile((await (await downloading).path())!, 'utf8');
        const lines = csv.split('\r\n');
        expect(lines[0]).toMatch(/^\ufeffLearner,Hand-in,Made at,Items done,Items,lesson:ports\/echo-server opened at,exercise:echo-server re-run,/);
        expect(lines[1]).toMatch(/^Ada Lovelace,ada\.endpoints\.json,[^,]+,2,2,[^,]+,passed,5,5,/);
        expect(problems.pageErrors).toEqual([]);
        expect(problems.consoleErrors).toEqual([]);
      },
      theme,
    );
  });
});

describe('a thousand hand-ins at once', () => {
  it('are read a slice at a time with bad ones listed, and the page answers clicks while they are read and re-run', { timeout: 300_000 }, async () => {
    await withFreshPage(browser, async ({ page }) => {
      const problems = watchProblems(page);
      await visit(page, siteUrl, TEACHER_PAGE);
      const catalog = JSON.parse((await page.locator('script[data-course-catalog]').textContent())!) as CourseCatalog;
      const course = new Course(catalog);
      const assignment = { title: 'Ports, for a big class', items: course.chapterItems('ports') };
      const progress = (i: number) => ({
        lessonVisitedAt: () => '2026-11-30T10:00:00.000Z',
        exercise: () => ({ draft: { 'server.ts': `import net from 'node:net';\n// learner ${i}\nnet.createServer((s) => s.pipe(s)).listen(7);\n` } }),
        quizAnswers: () => ({}),
      });
      const files = Array.from({ length: 1000 }, (_, i) => ({
        name: `learner-${String(i).padStart(4, '0')}.endpoints.json`,
        mimeType: 'application/json',
        buffer: Buffer.from(handInFileText(makeHandIn(assignment, `Learner ${i}`, progress(i), course, new Date('2026-12-01T09:00:00Z')))),
      }));
      const huge = { name: 'lecture-recording.endpoints.json', mimeType: 'application/json', buffer: Buffer.alloc(50 * 1024 * 1024, 0x20) };
      await page.locator('[data-files-input]').setInputFiles([...files, huge]);
      // While 1,000 files are read and their code starts running, the page answers.
      expect(await clickAnswerMs(page, page.getByLabel('Or paste hand-in codes (as many as you like, in any layout)'), 'classroom: reading 1,000 hand-ins')).toBeLessThan(1000);
      await expect.poll(() => page.locator('[data-intake-status]').textContent(), { timeout: 120_000 }).toBe('1,000 hand-ins read, 1 not read (the list below says why).');
      await expect(page.locator('[data-refused-list] li').allTextContents()).resolves.toEqual([
        'lecture-recording.endpoints.json was not read: it is 52.4 MB; a hand-in file is at most 5 MB (a real one is a few kilobytes).',
      ]);
      await expect.poll(() => page.locator('[data-gradebook-count]').textContent(), { timeout: 30_000 }).toBe('1000 hand-ins.');
      await expect.poll(() => page.locator('[data-regrade-progress]').evaluate((bar) => (bar as HTMLProgressElement).value), { timeout: 60_000 }).toBeGreaterThan(2);
      expect(await clickAnswerMs(page, page.getByLabel('Show'), 'classroom: gradebook of 1,000 while re-running')).toBeLessThan(1000);
      await page.getByLabel('Find a learner').fill('Learner 99');
      await expect.poll(() => page.locator('[data-gradebook-count]').textContent()).toBe('11 of 1000 hand-ins shown.');
      await page.getByRole('button', { name: 'Stop' }).click();
      await expect.poll(() => page.locator('[data-regrade-text]').textContent()).toMatch(/stopped: the others wait until you press Go on\.$/);
      expect(problems.pageErrors).toEqual([]);
    });
  });
});
