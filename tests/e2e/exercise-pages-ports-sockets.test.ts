/**
 * The graded exercises of chapters 3 and 4 on their lesson pages, in Chromium: each passes with its reference
 * solution typed into the page (the pair exercise with both of its files, one tab each), and each island is
 * saved as a screenshot after the run (test-results/e2e/ex34-*.png, for a person to look at) in both themes on
 * a laptop-sized and a phone-sized viewport; axe-core finds nothing serious on these pages in any of them.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, axeFindings, describeFindings, launchChromium, LOOKS, showAs, visit } from './browser';
import { exerciseRoot, expectAllPassed, openEditor, passWithSolution, pasteProgram, startRun } from './exercise-page';

const siteUrl = inject('siteUrl');

const EXERCISES = [
  { id: 'web-server', lesson: 'ports/web/' },
  { id: 'web-server-8080', lesson: 'ports/web/' },
  { id: 'port-taken', lesson: 'ports/echo-server/' },
  { id: 'both-ends', lesson: 'sockets/connections/' },
  { id: 'pair-of-sockets', lesson: 'sockets/first-client/' },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(artifactsDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Passes the pair exercise: each file's reference solution pasted into its own tab. */
async function passPair(page: Page): Promise<void> {
  const root = exerciseRoot('pair-of-sockets');
  await openEditor(page, root);
  for (const file of ['server.ts', 'client.ts']) {
    await page.locator(`${root} .exercise-tab[data-file="${file}"]`).click();
    await pasteProgram(page, root, readFileSync(new URL(`../../src/content/exercises/pair-of-sockets/solution/${file}`, import.meta.url), 'utf8'));
  }
  await startRun(page, root, 'button');
  await expectAllPassed(page, root);
}

/** Exercises by the lesson they sit in: the two web-server exercises share one page, and one pass of each. */
const LESSONS = [...new Set(EXERCISES.map(({ lesson }) => lesson))].map((lesson) => ({
  lesson,
  ids: EXERCISES.filter((exercise) => exercise.lesson === lesson).map(({ id }) => id),
}));

describe('the chapter 3 and 4 exercises', () => {
  it.each(LESSONS.map((entry) => [entry.ids.join(' and '), entry] as const))(
    '%s: each passes with its reference solution, looks right at 1280 and 390 px in both themes, and axe is clean',
    { timeout: 420_000 },
    async (_ids, { lesson, ids }) => {
      // One page and one passing run of each; the viewport and the theme then change under it.
      const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', deviceScaleFactor: 1 });
      const page = await context.newPage();
      try {
        await visit(page, siteUrl, lesson);
        for (const id of ids) {
          if (id === 'pair-of-sockets') await passPair(page);
          else await passWithSolution(page, id);
        }
        for (const look of LOOKS) {
          await showAs(page, look);
          for (const id of ids) {
            const root = exerciseRoot(id);
            await page.locator(root).scrollIntoViewIfNeeded();
            await page.locator(root).screenshot({ path: `${artifactsDir}ex34-${id}-${look.name}-${look.theme}.png`, animations: 'disabled' });
          }
          const findings = await axeFindings(page);
          expect(findings, `${ids.join(' and ')} passed, ${look.name}, ${look.theme}: ${describeFindings(findings)}`).toEqual([]);
        }
      } finally {
        await context.close();
      }
    },
  );
});
