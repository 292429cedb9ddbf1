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
import { artifactsDir, axeFindings, describeFindings, launchChromium, visit, type Theme } from './browser';
import { exerciseRoot, openEditor, pasteProgram, passWithSolution, startRun } from './exercise-page';

const siteUrl = inject('siteUrl');

const EXERCISES = [
  { id: 'web-server', lesson: 'ports/web/' },
  { id: 'web-server-8080', lesson: 'ports/web/' },
  { id: 'port-taken', lesson: 'ports/echo-server/' },
  { id: 'both-ends', lesson: 'sockets/connections/' },
  { id: 'pair-of-sockets', lesson: 'sockets/first-client/' },
] as const;

const viewports = [
  { name: 'laptop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
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
  await expect.poll(() => page.locator(`${root} [data-status]`).textContent(), { timeout: 30_000 }).toMatch(/^All \d+ checks passed/);
}

describe('the chapter 3 and 4 exercises', () => {
  it.each(EXERCISES.map((exercise) => [exercise.id, exercise] as const))(
    '%s passes with its reference solution, looks right at 1280 and 390 px in both themes, and axe is clean',
    { timeout: 420_000 },
    async (id, exercise) => {
      // One page and one passing run; the viewport and the theme then change under it.
      const context = await browser.newContext({ colorScheme: 'light', viewport: viewports[0], reducedMotion: 'reduce', deviceScaleFactor: 1 });
      const page = await context.newPage();
      try {
        await visit(page, siteUrl, exercise.lesson);
        if (id === 'pair-of-sockets') await passPair(page);
        else await passWithSolution(page, id);
        const root = exerciseRoot(id);
        for (const viewport of viewports) {
          await page.setViewportSize(viewport);
          for (const theme of ['light', 'dark'] as Theme[]) {
            // As the theme picker does: Starlight's colours follow <html data-theme>.
            await page.emulateMedia({ colorScheme: theme });
            await page.evaluate((value) => (document.documentElement.dataset.theme = value), theme);
            await page.locator(root).scrollIntoViewIfNeeded();
            await page.locator(root).screenshot({ path: `${artifactsDir}ex34-${id}-${viewport.name}-${theme}.png`, animations: 'disabled' });
            const findings = await axeFindings(page);
            expect(findings, `${viewport.name}, ${theme}: ${describeFindings(findings)}`).toEqual([]);
          }
        }
      } finally {
        await context.close();
      }
    },
  );
});
