/**
 * Hostile progress records in Chromium against the built site: poisoned localStorage (1e308, negative,
 * NaN-as-string, 10,000 levels of nesting, 5 MB, wrong types, unknown fields, __proto__), poisoned import
 * files, and repair by import. Each asserts the safe outcome (the lesson works, nothing bad is applied, the
 * text as it was is kept) and the sentence the learner reads, and measures that the page answers a click.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, axeFindings, clickAnswerMs, describeFindings, launchChromium, visit, watchProblems, type PageProblems, type Theme } from './browser';
import { ECHO_SERVER, editorText, freshPage } from './exercise-page';

const siteUrl = inject('siteUrl');
const LESSON = ECHO_SERVER.lesson;
const exercise = ECHO_SERVER.root;
const KEY = 'endpoints:progress';
const notice = '[data-progress-notices] .progress-notice.is-set-aside';
/** The notice's sentence (its buttons follow in a second paragraph). */
const noticeText = `${notice} > p:first-child`;
const PASSED = '2026-11-01T10:00:00.000Z';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const entry = (extra: Record<string, unknown> = {}) => ({ draft: { 'server.ts': '// my own echo server' }, passedAt: PASSED, attempts: 4, failedRuns: 3, hintsSeen: 1, ...extra });
const recordText = (exercises: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 1, exercises, lessonsVisited: {}, updatedAt: '2026-11-20T00:00:00.000Z', ...extra });
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Opens the lesson with `text` stored as the progress record (written before any script of the page runs). */
async function withStored(text: string | null, use: (page: Page, problems: PageProblems) => Promise<void>, theme: Theme = 'light'): Promise<void> {
  const { context, page } = await freshPage(browser, theme);
  try {
    if (text !== null) {
      await context.addInitScript(
        ([key, value]) => {
          if (window !== window.top) return; // the runner's sandboxed frame has no storage
          // Only on the first load: a reload must see what the page itself saved.
          if (!sessionStorage.getItem('seeded')) {
            sessionStorage.setItem('seeded', '1');
            localStorage.setItem(key!, value!);
          }
        },
        [KEY, text],
      );
    }
    const problems = watchProblems(page);
    await visit(page, siteUrl, LESSON);
    await use(page, problems);
  } finally {
    await context.close();
  }
}

const storedItems = (page: Page) =>
  page.evaluate(() => Object.fromEntries(Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)!).map((key) => [key, localStorage.getItem(key)])));

const asideKeys = async (page: Page) => Object.keys(await storedItems(page)).filter((key) => key.startsWith(`${KEY}:set-aside:`));

async function importFile(page: Page, text: string): Promise<string> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import progress' }).click();
  await (await choosing).setFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(() => document.querySelector('[data-transfer-status]')?.textContent !== '');
  return (await page.locator('[data-transfer-status]').textContent()) ?? '';
}

const hintsShown = (page: Page) => page.locator(`${exercise} .exercise-hint-list li`).count();

describe('a poisoned record in localStorage', () => {
  it('a hint counter of 1e308: the lesson answers, no hint loop runs, the pass is kept, and the notice says why', async () => {
    const text = recordText({ 'echo-server': entry({ hintsSeen: 1e308 }) });
    await withStored(text, async (page, problems) => {
      await expect(page.locator(noticeText).textContent()).resolves.toBe(
        `Part of your saved progress could not be used, so it was set aside and not applied: exercise “echo-server”: hints opened is 1e+308, not a whole number from 0 to 3. The rest of your progress is here as before. It is kept as it was under "${(await asideKeys(page))[0]}" in this browser's storage: nothing was deleted.`,
      );
      expect((await storedItems(page))[(await asideKeys(page))[0]!]).toBe(text);
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(true);
      expect(await hintsShown(page)).toBe(0);
      expect(await clickAnswerMs(page, `${exercise} [data-action="hint"]`, 'progress: hints 1e308')).toBeLessThan(1000);
      expect(await hintsShown(page)).toBe(1);
      // The next visit reads the cleaned record: one hint, no notice.
      await page.reload({ waitUntil: 'networkidle' });
      expect(await hintsShown(page)).toBe(1);
      await expect(page.locator('[data-progress-notices]').count()).resolves.toBe(0);
      expect(problems.pageErrors).toEqual([]);
    });
  });

  it('an unknown field nested 10,000 levels deep: "Open the editor" opens it with the learner’s own draft', async () => {
    const text = recordText({ 'echo-server': entry() }).replace('"hintsSeen":1', `"hintsSeen":1,"deep":${nested(10_000)}`);
    await withStored(text, async (page, problems) => {
      await expect(page.locator(noticeText).textContent()).resolves.toContain('exercise “echo-server”: “deep” is not something the course saves, so it was left out.');
      expect(await clickAnswerMs(page, `${exercise} [data-action="activate"]`, 'progress: deep nesting, open the editor')).toBeLessThan(1000);
      await page.locator(`${exercise} .monaco-editor .view-lines`).waitFor();
      await expect(editorText(page, exercise)).resolves.toContain('// my own echo server');
      expect(problems.pageErrors).toEqual([]);
    });
  });

  it('negative, NaN-as-string, wrong types, unknown fields, an exercise the course lacks and __proto__ keys: the good parts are kept', async () => {
    const text = `{"version":1,"__proto__":{"polluted":1},"exercises":{"echo-server":{"draft":{"server.ts":42,"__proto__":"x"},"passedAt":"${PASSED}","attempts":-1,"failedRuns":"NaN","hintsSeen":2,"admin":true},"made-up":{"attempts":1},"__proto__":{"hintsSeen":3}},"lessonsVisited":"all","updatedAt":"2026-11-20T00:00:00.000Z"}`;
    await withStored(text, async (page, problems) => {
      const said = (await page.locator(noticeText).textContent()) ?? '';
      for (const part of [
        'exercise “echo-server”: file “server.ts” is 42, not a text, so it was left out',
        'exercise “echo-server”: file “__proto__” is not a valid name, so it was left out',
        'exercise “echo-server”: number of runs is -1, not a whole number from 0 to 1,000,000',
        'exercise “echo-server”: number of failed runs is "NaN", not a whole number from 0 to 1,000,000',
        'exercise “echo-server”: “admin” is not something the course saves, so it was left out',
        'and ',
      ]) {
        expect(said).toContain(part);
      }
      await expect(page.evaluate(() => ({}) as Record<string, unknown>).then((o) => o.polluted)).resolves.toBeUndefined();
      await expect(page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted ?? (Object.prototype as Record<string, unknown>).hintsSeen)).resolves.toBeUndefined();
      // What was usable is applied: the pass and the two hints opened.
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(true);
      expect(await hintsShown(page)).toBe(2);
      const saved = JSON.parse((await storedItems(page))[KEY]!) as { exercises: Record<string, unknown>; lessonsVisited: unknown };
      expect(Object.keys(saved.exercises)).toEqual(['echo-server']);
      expect(saved.exercises['echo-server']).toEqual({ draft: {}, passedAt: PASSED, attempts: 0, failedRuns: 0, hintsSeen: 2 });
      // "all" was dropped; the one lesson in it is the page itself, whose visit the page records (assignments count it).
      expect(saved.lessonsVisited).toEqual({ 'ports/echo-server': expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
      expect(problems.pageErrors).toEqual([]);
    });
  });

  // Chromium's localStorage holds about 5 M characters per site, so 4.5 M is the largest record it can hold.
  it('a 4.5 MB record with no room to copy it: kept in place, progress in memory, a copy can be saved, then removed on request', async () => {
    const text = recordText({ 'echo-server': entry({ note: 'n'.repeat(4.5 * 1024 * 1024) }) });
    await withStored(text, async (page, problems) => {
      const said = (await page.locator(noticeText).first().textContent()) ?? '';
      const roomy = (await asideKeys(page)).length === 1;
      expect(said).toMatch(/^Your saved progress could not be read \(it is 4,71\d,\d{3} characters long; progress is at most 4,000,000\), so it was set aside and a fresh record started\./);
      if (roomy) {
        // This browser had room for a copy: the record moved aside whole, and the progress key is free.
        expect((await storedItems(page))[KEY] ?? null).toBeNull();
        return;
      }
      expect(said).toContain("There was no room in this browser's storage to keep a copy, so it was left where it was");
      expect((await storedItems(page))[KEY]).toBe(text);
      const downloading = page.waitForEvent('download');
      expect(await clickAnswerMs(page, page.locator(notice).getByRole('button', { name: 'Save a copy of it' }), 'progress: 4.5 MB record, save a copy')).toBeLessThan(1000);
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^endpoints-progress-set-aside-\d{4}-\d\d-\d\d\.json$/);
      await page.locator(notice).getByRole('button', { name: 'Remove it and save progress again' }).click();
      await expect(page.locator(notice).first().textContent()).resolves.toContain('It was removed; your progress is saved in this browser again.');
      expect((await storedItems(page))[KEY]).not.toBe(text);
      await page.reload({ waitUntil: 'networkidle' });
      await expect(page.locator('[data-progress-notices]').count()).resolves.toBe(0);
      expect(problems.pageErrors).toEqual([]);
    });
  });
});

describe('a poisoned import file', () => {
  it('applies what is valid and reports what it skipped and why', async () => {
    const file = JSON.stringify({ format: 'endpoints-progress', record: JSON.parse(recordText({ 'echo-server': entry({ hintsSeen: 1e308, extra: '@deep' }), 'made-up': entry() })) }).replace('"@deep"', nested(10_000));
    await withStored(null, async (page, problems) => {
      const status = await importFile(page, file);
      expect(status).toBe(
        'Imported: 1 exercise merged with the progress in this browser. Skipped, and not applied: exercise “echo-server”: hints opened is 1e+308, not a whole number from 0 to 3; exercise “echo-server”: “extra” is not something the course saves, so it was left out; exercise “made-up” is not an exercise of this course, so it was left out.',
      );
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(true);
      expect(await clickAnswerMs(page, `${exercise} [data-action="hint"]`, 'progress: after a poisoned import')).toBeLessThan(1000);
      const saved = JSON.parse((await storedItems(page))[KEY]!) as { exercises: Record<string, { hintsSeen: number }> };
      expect(Object.keys(saved.exercises)).toEqual(['echo-server']);
      expect(saved.exercises['echo-server']!.hintsSeen).toBe(1);
      expect(problems.pageErrors).toEqual([]);
    });
  });

  it('refuses a 5 MB file with its size, and changes nothing', async () => {
    const file = JSON.stringify({ format: 'endpoints-progress', record: JSON.parse(recordText({ 'echo-server': entry() })), pad: 'p'.repeat(5 * 1024 * 1024) });
    await withStored(null, async (page) => {
      // What the visit itself stored (the lesson's first visit, which assignments count), before the import.
      const before = (await storedItems(page))[KEY] ?? null;
      await expect(importFile(page, file)).resolves.toMatch(/^Not imported: This file is 5,24\d,\d{3} characters long; progress is at most 4,000,000\.$/);
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(false);
      expect((await storedItems(page))[KEY] ?? null).toBe(before);
      if (before !== null) expect(JSON.parse(before).exercises).toEqual({});
    });
  });
});

describe('repair by import', () => {
  it('a poisoned stored record, then a correct file: the import applies it and the next visit is clean', async () => {
    const poisoned = recordText({ 'echo-server': entry({ hintsSeen: 1e308, passedAt: 'yesterday', draft: { 'server.ts': 'z'.repeat(200_000) } }) });
    const good = JSON.stringify({ format: 'endpoints-progress', record: JSON.parse(recordText({ 'echo-server': entry({ hintsSeen: 2 }) })) });
    await withStored(poisoned, async (page, problems) => {
      const said = (await page.locator(noticeText).textContent()) ?? '';
      expect(said).toContain('exercise “echo-server”: file “server.ts” has 200,000 characters; at most 100,000 are kept, so it was left out');
      expect(said).toContain('exercise “echo-server”: time of the first pass is "yesterday", not a date and time, so it was left out');
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(false);
      await expect(importFile(page, good)).resolves.toBe('Imported: 1 exercise merged with the progress in this browser.');
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(true);
      await page.reload({ waitUntil: 'networkidle' });
      await expect(page.locator('[data-progress-notices]').count()).resolves.toBe(0);
      expect(await hintsShown(page)).toBe(2);
      await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(true);
      expect(await clickAnswerMs(page, `${exercise} [data-action="activate"]`, 'progress: after repair, open the editor')).toBeLessThan(1000);
      await page.locator(`${exercise} .monaco-editor .view-lines`).waitFor();
      await expect(editorText(page, exercise)).resolves.toContain('// my own echo server');
      expect(problems.pageErrors).toEqual([]);
    });
  });
});

describe('the set-aside notice', () => {
  it.each(['light', 'dark'] as const)('is readable and accessible (%s)', async (theme) => {
    await withStored(
      recordText({ 'echo-server': entry({ hintsSeen: 1e308 }) }),
      async (page) => {
        await page.locator(notice).waitFor();
        const findings = await axeFindings(page);
        expect(findings, describeFindings(findings)).toEqual([]);
        for (const width of [390, 1280]) {
          await page.setViewportSize({ width, height: 800 });
          await page.locator(notice).screenshot({ path: `${artifactsDir}hostile-progress-notice-${width}-${theme}.png` });
        }
      },
      theme,
    );
  });
});
