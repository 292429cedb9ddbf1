/**
 * The exercise page as a learner uses it, in Chromium against the built site: the editor takes every key
 * (`/` included), diagnostics belong to the text that ran and say a syntax error in TypeScript's words, the
 * keyboard instructions match the keys, a skip link reaches the exercise, the diagram draws one accepted
 * socket per connection, the terminal has room (100 columns on a laptop), a phone gets its own layout, and
 * "Next lesson" stops at the last lesson written. Nothing here is timed: every wait is for a state.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeFindings, describeFindings, launchChromium, saveScreenshot, visit } from './browser';
import {
  ECHO_SERVER,
  ECHO_SERVER_SOLUTION,
  editorText,
  exerciseRoot,
  referenceSolution,
  focusEditor,
  openEditor,
  pasteProgram,
  runAndWait,
  typeProgram,
  freshPage,
  withFreshPage,
  withLesson,
  type FreshPage,
} from './exercise-page';

const siteUrl = inject('siteUrl');
const exercise = ECHO_SERVER.root;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const searchOpen = (page: Page) => page.locator('dialog.search-dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open);
const results = (page: Page) => page.locator(`${exercise} [data-results]`);

describe('typing in the editor', () => {
  it('takes "/" as text: a // comment and a division are typed, and search stays closed', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO_SERVER.lesson }, async ({ page }) => {
      await openEditor(page, exercise);
      await focusEditor(page, exercise);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      // Real key presses, one by one: the site's "/" shortcut sees each of them.
      await page.keyboard.type('// a comment');
      await page.keyboard.press('Enter');
      await page.keyboard.type('const half = a / b;');
      // Monaco draws what was typed at its next frame: wait for the last key's text.
      await expect.poll(() => editorText(page, exercise)).toContain('const half = a / b;');
      expect(await editorText(page, exercise)).toContain('// a comment');
      expect(await searchOpen(page)).toBe(false);

      // Outside the editor the shortcut still opens search. (A first Escape may only close a suggestion list.)
      const onRun = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action === 'run');
      for (let presses = 0; presses < 2 && !(await onRun()); presses++) await page.keyboard.press('Escape');
      expect(await onRun()).toBe(true);
      await page.keyboard.press('/');
      await expect.poll(() => searchOpen(page), { timeout: 10_000 }).toBe(true);
    });
  });
});

describe('diagnostics of the text that ran', () => {
  it('says a syntax error as TypeScript does, with its line and what was expected, and grades nothing', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO_SERVER.lesson }, async ({ page }) => {
      await openEditor(page, exercise);
      await pasteProgram(page, exercise, "import net from 'node:net';\nconst = 5;\n");
      // As a learner would, once the editor has underlined it (TypeScript is up: a loaded machine takes a while).
      await page.locator(`${exercise} .monaco-editor .squiggly-error`).first().waitFor({ timeout: 30_000 });
      const status = await runAndWait(page, exercise, 'shortcut');
      expect(status).toBe('Your program did not compile (server.ts, line 2): Variable declaration expected. Fix that line and run again.');
      expect(status).not.toMatch(/\.\./);
      expect(await results(page).innerText()).not.toContain('ran anyway');
      await expect(page.locator(`${exercise} .exercise-check`).count()).resolves.toBe(0);
    });
  });

  it('shows, for a program run at once after a fix, the type problems of that program and no other', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO_SERVER.lesson }, async ({ page }) => {
      await openEditor(page, exercise);
      // A broken version first, with its problems underlined, then the fix run straight away.
      await pasteProgram(page, exercise, ["import net from 'node:net';", 'const = 5;', "const a: number = 'one';", "const b: number = 'two';", "const c: number = 'three';", 'net.createServer((socket) => {'].join('\n'));
      await expect.poll(() => page.locator(`${exercise} .monaco-editor .squiggly-error`).count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await pasteProgram(page, exercise, [...ECHO_SERVER_SOLUTION, "const port: number = 'seven';"].join('\n'));
      const status = await runAndWait(page, exercise, 'shortcut');
      expect(status).toMatch(/^All \d+ checks passed/);
      // The note arrives when TypeScript has checked exactly that text: one problem, on its line 4.
      const notes = page.locator(`${exercise} [data-type-notes]`);
      await notes.waitFor({ timeout: 30_000 });
      expect(await notes.innerText()).toMatch(/^TypeScript found a type problem in the code that ran \(the program ran anyway\):\s+server\.ts, line 4: Type 'string' is not assignable to type 'number'\.$/);

      // Fixed and run at once: no note at all, though the editor may still underline the old text.
      await pasteProgram(page, exercise, ECHO_SERVER_SOLUTION.join('\n'));
      expect(await runAndWait(page, exercise, 'shortcut')).toMatch(/^All \d+ checks passed/);
      await page.waitForFunction(
        (selector) => !document.querySelector(selector)?.textContent?.includes('Running'),
        `${exercise} [data-results]`,
      );
      // Give TypeScript its answer for this run: wait until the worker has checked the current text.
      await expect.poll(() => page.locator(`${exercise} .monaco-editor .squiggly-error`).count(), { timeout: 30_000 }).toBe(0);
      expect(await results(page).innerText()).not.toContain('TypeScript found');
    });
  });
});

describe('the keyboard', () => {
  it('matches the instructions: Esc in the editor goes to Run, and Ctrl+Enter runs', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO_SERVER.lesson }, async ({ page }) => {
      await openEditor(page, exercise);
      const keys = (await page.locator(`${exercise} .exercise-keys`).innerText()).replace(/\s+/g, ' ');
      expect(keys).toBe('In the editor, Ctrl+Enter runs and Esc takes you to Run. Ctrl+M makes Tab move the focus instead of indenting.');
      await focusEditor(page, exercise);
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('run');
    });
  });

  it('offers "Skip to the exercise" right after "Skip to content"; from there "Open the editor" is three Tabs away', async () => {
    await withFreshPage(browser, async ({ page }) => {
      await visit(page, siteUrl, ECHO_SERVER.lesson);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to content');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to the exercise');
      await saveScreenshot(page, 'exercise-skip-link');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('exercise-echo-server');
      let tabs = 0;
      while (tabs < 10 && (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)) !== 'activate') {
        await page.keyboard.press('Tab');
        tabs += 1;
      }
      expect(tabs).toBeLessThanOrEqual(3);
      await page.keyboard.press('Enter');
      await page.locator(`${exercise} .monaco-editor .view-lines`).waitFor();
    });
  });
});

describe('after a passing run', () => {
  // One lesson and one passing run, typed as a learner types; the tests read it, and the last opens a tab.
  let fresh: FreshPage;
  let page: Page;
  beforeAll(async () => {
    fresh = await freshPage(browser);
    page = fresh.page;
    await visit(page, siteUrl, ECHO_SERVER.lesson);
    await openEditor(page, exercise);
    await typeProgram(page, exercise, ECHO_SERVER_SOLUTION);
    expect(await runAndWait(page, exercise, 'button')).toMatch(/^All \d+ checks passed/);
  });
  afterAll(async () => {
    await fresh?.context.close();
  });

  it('draws the listening socket and one accepted socket per client on port 7, closed, each wired to its client', async () => {
    const diagram = `${exercise} svg[data-np="live-diagram"]`;
    await page.locator(`${diagram} .np-accepted`).first().waitFor();
    const slots = await page.locator(`${diagram} .np-slot`).evaluateAll((groups) =>
      groups.map((group) => ({
        id: group.getAttribute('data-socket'),
        kind: group.getAttribute('data-kind'),
        door: group.getAttribute('data-door'),
        endpoint: group.getAttribute('data-endpoint'),
        gone: group.classList.contains('is-gone'),
        text: group.querySelector('text:last-of-type')?.textContent,
      })),
    );
    const doors = slots.filter((slot) => slot.kind === 'door');
    const accepted = slots.filter((slot) => slot.kind === 'accepted');
    const clients = slots.filter((slot) => slot.kind === 'endpoint');
    expect(doors).toMatchObject([{ endpoint: '0.0.0.0:7', gone: false, text: 'LISTEN' }]);
    // The echo driver has four clients: one accepted socket each.
    expect(accepted).toHaveLength(4);
    for (const socket of accepted) expect(socket).toMatchObject({ door: doors[0]!.id, endpoint: '10.0.0.2:7', gone: true, text: 'closed' });
    expect(clients).toHaveLength(4);
    const wires = await page.locator(`${diagram} .np-wire`).evaluateAll((groups) => groups.map((group) => group.getAttribute('data-sockets')));
    expect(wires).toHaveLength(4);
    // Each wire joins one client's socket to one accepted socket: four different pairs.
    const pairs = wires.map((ids) => ids!.split(' '));
    expect(new Set(pairs.map(([client]) => client))).toEqual(new Set(clients.map((slot) => slot.id)));
    expect(new Set(pairs.map(([, server]) => server))).toEqual(new Set(accepted.map((slot) => slot.id)));
    const labels = await page.locator(`${diagram} .np-wire-labels .np-label-sub`).allTextContents();
    expect(labels).toEqual(['TIME-WAIT ↔ closed', 'TIME-WAIT ↔ closed', 'TIME-WAIT ↔ closed', 'TIME-WAIT ↔ closed']);
  });

  it('links the pass to the next lesson in the course', async () => {
    const link = page.locator(`${exercise} .exercise-next a`);
    expect(await link.innerText()).toBe('Next lesson: The web on port 80 →');
    expect(new URL((await link.getAttribute('href'))!, siteUrl).pathname).toMatch(/\/ports\/web\/$/);
  });

  it('gives the terminal at least 100 columns in a 1280 px window', async () => {
    await page.locator(`${exercise} [role="tab"][data-tab="terminal"]`).click();
    const terminal = page.locator(`${exercise} [data-np="terminal"]`);
    await expect.poll(() => terminal.getAttribute('data-cols'), { timeout: 15_000 }).not.toBeNull();
    expect(page.viewportSize()?.width).toBe(1280);
    expect(Number(await terminal.getAttribute('data-cols'))).toBeGreaterThanOrEqual(100);
  });
});

describe('on a 390 px phone', () => {
  it('stacks the exercise, draws the diagram down the screen and the packets and sockets as cards, nothing cut', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark', reducedMotion: 'reduce', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      await visit(page, siteUrl, ECHO_SERVER.lesson);
      await openEditor(page, exercise);
      await pasteProgram(page, exercise, ECHO_SERVER_SOLUTION.join('\n'));
      expect(await runAndWait(page, exercise, 'button')).toMatch(/^All \d+ checks passed/);
      // Nothing wider than the screen: the page never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const diagram = page.locator(`${exercise} svg[data-np="live-diagram"]`);
      // The views are drawn in the frames after the results.
      await expect.poll(() => diagram.getAttribute('data-orientation')).toBe('down');
      const frame = await page.locator(`${exercise} .np-diagram-frame`).first().evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
      expect(frame.scroll, 'the diagram fits its frame: both hosts in view').toBeLessThanOrEqual(frame.client);
      expect(await diagram.locator('.np-host').count()).toBe(2);

      await page.locator(`${exercise} [role="tab"][data-tab="packets"]`).click();
      const firstRow = page.locator(`${exercise} [data-np="packet-rows"] [role="row"]`).first();
      await firstRow.waitFor();
      // Each packet's kind and its two ends are on screen, inside the list's width.
      const list = await page.locator(`${exercise} [data-np="packet-scroll"]`).boundingBox();
      for (const part of ['.np-label', '.np-end-left', '.np-end-right']) {
        const box = await firstRow.locator(part).boundingBox();
        expect(box!.x + box!.width, part).toBeLessThanOrEqual(list!.x + list!.width);
        expect(await firstRow.locator(part).evaluate((cell) => cell.scrollWidth <= cell.clientWidth), `${part} not cut`).toBe(true);
      }
      const findings = await axeFindings(page);
      expect(findings, describeFindings(findings)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('after the last lesson', () => {
  it('says it was the last lesson written, instead of pointing at the reference', async () => {
    // The last lesson written so far (chapter 4's second) and its exercise.
    const last = { lesson: 'sockets/connections/', root: exerciseRoot('both-ends') };
    await withLesson(browser, { siteUrl, lesson: last.lesson }, async ({ page }) => {
      await openEditor(page, last.root);
      await pasteProgram(page, last.root, referenceSolution('both-ends'));
      expect(await runAndWait(page, last.root, 'button')).toMatch(/^All \d+ checks passed/);
      const next = page.locator(`${last.root} .exercise-next`);
      expect(await next.innerText()).toBe('That was the last lesson written so far: more chapters are on their way.');
      expect(await next.locator('a').count()).toBe(0);
    });
  });
});

describe('after a reload', () => {
  const storedDraftHas = (page: Page, text: string) =>
    page.waitForFunction((wanted) => localStorage.getItem('endpoints:progress')?.includes(wanted), text);

  it('shows the learner’s own code, read-only until the editor opens, and the results of their last run', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO_SERVER.lesson }, async ({ page, problems }) => {
      await openEditor(page, exercise);
      await typeProgram(page, exercise, ECHO_SERVER_SOLUTION);
      expect(await runAndWait(page, exercise, 'button')).toMatch(/^All \d+ checks passed/);
      await storedDraftHas(page, 'socket.write(chunk)');
      const checksBefore = await page.locator(`${exercise} .exercise-check`).allInnerTexts();

      await page.reload({ waitUntil: 'networkidle' });
      // The code shown is the learner's, in the static block: not editable, and no editor loaded yet.
      const code = page.locator(`${exercise} pre.exercise-starter`).first();
      expect(await code.innerText()).toContain("socket.on('data', (chunk) => socket.write(chunk))");
      expect(await code.evaluate((pre) => (pre as HTMLElement).isContentEditable)).toBe(false);
      expect(await page.locator(`${exercise} .monaco-editor`).count()).toBe(0);
      const note = page.locator(`${exercise} [data-code-note]`);
      expect(await note.innerText()).toBe('This is your code as you left it, read-only until you open the editor.');
      expect(await page.locator(`${exercise} [data-action="activate"]`).getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));

      // The last run's results, as they were, marked as kept from before.
      await page.locator(`${exercise} .exercise-saved-note`).waitFor();
      expect(await page.locator(`${exercise} .exercise-saved-note`).innerText()).toMatch(/^Your last run, on .+, kept in this browser\.$/);
      expect(await page.locator(`${exercise} [data-status]`).innerText()).toMatch(/^All \d+ checks passed/);
      expect(await page.locator(`${exercise} .exercise-check`).allInnerTexts()).toEqual(checksBefore);
      expect(await page.locator(`${exercise} .exercise-console-lines`).innerText()).toContain('echo server listening on port 7');
      await saveScreenshot(page, 'exercise-reloaded-light');
      const findings = await axeFindings(page);
      expect(findings, describeFindings(findings)).toEqual([]);

      await openEditor(page, exercise);
      expect(await editorText(page, exercise)).toContain("socket.on('data', (chunk) => socket.write(chunk))");
      expect(await note.isVisible()).toBe(false);
      expect(problems.pageErrors).toEqual([]);
    });
  });

  it('undoes a reset to the starter with one visible button, after a reload too', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO_SERVER.lesson }, async ({ page }) => {
      await openEditor(page, exercise);
      await pasteProgram(page, exercise, '// my own attempt\nconst answer = 42;\n');
      await storedDraftHas(page, 'my own attempt');
      const undo = page.locator(`${exercise} [data-action="undo-reset"]`);
      expect(await undo.isVisible()).toBe(false);
      await page.locator(`${exercise} [data-action="reset"]`).click();
      await expect.poll(() => editorText(page, exercise)).not.toContain('my own attempt');
      expect(await undo.isVisible()).toBe(true);

      await page.reload({ waitUntil: 'networkidle' });
      // The starter is what the learner has now; the code before the reset waits behind "Undo reset".
      expect(await page.locator(`${exercise} pre.exercise-starter`).first().innerText()).not.toContain('my own attempt');
      await openEditor(page, exercise);
      expect(await editorText(page, exercise)).not.toContain('my own attempt');
      await undo.waitFor({ state: 'visible' });
      await undo.click();
      await expect.poll(() => editorText(page, exercise)).toContain('// my own attempt');
      expect(await undo.isVisible()).toBe(false);
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('reset');

      // Undone for good: the next visit has the learner's code and nothing to undo.
      await storedDraftHas(page, 'my own attempt');
      await page.reload({ waitUntil: 'networkidle' });
      expect(await page.locator(`${exercise} pre.exercise-starter`).first().innerText()).toContain('// my own attempt');
      await openEditor(page, exercise);
      expect(await undo.isVisible()).toBe(false);
    });
  });
});
