/**
 * The graded exercises of chapters 1 and 2 in their lessons, in Chromium against the built site: each passes
 * with its reference solution pasted into the editor (under every grading seed, as the page grades), the
 * island looks right in both themes on a laptop and a phone (screenshots in test-results/e2e/part1-*.png, for
 * a person to look at), and axe finds nothing serious before or after the run.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { artifactsDir, axeFindings, describeFindings, launchChromium, visit, type Theme } from './browser';
import { exerciseRoot, openEditor, pasteProgram, runAndWait } from './exercise-page';

const siteUrl = inject('siteUrl');

const exercises = [
  { id: 'own-cards', lesson: 'nic/network-card/', file: 'report.ts', checks: 3 },
  { id: 'two-doors', lesson: 'nic/interfaces/', file: 'server.ts', checks: 6 },
  { id: 'who-answers', lesson: 'subnets/routers/', file: 'probe.ts', checks: 2 },
  { id: 'no-way-out', lesson: 'subnets/routers/', file: 'probe.ts', checks: 2 },
] as const;

const looks = [
  { name: 'laptop', width: 1280, height: 900, theme: 'light' },
  { name: 'laptop', width: 1280, height: 900, theme: 'dark' },
  { name: 'phone', width: 390, height: 844, theme: 'light' },
  { name: 'phone', width: 390, height: 844, theme: 'dark' },
] as const satisfies readonly { name: string; width: number; height: number; theme: Theme }[];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(exercises)('exercise $id in $lesson', (exercise) => {
  const root = exerciseRoot(exercise.id);
  // Monaco indents what is pasted as it indents typing: the lines go in without their own indentation.
  const solution = readFileSync(new URL(`../../src/content/exercises/${exercise.id}/solution/${exercise.file}`, import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trimStart())
    .join('\n');

  it.each(looks)('passes with its reference solution on a $name in the $theme theme, and axe is clean', async (look) => {
    const context = await browser.newContext({ colorScheme: look.theme, viewport: { width: look.width, height: look.height }, reducedMotion: 'reduce', deviceScaleFactor: 1 });
    const page = await context.newPage();
    try {
      await visit(page, siteUrl, exercise.lesson);
      const tag = `${exercise.id}-${look.name}-${look.theme}`;
      await page.locator(root).screenshot({ path: `${artifactsDir}part1-${tag}-0-closed.png`, animations: 'disabled' });
      const before = await axeFindings(page);
      expect(before, describeFindings(before)).toEqual([]);

      await openEditor(page, root);
      await pasteProgram(page, root, solution);
      const status = await runAndWait(page, root, 'button');
      expect(status).toMatch(new RegExp(`^All ${exercise.checks} checks passed`));
      await page.locator(root).screenshot({ path: `${artifactsDir}part1-${tag}-1-passed.png`, animations: 'disabled' });
      const after = await axeFindings(page);
      expect(after, describeFindings(after)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
