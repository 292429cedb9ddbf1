/**
 * The light editor on a slow network, in Chromium against the built site: Monaco's main file is held back (as
 * Fast 3G holds it for seconds), so "Open the editor" gives the light editor — the learner types, runs and
 * keeps a draft in it — and once Monaco arrives it takes over with the text, the caret and the focus, and its
 * undo takes back what was typed before. No keystroke is lost on the way. Monaco's files are downloaded while
 * the learner types, its code compiled and run only in a pause.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeFindings, describeFindings, launchChromium, newSiteContext, saveScreenshot, visit, watchProblems } from './browser';
import { ECHO_SERVER, ECHO_SERVER_SOLUTION, expectAllPassed, pasteProgram, waitForResults } from './exercise-page';

const siteUrl = inject('siteUrl');
const exercise = ECHO_SERVER.root;
const lightInput = `${exercise} [data-light-editor] textarea`;
const monacoLines = `${exercise} .monaco-editor .view-lines`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A context whose requests for Monaco's main file wait until `release()` (no service worker: nothing cached). */
async function withMonacoHeld(
  use: (page: Page, release: () => void, context: BrowserContext) => Promise<void>,
  theme: 'light' | 'dark' = 'light',
): Promise<void> {
  const context = await newSiteContext(browser, theme, { serviceWorkers: 'block' });
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route(/\/_astro\/editor\.api[^/]*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  try {
    await use(await context.newPage(), release, context);
  } finally {
    release();
    await context.close();
  }
}

/** Monaco's text without the spaces and line breaks its rendering changes (wrapping, non-breaking spaces). */
const squeezed = (text: string) => text.replace(/\s+/g, '');

/** The text Monaco shows, its rendered lines in the order they stand on screen (not their order in the DOM). */
function monacoText(page: Page): Promise<string> {
  return page
    .locator(`${monacoLines} .view-line`)
    .evaluateAll((lines) =>
      (lines as HTMLElement[])
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((line) => line.textContent ?? '')
        .join('\n'),
    );
}

describe('the light editor, while Monaco loads', () => {
  it('takes typing and a passing run; Monaco then takes over with the text (drawn and coloured at once), caret and focus, and Ctrl+Z takes the typing back', { timeout: 120_000 }, async () => {
    await withMonacoHeld(async (page, release) => {
      await visit(page, siteUrl, ECHO_SERVER.lesson);
      await page.locator(`${exercise} [data-action="activate"]`).click();
      const input = page.locator(lightInput);
      await expect.poll(() => input.evaluate((element) => element === document.activeElement), { timeout: 15_000 }).toBe(true);
      expect(await page.locator(`${exercise} .monaco-editor`).count()).toBe(0);
      const starter = await input.inputValue();
      expect(starter).toContain('TODO');

      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText(ECHO_SERVER_SOLUTION.join('\n'));
      // The light editor's keys: Tab indents the selected lines, Shift+Tab takes them back; Ctrl+Enter runs.
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Tab');
      expect((await input.inputValue()).split('\n')).toEqual(ECHO_SERVER_SOLUTION.map((line) => `  ${line}`));
      await page.keyboard.press('Shift+Tab');
      expect(await input.inputValue()).toBe(ECHO_SERVER_SOLUTION.join('\n'));
      await page.keyboard.press('ControlOrMeta+Enter');
      expect(await waitForResults(page, exercise)).toMatch(/^All \d+ checks passed/);

      const findings = await axeFindings(page);
      expect(findings, describeFindings(findings)).toEqual([]);
      await saveScreenshot(page, 'light-editor-before-monaco');

      // The caret on line 2, after "const ", when Monaco arrives.
      await input.focus();
      await input.evaluate((element: HTMLTextAreaElement) => {
        const at = element.value.indexOf('const ') + 'const '.length;
        element.setSelectionRange(at, at);
      });
      const typed = await input.inputValue();
      // Monaco's text when it takes over, seen in the task that swaps the editors (a mutation observer's callback
      // runs in it): drawn and coloured already, not left for its next frames, which may be the learner's next run.
      await page.evaluate((root) => {
        const holder = document.querySelector(`${root} [data-editor-kind]`)!;
        const seen = new MutationObserver(() => {
          if (holder.getAttribute('data-editor-kind') !== 'monaco') return;
          seen.disconnect();
          const spans = [...holder.querySelectorAll('.view-lines .view-line span[class^="mtk"]')];
          (window as unknown as { atSwap: unknown }).atSwap = {
            linesDrawn: holder.querySelectorAll('.view-lines .view-line').length,
            coloured: spans.some((span) => span.className.split(' ')[0] !== 'mtk1'),
          };
        });
        seen.observe(holder, { attributes: true, attributeFilter: ['data-editor-kind'] });
      }, exercise);
      release();
      await page.locator(monacoLines).waitFor();
      await expect.poll(() => page.locator(lightInput).count(), { timeout: 15_000 }).toBe(0);
      const atSwap = await page.evaluate(() => (window as unknown as { atSwap: { linesDrawn: number } }).atSwap);
      expect(atSwap).toEqual({ linesDrawn: expect.any(Number), coloured: true });
      expect(atSwap.linesDrawn).toBeGreaterThanOrEqual(ECHO_SERVER_SOLUTION.length);
      expect(squeezed(await monacoText(page))).toBe(squeezed(typed));
      // The focus and the caret came along: a letter typed now lands where the caret was.
      await page.keyboard.insertText('my');
      // (Monaco draws it at its next frame.)
      await expect.poll(async () => squeezed(await monacoText(page))).toContain(squeezed('const myserver = net.createServer'));
      // Monaco's undo: first the letters, then everything typed in the light editor, back to the starter.
      await page.keyboard.press('ControlOrMeta+Z');
      await expect.poll(async () => squeezed(await monacoText(page))).toBe(squeezed(typed));
      await page.keyboard.press('ControlOrMeta+Z');
      await expect.poll(async () => squeezed(await monacoText(page))).toBe(squeezed(starter));
    });
  });

  it('loses no keystroke typed while Monaco takes over, and keeps the draft across a reload', { timeout: 120_000 }, async () => {
    await withMonacoHeld(async (page, release) => {
      await visit(page, siteUrl, ECHO_SERVER.lesson);
      await page.locator(`${exercise} [data-action="activate"]`).click();
      const input = page.locator(lightInput);
      await expect.poll(() => input.evaluate((element) => element === document.activeElement), { timeout: 15_000 }).toBe(true);
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('// before', { delay: 20 });
      release();
      // Typing on as Monaco arrives, with the pauses a learner makes: it takes over in one of them.
      const words = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
      for (const word of words) {
        await page.keyboard.type(` ${word}`, { delay: 60 });
        await page.waitForTimeout(400);
      }
      await page.locator(monacoLines).waitFor({ timeout: 60_000 });
      await page.keyboard.type(' after', { delay: 20 });
      const expected = `// before ${words.join(' ')} after`;
      await expect.poll(async () => squeezed(await monacoText(page)), { timeout: 15_000 }).toContain(squeezed(expected));

      // Leaving the page saves the last keystrokes; the reloaded page shows them (read-only until opened).
      await page.reload({ waitUntil: 'networkidle' });
      await expect.poll(async () => (await page.locator(`${exercise} pre.exercise-starter`).first().textContent()) ?? '').toContain(expected);
    });
  });

  it('downloads Monaco while the learner types, and compiles and runs its code only in a pause', { timeout: 120_000 }, async () => {
    const context = await newSiteContext(browser, 'light', { serviceWorkers: 'block' });
    // As GitHub Pages serves them: kept for 10 minutes (a server that forbids caching gets nothing fetched ahead).
    await context.route(/\/(_astro\/[^/]+|editor-bundle\.json)$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'cache-control': 'max-age=600' } });
    });
    try {
      const page = await context.newPage();
      await visit(page, siteUrl, ECHO_SERVER.lesson);
      // The page notes each input event, and the first link to Monaco's code (its modules preloaded, or imported
      // through Vite's preload links) with the last input before it.
      await page.evaluate(() => {
        const seen: { inputs: number; lastInput: number; linkAt?: number; inputBeforeLink?: number } = { inputs: 0, lastInput: -Infinity };
        (window as unknown as { __typing: typeof seen }).__typing = seen;
        document.addEventListener('input', () => {
          seen.inputs++;
          seen.lastInput = performance.now();
        }, true);
        new MutationObserver(() => {
          if (seen.linkAt !== undefined || !document.head.querySelector('link[href*="code-editor"]')) return;
          seen.linkAt = performance.now();
          seen.inputBeforeLink = seen.lastInput;
        }).observe(document.head, { childList: true });
      });
      const monacoArrived = page.waitForResponse(/\/_astro\/editor\.api[^/]*\.js$/);
      await page.locator(`${exercise} [data-action="activate"]`).click();
      const input = page.locator(lightInput);
      await expect.poll(() => input.evaluate((element) => element === document.activeElement), { timeout: 15_000 }).toBe(true);
      await page.keyboard.press('ControlOrMeta+End');
      // Typing on, a key every 150 ms, until Monaco's main file is here and a second more.
      let arrived = false;
      void monacoArrived.then((response) => response.finished()).then(() => (arrived = true));
      for (let keys = 0; keys < 60 && !arrived; keys++) await page.keyboard.type('x', { delay: 150 });
      expect(arrived, 'Monaco’s main file arrived while the learner typed').toBe(true);
      for (let keys = 0; keys < 6; keys++) await page.keyboard.type('y', { delay: 150 });
      // The learner pauses: Monaco takes over, with what they typed.
      const typed = await input.inputValue();
      await page.locator(monacoLines).waitFor({ timeout: 30_000 });
      await expect.poll(async () => squeezed(await monacoText(page)), { timeout: 15_000 }).toBe(squeezed(typed));
      const typing = await page.evaluate(() => ({
        ...(window as unknown as { __typing: { inputs: number; linkAt?: number; inputBeforeLink?: number } }).__typing,
        monacoAt: Math.min(...performance.getEntriesByType('resource').filter((entry) => /\/editor\.api[^/]*\.js$/.test(entry.name)).map((entry) => (entry as PerformanceResourceTiming).responseEnd)),
      }));
      expect(typing.inputs).toBeGreaterThan(6);
      // Downloaded first (the import would have asked for it itself), linked after.
      expect(typing.linkAt, 'Monaco’s code linked before its main file had arrived').toBeGreaterThan(typing.monacoAt);
      // Not while the keys came: only once none had come for the light editor's pause (600 ms).
      expect(typing.linkAt! - typing.inputBeforeLink!, `Monaco's code linked ${Math.round(typing.linkAt! - typing.inputBeforeLink!)} ms after a keystroke`).toBeGreaterThanOrEqual(590);
    } finally {
      // TypeScript's worker may still be on its way through the route.
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await context.close();
    }
  });

  it('when Monaco was fetched ahead but is slow to start, a runner up before it takes its warm-up and the first run passes', { timeout: 120_000 }, async () => {
    await withMonacoHeld(async (page, release) => {
      const problems = watchProblems(page);
      await visit(page, siteUrl, ECHO_SERVER.lesson);
      // As after the page fetched the editor ahead: "Open the editor" then waits for Monaco, no light editor.
      await page.evaluate(() => (document.documentElement.dataset.editorAhead = 'done'));
      const runnerLoaded = page.waitForResponse(/\/worker-entry[^/]*\.js$/);
      await page.locator(`${exercise} [data-action="activate"]`).click();
      await runnerLoaded;
      // The runner boots and asks for its warm-up while the page still waits for Monaco.
      await page.waitForTimeout(2000);
      expect(await page.locator(`${exercise} [data-light-editor]`).count(), 'no light editor: Monaco is waited for').toBe(0);
      release();
      await page.locator(monacoLines).waitFor();
      await pasteProgram(page, exercise, ECHO_SERVER_SOLUTION.join('\n'));
      await page.locator(`${exercise} [data-action="run"]`).click();
      await expectAllPassed(page, exercise);
      expect(problems.pageErrors).toEqual([]);
    });
  });

  it('looks like the editor it stands in for, light and dark, at 1280 and 390 px', { timeout: 120_000 }, async () => {
    for (const theme of ['light', 'dark'] as const) {
      await withMonacoHeld(async (page) => {
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 800 });
          await visit(page, siteUrl, ECHO_SERVER.lesson);
          await page.locator(`${exercise} [data-action="activate"]`).click();
          await page.locator(lightInput).waitFor();
          await saveScreenshot(page, `light-editor-${theme}-${width}`);
          const findings = await axeFindings(page);
          expect(findings, `${theme} ${width}px:\n${describeFindings(findings)}`).toEqual([]);
        }
      }, theme);
    }
  });
});
