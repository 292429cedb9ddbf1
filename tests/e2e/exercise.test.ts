/**
 * The exercise island in a real lesson (ports/echo-server), in Chromium against the built site: a learner
 * opens the editor, types with the keyboard, runs, reads the checks; an endless loop is stopped; progress
 * survives a reload; the activated page passes axe. Nothing here is timed: waits are for states.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { artifactsDir, axeFindings, describeFindings, launchChromium, saveScreenshot, switchTheme, visit } from './browser';
import { ECHO_SERVER, ECHO_SERVER_SOLUTION, editorText, expectAllPassed, focusEditor, openEditor, passWithSolution, pasteProgram, runAndWait, startRun, typeProgram, withFreshPage, withLesson } from './exercise-page';
import { answerQuizRight } from './quiz-page';

const siteUrl = inject('siteUrl');
const LESSON = ECHO_SERVER.lesson;
const exercise = ECHO_SERVER.root;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** What the results region held at the end of a task that changed it, and in which frame. */
interface ResultsState {
  frame: number;
  checks: number;
  console: boolean;
  next: boolean;
  busy: string | null;
}

/** Runs with Ctrl+Enter from the editor and waits until the results say how it went. */
const runFromEditor = (page: Page) => runAndWait(page, exercise, 'shortcut');

describe('the echo-server exercise', () => {
  it('shows the task and the starter code, readable before any script loads the editor', async () => {
    await withFreshPage(browser, async ({ page }) => {
      // Up to the load event: once the page is idle it may fetch the editor ahead (src/components/site/editor-fetch-ahead.ts).
      const requests: string[] = [];
      const record = (request: { url(): string }) => requests.push(request.url());
      page.on('request', record);
      page.once('load', () => page.off('request', record));
      await visit(page, siteUrl, LESSON);
      await expect(page.locator(`${exercise} .exercise-tab`).first().textContent()).resolves.toMatch(/server\.ts\s+— on web 10\.0\.0\.2/);
      await expect(page.locator(`${exercise} pre.exercise-starter`).first().textContent()).resolves.toContain("import net from 'node:net'");
      expect(requests.filter((url) => /monaco|editor\.api|ts\.worker|codicon/i.test(url)), 'no editor code before activation').toEqual([]);
      expect(await page.locator(`${exercise}`).evaluate((root) => root.classList.contains('not-content'))).toBe(true);
    });
  });

  it('passes every check when the learner types the solution with the keyboard and runs it', async () => {
    await withLesson(browser, { siteUrl, lesson: LESSON }, async ({ page, problems }) => {
      await openEditor(page, exercise);
      const starterStatus = await runFromEditor(page);
      expect(starterStatus, 'the starter fails at least one check').not.toMatch(/^All \d+ checks passed/);

      await typeProgram(page, exercise, ECHO_SERVER_SOLUTION);
      const status = await runFromEditor(page);
      const checks = await page.locator(`${exercise} .exercise-check`).evaluateAll((items) =>
        items.map((item) => ({ passed: item.classList.contains('is-passed'), text: item.textContent?.trim() })),
      );
      expect(checks.length).toBeGreaterThan(0);
      expect(checks.filter((check) => !check.passed), status).toEqual([]);
      expect(status).toMatch(/^All \d+ checks passed/);
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(true);
      await saveScreenshot(page, 'exercise-passed-light');
      expect(problems.pageErrors).toEqual([]);

      // The editor open and the results shown: a page of about 4,000 elements, which axe reads in both themes
      // (the system's scheme switched under it), each scan over half a minute on a loaded machine.
      for (const theme of ['light', 'dark'] as const) {
        await switchTheme(page, theme);
        const findings = await axeFindings(page, 'serious');
        expect(findings, `${theme}:\n${describeFindings(findings)}`).toEqual([]);
        await saveScreenshot(page, `exercise-activated-${theme}`);
      }
    });
  }, 150_000);

  it('warns of a type error without blocking the run, and shows none for the reference solution', async () => {
    await withLesson(browser, { siteUrl, lesson: LESSON }, async ({ page }) => {
      await openEditor(page, exercise);
      const squiggles = page.locator(`${exercise} .monaco-editor .squiggly-error`);
      const results = page.locator(`${exercise} [data-results]`);

      // Once the language service has booted, a wrong type is underlined; the run still goes ahead.
      await typeProgram(page, exercise, [...ECHO_SERVER_SOLUTION, "const port: number = 'seven';"]);
      await expect.poll(() => squiggles.count(), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(await runFromEditor(page)).toMatch(/^All \d+ checks passed/);
      // Type problems join the results when TypeScript answers, once the results are drawn.
      await expect.poll(() => results.innerText(), { timeout: 10_000 }).toContain("line 4: Type 'string' is not assignable to type 'number'.");

      // The reference solution, as the learner types it, has nothing to underline: the learner types
      // describe node:net as Node does, with the ES2022 library and no DOM.
      await typeProgram(page, exercise, ECHO_SERVER_SOLUTION);
      await expect.poll(() => squiggles.count(), { timeout: 30_000 }).toBe(0);
      expect(await runFromEditor(page)).toMatch(/^All \d+ checks passed/);
      expect(await results.innerText()).not.toContain('TypeScript found');
    });
  });

  it('draws (and announces) the verdict first and the console output in a later frame; Run is enabled again once the run is counted', async () => {
    await withLesson(browser, { siteUrl, lesson: LESSON }, async ({ page }) => {
      await openEditor(page, exercise);
      await pasteProgram(page, exercise, ECHO_SERVER_SOLUTION.join('\n'));
      // What the results region held at the end of each task that changed it, and in which frame.
      await page.locator(`${exercise} [data-results]`).evaluate((region) => {
        const seen: ResultsState[] = [];
        let frame = 0;
        const count = () => {
          frame++;
          requestAnimationFrame(count);
        };
        requestAnimationFrame(count);
        new MutationObserver(() =>
          seen.push({
            frame,
            checks: region.querySelectorAll('.exercise-check').length,
            console: !!region.querySelector('.exercise-console'),
            next: !!region.querySelector('.exercise-next'),
            busy: region.getAttribute('aria-busy'),
          }),
        ).observe(region, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
        (window as unknown as { seenResults: typeof seen }).seenResults = seen;
      });
      await startRun(page, exercise, 'button');
      await expectAllPassed(page, exercise);
      const seen = await page.evaluate(() => (window as unknown as { seenResults: ResultsState[] }).seenResults);
      const verdict = seen.find((state) => state.checks > 0);
      const whole = seen.find((state) => state.console);
      // Busy while the run goes; the verdict is announced as soon as it is drawn, the rest follows.
      expect(seen[0], JSON.stringify(seen)).toMatchObject({ checks: 0, busy: 'true' });
      expect(verdict, JSON.stringify(seen)).toMatchObject({ console: false, next: false, busy: null });
      expect(whole, JSON.stringify(seen)).toMatchObject({ checks: verdict!.checks, next: true, busy: null });
      expect(whole!.frame, JSON.stringify(seen)).toBeGreaterThan(verdict!.frame);
      // Run is enabled again once the run is counted: the badge is up by then.
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(true);
    });
  });

  it("knows Node's other modules: a stream and readline program has nothing underlined, and hovering shows the docs", async () => {
    await withLesson(browser, { siteUrl, lesson: LESSON }, async ({ page }) => {
      await openEditor(page, exercise);
      await pasteProgram(page, exercise, [
        "import net from 'node:net';",
        "import readline from 'node:readline';",
        "import { pipeline } from 'node:stream';",
        'const server = net.createServer(async (socket) => {',
        "  socket.on('error', (err) => console.error(err.code));",
        '  for await (const line of readline.createInterface({ input: socket })) socket.write(`${line.length}\\n`);',
        '});',
        'server.listen(7);',
        "net.createServer((socket) => pipeline(socket, socket, (err) => err && process.stdout.write(err.message))).listen(8);",
      ].join('\n'));
      const squiggles = page.locator(`${exercise} .monaco-editor .squiggly-error`);
      // Wait until the language service has looked at the program (a deliberate error is underlined), then remove it.
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.insertText('\nconst wrong: number = "x";');
      await expect.poll(() => squiggles.count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Backspace');
      await expect.poll(() => squiggles.count(), { timeout: 30_000 }).toBe(0);

      // The hover on `on` of socket.on('error', …) (keyboard: Ctrl+K Ctrl+I) shows the 'error' overload and what its codes mean.
      await page.keyboard.press('ControlOrMeta+Home');
      for (let line = 1; line < 5; line++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Home');
      for (let column = 0; column < 'socket.o'.length; column++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ControlOrMeta+K');
      await page.keyboard.press('ControlOrMeta+I');
      const hover = page.locator('.monaco-hover-content').first();
      await expect.poll(async () => (await hover.isVisible()) && (await hover.innerText()), { timeout: 30_000 }).toContain('ECONNREFUSED');
      // The viewport as it is (scrolling would close the hover).
      await page.screenshot({ path: join(artifactsDir, 'exercise-hover-socket-error-light.png') });
    });
  });

  it('stops an endless loop, reports it, and the page still answers', async () => {
    await withLesson(browser, { siteUrl, lesson: LESSON, theme: 'dark' }, async ({ page }) => {
      await openEditor(page, exercise);
      await typeProgram(page, exercise, ['while (true) {}']);
      const status = await runFromEditor(page);
      expect(status).toContain('Your program stopped answering for the whole time budget');
      await saveScreenshot(page, 'exercise-endless-loop-dark');

      // The page responds: a hint opens, and a fresh sandbox runs the next program.
      await page.locator(`${exercise} [data-action="hint"]`).click();
      await expect(page.locator(`${exercise} .exercise-hint-list li`).count()).resolves.toBe(1);
      await typeProgram(page, exercise, ECHO_SERVER_SOLUTION);
      expect(await runFromEditor(page)).toMatch(/^All \d+ checks passed/);
    });
  });

  it('runs in a sandbox without warm-up when the warm-up could not finish in time (here: a budget of 1 ms)', async () => {
    await withFreshPage(browser, async ({ page }) => {
      await visit(page, siteUrl, LESSON);
      // Every run's budget, the reference solution's warm-up run included, made too short for anything.
      await page.evaluate((selector) => {
        const script = document.querySelector(`${selector} script[data-exercise-data]`)!;
        script.textContent = JSON.stringify({ ...JSON.parse(script.textContent!), timeBudgetMs: 1 });
      }, exercise);
      await openEditor(page, exercise);
      const status = await runFromEditor(page);
      // The learner's run went ahead in a cold sandbox and met the same budget: timed out, said so.
      expect(status).not.toMatch(/could not start/i);
      expect(status).toMatch(/stopped answering for the whole time budget/i);
    });
  });

  it('marks a syntax error on its line and does not grade the run', async () => {
    await withLesson(browser, { siteUrl, lesson: LESSON }, async ({ page }) => {
      await openEditor(page, exercise);
      await typeProgram(page, exercise, ["import net from 'node:net';", 'const = 5;']);
      const status = await runFromEditor(page);
      expect(status).toMatch(/did not compile \(server\.ts, line 2\)/);
      await expect(page.locator(`${exercise} .exercise-check`).count()).resolves.toBe(0);
      await page.locator(`${exercise} .monaco-editor .squiggly-error`).first().waitFor();
    });
  });

  it('keeps the draft, the pass and the hints across a reload', async () => {
    await withLesson(browser, { siteUrl, lesson: LESSON }, async ({ page }) => {
      await openEditor(page, exercise);
      await typeProgram(page, exercise, ECHO_SERVER_SOLUTION);
      expect(await runFromEditor(page)).toMatch(/^All \d+ checks passed/);
      await page.locator(`${exercise} [data-action="hint"]`).click();
      await passWithSolution(page, 'port-taken'); // the lesson's other exercise
      await answerQuizRight(page, LESSON); // a lesson is done when its exercises pass and its quiz is answered
      // The draft is saved shortly after the last keystroke.
      await page.waitForFunction(() => localStorage.getItem('endpoints:progress')?.includes('socket.write(chunk)'));

      await page.reload({ waitUntil: 'networkidle' });
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(true);
      await expect(page.locator(`${exercise} .exercise-hint-list li`).count()).resolves.toBe(1);
      const sidebarMark = page.locator(`#starlight__sidebar a[href$="/${LESSON}"] .lesson-done-mark`);
      await expect(sidebarMark.textContent()).resolves.toContain('(done)');
      await openEditor(page, exercise);
      expect(await editorText(page, exercise)).toContain("socket.on('data', (chunk) => socket.write(chunk))");
    });
  });

  it('undoes a reset to the starter, and shows the solution without touching the learner code', async () => {
    await withLesson(browser, { siteUrl, lesson: LESSON }, async ({ page }) => {
      await openEditor(page, exercise);
      await typeProgram(page, exercise, ['// my own attempt']);
      const shownCode = () => editorText(page, exercise);
      await page.locator(`${exercise} [data-action="reset"]`).click();
      // Monaco paints on the next animation frame: poll the rendered text.
      await expect.poll(shownCode).not.toContain('my own attempt');
      await page.keyboard.press('ControlOrMeta+Z');
      await expect.poll(shownCode).toContain('my own attempt');

      for (let run = 0; run < 3; run++) {
        await focusEditor(page, exercise);
        await runFromEditor(page);
      }
      const showSolution = page.locator(`${exercise} [data-action="solution"]`);
      await showSolution.waitFor({ state: 'visible' });
      await showSolution.click();
      await page.locator(`${exercise} dialog button[value="show"]`).click();
      await expect.poll(shownCode).toContain('server.listen(7');
      await page.locator(`${exercise} [data-action="back-to-mine"]`).click();
      await expect.poll(shownCode).toContain('my own attempt');
    });
  });

  it('lets a keyboard user leave the editor with Escape and reach Run, then the results', async () => {
    await withLesson(browser, { siteUrl, lesson: LESSON }, async ({ page }) => {
      await openEditor(page, exercise);
      await focusEditor(page, exercise);
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('run');
      await page.keyboard.press('Enter');
      await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('aria-busy') !== 'true', `${exercise} [data-results]`);
      expect(await page.locator(`${exercise} [data-results]`).getAttribute('aria-live')).toBe('polite');
    });
  });
});
