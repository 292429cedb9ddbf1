/**
 * Teachers and learners, end to end in Chromium against the built site: a teacher builds two assignments; a
 * learner opens both links (two at once, one dismissed and brought back), sees the banner and the
 * checklists, hands in unfinished work (said so), completes the chapter (its lessons, its exercise, its
 * quizzes) and hands in again (a real download, and the text code); the teacher gives the page the file, the
 * code, a hand-in whose claimed pass its code does not earn, and a few bad ones, and the gradebook shows every
 * learner's code re-run in the sandbox, the quizzes graded again, the disagreement flagged, the bad ones
 * listed with their reasons; it sorts, filters, opens details by keyboard and downloads as CSV. axe on every
 * state in both themes (the system's colour scheme switched under the page as it stands: the flow runs once);
 * screenshots light and dark at 1280 and 390 px.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, axeFindings, clickAnswerMs, describeFindings, fullPageScreenshots, launchChromium, saveScreenshot, switchTheme, visit, watchProblems, type Theme } from './browser';
import { decodeAssignment } from '../../src/lib/classroom/assignment';
import { Course, type CourseCatalog } from '../../src/lib/classroom/catalog';
import { handInFile as handInFileText, makeHandIn } from '../../src/lib/classroom/hand-in';
import { ECHO_SERVER, ECHO_SERVER_SOLUTION, expectAllPassed, openEditor, startRun, typeProgram, withFreshPage } from './exercise-page';
import { TEACHER_PAGE, buildAssignment, gradebookRows, waitForGradings } from './classroom-page';
import { answerQuizRight } from './quiz-page';

const siteUrl = inject('siteUrl');
const SOLUTION_LINES = [...ECHO_SERVER_SOLUTION.slice(0, 2), 'server.listen(7);'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const THEMES: readonly Theme[] = ['light', 'dark'];

/** axe on the page as it stands, in both themes; the page is left in the light theme, as the flow's contexts start. */
async function expectAccessible(page: Page, where: string) {
  for (const theme of THEMES) {
    await switchTheme(page, theme);
    const findings = await axeFindings(page, 'serious');
    expect(findings, `axe on ${where} (${theme}):\n${describeFindings(findings)}`).toEqual([]);
  }
  await switchTheme(page, 'light');
}

/** Screenshots of the whole page as it is, from its top, at 1280 and 390 px wide, in both themes (ENDPOINTS_E2E_SCREENSHOTS=1). */
async function shoot(page: Page, name: string) {
  if (!fullPageScreenshots) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const theme of THEMES) {
    await switchTheme(page, theme);
    await saveScreenshot(page, `${name}-${theme}-1280`);
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, `${name}-${theme}-390`);
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await switchTheme(page, 'light');
}

describe('an assignment from link to gradebook', () => {
  it('is built, completed, handed in, and graded on the teacher page', { timeout: 300_000 }, async () => {
    let link = '';
    let warmUp = '';
    let catalog: CourseCatalog | undefined;
    let handInFile = '';
    let handInCode = '';
    const title = 'Week 3: ports';

    // The teacher builds two assignments: a whole chapter, and one quiz on its own.
    await withFreshPage(
      browser,
      async ({ page }) => {
        const problems = watchProblems(page);
        await visit(page, siteUrl, TEACHER_PAGE);
        await expectAccessible(page, `the teacher page`);
        catalog = JSON.parse((await page.locator('script[data-course-catalog]').textContent())!) as CourseCatalog;
        link = await buildAssignment(page, { title, items: CHAPTER_3_PICK, due: '2026-12-03', note: 'Read the lesson first, then the exercise.' });
        expect(new URL(link).pathname).toBe('/endpoints/assignments/');
        expect(new URL(link).hash).toMatch(/^#a=EPA1\./);
        await expect(page.locator('[data-builder-count]').textContent()).resolves.toBe('5 items chosen: 2 lessons to read, 1 exercise, 2 quizzes.');
        await expect(page.locator('[data-link-status]').textContent()).resolves.toBe(`The link for “${title}” is ready (5 items). Copy it into your class tool.`);
        await expectAccessible(page, `the teacher page with a link`);
        await shoot(page, 'classroom-builder');
        for (const item of CHAPTER_3_PICK) await page.locator(`input[name="item"][value="${item}"]`).uncheck();
        warmUp = await buildAssignment(page, { title: 'Warm-up: the loopback', items: ['quiz:nic-interfaces'] });
        expect(warmUp).not.toBe(link);
        expect(problems.pageErrors).toEqual([]);
      },
    );

    // The learner opens both, dismisses one and brings it back, completes the chapter, and hands in.
    await withFreshPage(
      browser,
      async ({ page }) => {
        const problems = watchProblems(page);
        await page.goto(link, { waitUntil: 'networkidle' });
        const card = page.locator('article.assignment-card', { has: page.getByRole('heading', { name: title }) });
        await expect(page.locator('[data-assignments-status]').textContent()).resolves.toBe(`Added to your assignments: “${title}”.`);
        expect(new URL(page.url()).hash).toMatch(/^#assignment-[0-9a-f]{8}$/);
        await expect(card.locator('.assignment-tally').textContent()).resolves.toBe('0 of 5 done');
        await expect(card.locator('.assignment-note').textContent()).resolves.toBe('Read the lesson first, then the exercise.');
        await expect(card.locator('.assignment-facts').textContent()).resolves.toMatch(/^Due 3 December 2026 · opened /);
        await expect(card.locator('.assignment-item a').allTextContents()).resolves.toEqual([
          'Read: Ports: the door to one application',
          'Exercise: An echo server on port 7',
          'Quiz: Ports: the door to one application',
          'Read: The web on port 80',
          'Quiz: The web on port 80',
        ]);

        // A second link, opened on the same page (only the hash changes): both are open.
        await page.goto(warmUp);
        await expect.poll(() => page.locator('article.assignment-card').count()).toBe(2);
        await expect(page.locator('[data-assignments-status]').textContent()).resolves.toBe('Added to your assignments: “Warm-up: the loopback”.');
        await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Warm-up: the loopback');
        await expectAccessible(page, `the assignments page with two`);
        // Dismissed by keyboard, brought back with Undo, dismissed again.
        const warmCard = page.locator('article.assignment-card', { has: page.getByRole('heading', { name: 'Warm-up: the loopback' }) });
        await warmCard.getByRole('button', { name: 'Remove this assignment from my list' }).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.locator('article.assignment-card').count()).toBe(1);
        await expect(page.locator('[data-assignments-status]').textContent()).resolves.toBe('“Warm-up: the loopback” was removed from your list. Your progress is not changed. Undo');
        await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Undo');
        await page.keyboard.press('Enter');
        await expect.poll(() => page.locator('article.assignment-card').count()).toBe(2);
        await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Warm-up: the loopback');

        // The checklist's first item leads to the lesson, where the banner names both assignments.
        await card.getByRole('link', { name: 'Read: Ports: the door to one application' }).click();
        await page.waitForLoadState('networkidle');
        await expect(page.locator('[data-assignment-banner] li').allTextContents()).resolves.toEqual([
          `Assignment: ${title} — due 3 December 2026`,
          'Assignment: Warm-up: the loopback',
        ]);
        await expectAccessible(page, `a lesson with the banner`);
        // The top of the lesson, where the strip is (the whole lesson is long).
        await page.evaluate(() => window.scrollTo(0, 0));
        for (const theme of THEMES) {
          await switchTheme(page, theme);
          await page.screenshot({ path: `${artifactsDir}classroom-banner-${theme}-1280.png` });
          await page.setViewportSize({ width: 390, height: 844 });
          await page.screenshot({ path: `${artifactsDir}classroom-banner-${theme}-390.png` });
          await page.setViewportSize({ width: 1280, height: 800 });
        }
        await switchTheme(page, 'light');
        await openEditor(page, ECHO_SERVER.root);
        await typeProgram(page, ECHO_SERVER.root, SOLUTION_LINES);
        await startRun(page, ECHO_SERVER.root, 'button');
        await expectAllPassed(page, ECHO_SERVER.root);
        await answerQuizRight(page, 'ports/echo-server');

        // Handed in unfinished: allowed, and said.
        await page.locator('[data-assignment-banner] a', { hasText: title }).click();
        await page.waitForLoadState('networkidle');
        await expect(card.locator('.assignment-tally').textContent()).resolves.toBe('3 of 5 done');
        await page.getByLabel('Your name, as your teacher knows you').first().focus();
        await page.keyboard.press('Enter');
        await expect(card.locator('.assignment-problem').textContent()).resolves.toBe('Write your name first: your teacher finds your work by it.');
        await page.keyboard.type('Ada Lovelace');
        await page.keyboard.press('Enter');
        await expect(card.locator('.assignment-hand-in-summary').textContent()).resolves.toBe(
          'Your hand-in is ready. 3 of 5 items are done; not finished yet: The web on port 80; Quiz: The web on port 80. You can hand it in as it is (it says what is unfinished), or finish and make a new one.',
        );

        // The rest of the chapter, then the hand-in for real.
        await card.getByRole('link', { name: 'Read: The web on port 80' }).click();
        await page.waitForLoadState('networkidle');
        await answerQuizRight(page, 'ports/web');
        await page.goBack({ waitUntil: 'networkidle' });
        await expect.poll(() => card.locator('.assignment-tally').textContent()).toBe('5 of 5 done');
        await card.getByLabel('Your name, as your teacher knows you').fill('Ada Lovelace');
        await card.getByRole('button', { name: 'Make my hand-in' }).click();
        await expect(card.locator('.assignment-hand-in-summary').textContent()).resolves.toBe('Your hand-in is ready: all 5 items are done.');
        const downloading = page.waitForEvent('download');
        await card.getByRole('button', { name: 'Download the file' }).click();
        const download = await downloading;
        expect(download.suggestedFilename()).toBe('ada-lovelace-week-3-ports.endpoints.json');
        handInFile = await readFile((await download.path())!, 'utf8');
        handInCode = await card.locator('textarea.assignment-code').inputValue();
        expect(handInCode).toMatch(/^EPH1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
        const handed = JSON.parse(handInFile).handIn;
        expect(handed.exercises['echo-server'].files['server.ts']).toContain('socket.write(chunk)');
        expect(Object.keys(handed.quizzes)).toEqual(['ports-echo-server', 'ports-web']);
        await expectAccessible(page, `the assignments page with a hand-in`);
        await shoot(page, 'classroom-assignment');
        expect(problems.pageErrors).toEqual([]);
      },
    );

    // A hand-in that claims a pass its code does not earn (made as the page makes them, so its checksum holds).
    const course = new Course(catalog!);
    const decoded = await decodeAssignment(new URL(link).hash.slice('#a='.length), course);
    if (!decoded.ok) throw new Error(decoded.reason);
    const forged = handInFileText(
      makeHandIn(
        decoded.assignment,
        'Bob Marley',
        {
          lessonVisitedAt: () => '2026-11-30T10:00:00.000Z',
          exercise: () => ({ draft: { 'server.ts': "import net from 'node:net';\nnet.createServer(() => {}).listen(7);\n" }, passedAt: '2026-11-30T10:05:00.000Z' }),
          quizAnswers: () => ({}),
        },
        course,
        new Date('2026-12-01T09:00:00Z'),
      ),
    );

    // The teacher grades: the file, the same hand-in as a code, the forged one, and bad ones among them.
    await withFreshPage(
      browser,
      async ({ page }) => {
        const problems = watchProblems(page);
        await visit(page, siteUrl, TEACHER_PAGE);
        await page.locator('[data-files-input]').setInputFiles([
          { name: 'ada.endpoints.json', mimeType: 'application/json', buffer: Buffer.from(handInFile) },
          { name: 'bob.endpoints.json', mimeType: 'application/json', buffer: Buffer.from(forged) },
          { name: 'cut.endpoints.json', mimeType: 'application/json', buffer: Buffer.from(handInFile.slice(0, 200)) },
          { name: 'edited.endpoints.json', mimeType: 'application/json', buffer: Buffer.from(handInFile.replace('Ada Lovelace', 'Bob')) },
        ]);
        await page.getByLabel('Or paste hand-in codes (as many as you like, in any layout)').fill(`${handInCode}\n\nEPH1.not-a-real-code`);
        await page.getByRole('button', { name: 'Read the codes' }).click();
        await expect(waitForGradings(page)).resolves.toBe('All 3 gradings done.');
        await expect.poll(() => page.locator('[data-intake-status]').textContent()).toBe('1 hand-in read this time, 1 not read. In all: 3 hand-ins read, 3 not read (the list below says why).');
        await page.locator('[data-refused-summary]').click();
        await expect(page.locator('[data-refused-list] li').allTextContents()).resolves.toEqual([
          'cut.endpoints.json was not read: it is cut off: the file ends in the middle of its content (it may not have finished uploading or downloading).',
          'edited.endpoints.json was not read: it does not match its checksum: it was changed after it was made (edited by hand, or damaged on the way).',
          'pasted code 2 was not read: it is cut off: its end (the checksum after the last dot) is missing — copy the whole code again.',
        ]);
        const opened = expect.stringMatching(/^opened \d+ \w+$/);
        await expect.poll(() => gradebookRows(page)).toEqual([
          ['Ada Lovelace', '5/5', opened, 'passed, 5 of 5 checks ⚑ A', '5 of 5 right', opened, '5 of 5 right'],
          ['Ada Lovelace', '5/5', opened, 'passed, 5 of 5 checks ⚑ A', '5 of 5 right', opened, '5 of 5 right'],
          ['Bob Marley', '2/5', opened, expect.stringMatching(/^[0-4] of 5 checks ⚑$/), 'not answered', opened, 'not answered'],
        ]);
        // When: the learner's page's pass and the last right answer, under the verdicts.
        await expect(page.locator('tbody tr', { hasText: 'Bob Marley' }).locator('.gradebook-when').allTextContents()).resolves.toEqual(['passed on their page 30 Nov']);
        await expect(page.locator('tbody tr', { hasText: 'Ada Lovelace' }).first().locator('.gradebook-when').allTextContents()).resolves.toEqual([
          expect.stringMatching(/^passed on their page \d+ \w+$/),
          expect.stringMatching(/^all right \d+ \w+$/),
          expect.stringMatching(/^all right \d+ \w+$/),
        ]);
        await expect(page.locator('[data-similar-list] li').first().textContent()).resolves.toBe('Group A — An echo server on port 7: 2 hand-ins with the same code: Ada Lovelace, Ada Lovelace.');
        await expectAccessible(page, `the gradebook`);

        // Sorted by what is done (most first, then back), filtered by a re-run that failed and by name.
        await page.getByRole('button', { name: /^Done/ }).click();
        await expect.poll(async () => (await gradebookRows(page)).map((row) => row[0])).toEqual(['Ada Lovelace', 'Ada Lovelace', 'Bob Marley']);
        await page.getByRole('button', { name: /^Done/ }).click();
        await expect.poll(async () => (await gradebookRows(page)).map((row) => row[0])).toEqual(['Bob Marley', 'Ada Lovelace', 'Ada Lovelace']);
        await expect(page.locator('th[aria-sort="ascending"]').textContent()).resolves.toMatch(/^Done/);
        await page.getByLabel('Show').selectOption('failed');
        await expect.poll(async () => (await gradebookRows(page)).map((row) => row[0])).toEqual(['Bob Marley']);
        await expect(page.locator('[data-gradebook-count]').textContent()).resolves.toBe('1 of 3 hand-ins shown.');
        await page.getByLabel('Show').selectOption('all');
        await page.getByLabel('Find a learner').fill('ada');
        await expect.poll(() => page.locator('[data-gradebook-count]').textContent()).toBe('2 of 3 hand-ins shown.');
        await page.getByLabel('Find a learner').fill('');

        // Keyboard only: Bob's exercise, its flag, its code and its re-run with the network; then back.
        const bobCell = page.locator('tbody tr', { hasText: 'Bob Marley' }).locator('.gradebook-cell-button').first();
        const bobId = await bobCell.getAttribute('id');
        await bobCell.focus();
        await page.keyboard.press('Enter');
        await expect(page.locator('[data-detail-title]').textContent()).resolves.toBe('Bob Marley — An echo server on port 7');
        await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-detail-title'))).resolves.toBe(true);
        await expect(page.locator('.detail-flags li').first().textContent()).resolves.toMatch(/^⚑ The learner's page saw this exercise pass on 30 Nov, but the code handed in fails the re-run \(run 1 of 3, seed 7\)/);
        await expect(page.locator('.detail-code code').textContent()).resolves.toContain('net.createServer(() => {})');
        await expect.poll(() => page.locator('.detail-results [data-status]').textContent(), { timeout: 30_000 }).toMatch(/^[0-4] of 5 checks passed\.$/);
        await page.locator('[data-detail-network] [role="tab"]').filter({ hasText: 'Packets' }).click();
        await expect.poll(() => page.locator('[data-detail-network] [data-np="packet-rows"] [role="row"]').count(), { timeout: 10_000 }).toBeGreaterThan(3);
        await expectAccessible(page, `a learner's details`);
        await shoot(page, 'classroom-detail');
        await page.getByRole('button', { name: 'Back to the gradebook' }).focus();
        await page.keyboard.press('Enter');
        await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(bobId);

        // A quiz, graded again here.
        await page.locator('tbody tr', { hasText: 'Ada Lovelace' }).first().locator('.gradebook-cell-button').nth(1).click();
        await expect(page.locator('[data-detail-title]').textContent()).resolves.toBe('Ada Lovelace — Quiz: Ports: the door to one application');
        await expect(page.locator('.detail-quiz li p.is-done').allTextContents()).resolves.toHaveLength(5);
        await expect(page.locator('.detail-quiz li p.is-done').first().textContent()).resolves.toBe(
          "Answer: web answers with a reset: nobody listens on TCP port 53 — right (graded here); right on the learner's page.",
        );
        await page.getByRole('button', { name: 'Back to the gradebook' }).click();
        await shoot(page, 'classroom-gradebook');

        const downloading = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Download as CSV' }).click();
        const csv = await readFile((await (await downloading).path())!, 'utf8');
        const lines = csv.split('\r\n');
        expect(lines[0]).toBe(
          "\ufeffLearner,Hand-in,Made at,Items done,Items,lesson:ports/echo-server opened at,exercise:echo-server re-run,exercise:echo-server checks passed,exercise:echo-server checks,exercise:echo-server passed at (learner's page),quiz:ports-echo-server right,quiz:ports-echo-server questions,quiz:ports-echo-server answered right at,lesson:ports/web opened at,quiz:ports-web right,quiz:ports-web questions,quiz:ports-web answered right at,Flags",
        );
        expect(lines[1]).toMatch(/^Ada Lovelace,ada\.endpoints\.json,[^,]+,5,5,[^,]+,passed,5,5,[^,]+,5,5,[^,]+,[^,]+,5,5,[^,]+,Another hand-in has the same name\. \| exercise:echo-server: Group A: the same code as 1 other hand-in\.$/);
        expect(lines[2]).toMatch(/^Bob Marley,bob\.endpoints\.json,2026-12-01T09:00:00\.000Z,2,5,2026-11-30T10:00:00\.000Z,failed,[0-4],5,2026-11-30T10:05:00\.000Z,0,5,,2026-11-30T10:00:00\.000Z,0,5,,"?exercise:echo-server: The learner's page saw this exercise pass/);
        expect(problems.pageErrors).toEqual([]);
        expect(problems.consoleErrors).toEqual([]);
      },
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
      // On disk, as a teacher's download folder would be (the browser is handed paths, not 50 MB through the driver).
      const folder = await mkdtemp(join(tmpdir(), 'endpoints-class-'));
      const files = await Promise.all(
        Array.from({ length: 1000 }, async (_, i) => {
          const path = join(folder, `learner-${String(i).padStart(4, '0')}.endpoints.json`);
          await writeFile(path, handInFileText(makeHandIn(assignment, `Learner ${i}`, progress(i), course, new Date('2026-12-01T09:00:00Z'))));
          return path;
        }),
      );
      const huge = join(folder, 'lecture-recording.endpoints.json');
      await writeFile(huge, Buffer.alloc(50 * 1024 * 1024, 0x20));
      onTestFinished(() => rm(folder, { recursive: true, force: true }));
      await page.locator('[data-files-input]').setInputFiles([...files, huge]);
      // While 1,000 files are read and their code starts running, the page answers.
      expect(await clickAnswerMs(page, page.getByLabel('Or paste hand-in codes (as many as you like, in any layout)'), 'classroom: reading 1,000 hand-ins')).toBeLessThan(1000);
      await expect.poll(() => page.locator('[data-intake-status]').textContent(), { timeout: 120_000 }).toBe('1,000 hand-ins read, 1 not read (the list below says why).');
      await expect(page.locator('[data-refused-list] li').allTextContents()).resolves.toEqual([
        'lecture-recording.endpoints.json was not read: it is 52.4 MB; a hand-in file is at most 5 MB (a real one is a few kilobytes).',
      ]);
      await expect.poll(() => page.locator('[data-gradebook-count]').textContent(), { timeout: 30_000 }).toBe('1,000 hand-ins.');
      // Drawn 100 rows at a time, saying so.
      await expect(page.locator('[data-gradebook-table] tbody tr').count()).resolves.toBe(100);
      await expect(page.locator('[data-gradebook-more]').textContent()).resolves.toBe(
        'The first 100 of these 1,000 rows are shown, in this order. Find a learner, choose what to show or sort to see others, or Show 100 more.',
      );
      await expect.poll(() => page.locator('[data-regrade-progress]').evaluate((bar) => (bar as HTMLProgressElement).value), { timeout: 60_000 }).toBeGreaterThan(2);
      expect(await clickAnswerMs(page, page.getByLabel('Show'), 'classroom: gradebook of 1,000 while re-running')).toBeLessThan(1000);
      await page.getByRole('button', { name: 'Show 100 more' }).click();
      await expect.poll(() => page.locator('[data-gradebook-table] tbody tr').count()).toBe(200);
      // The focus lands on the first row just shown.
      await expect(page.evaluate(() => document.activeElement?.closest('tr')?.rowIndex)).resolves.toBe(101);
      await page.getByLabel('Find a learner').fill('Learner 99');
      await expect.poll(() => page.locator('[data-gradebook-count]').textContent()).toBe('11 of 1,000 hand-ins shown.');
      await page.getByRole('button', { name: 'Stop' }).click();
      await expect.poll(() => page.locator('[data-regrade-text]').textContent()).toMatch(/stopped: the others wait until you press Go on\.$/);
      expect(problems.pageErrors).toEqual([]);
    });
  });
});

/**
 * Chapter 3's lessons and quizzes and its first exercise, picked one by one: the learner's part of the test
 * completes exactly these, however many exercises the chapter grows.
 */
const CHAPTER_3_PICK = ['lesson:ports/echo-server', 'lesson:ports/web', 'exercise:echo-server', 'quiz:ports-echo-server', 'quiz:ports-web'];

/** The exercises whose lesson is in `chapter`, as their exercise.json files say. */
function exercisesOfChapter(chapter: string): { title: string; lesson: string }[] {
  const folder = new URL('../../src/content/exercises/', import.meta.url);
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => JSON.parse(readFileSync(new URL(`${entry.name}/exercise.json`, folder), 'utf8')) as { title: string; lesson: string })
    .filter((exercise) => exercise.lesson.startsWith(`${chapter}/`));
}

describe('a teacher guide', () => {
  it('shows the chapter from the course (lessons, checks, mix-ups, quiz answers) and prints without the site around it', { timeout: 120_000 }, async () => {
    await withFreshPage(
      browser,
      async ({ page }) => {
        const problems = watchProblems(page);
        await visit(page, siteUrl, 'teachers/guide/ports/');
        // The chapter's lessons, then every exercise of the chapter (read from the exercises' folders, so a new
        // one must show here too), then the quizzes.
        const lessonTitles: Record<string, string> = { 'ports/echo-server': 'Ports: the door to one application', 'ports/web': 'The web on port 80' };
        const headings = await page.locator('.teacher-guide-section h3').allTextContents();
        const minutes = (lesson: string) => /^minutes:\s*(\d+)/m.exec(readFileSync(new URL(`../../src/content/docs/${lesson}.mdx`, import.meta.url), 'utf8'))?.[1];
        expect(headings.slice(0, 2), headings.join(' | ')).toEqual([
          `Ports: the door to one application · about ${minutes('ports/echo-server')} minutes`,
          `The web on port 80 · about ${minutes('ports/web')} minutes`,
        ]);
        expect(new Set(headings.slice(2, -2))).toEqual(
          new Set(exercisesOfChapter('ports').map((exercise) => `${exercise.title} · in “${lessonTitles[exercise.lesson]}”`)),
        );
        expect(headings.slice(-2)).toEqual(['Quiz: Ports: the door to one application', 'Quiz: The web on port 80']);
        await expect(page.locator('.guide-answer').count()).resolves.toBe(10);
        await expectAccessible(page, 'the ports guide');
        await shoot(page, 'classroom-guide');
        await page.emulateMedia({ media: 'print' });
        await expect(page.locator('nav.sidebar').isVisible()).resolves.toBe(false);
        await expect(page.locator('site-search').isVisible()).resolves.toBe(false);
        await expect(page.locator('.teacher-guide-section').first().isVisible()).resolves.toBe(true);
        if (fullPageScreenshots) {
          for (const theme of THEMES) {
            await switchTheme(page, theme);
            await saveScreenshot(page, `classroom-guide-print-${theme}`);
          }
        }
        expect(problems.pageErrors).toEqual([]);
      },
    );
  });
});
