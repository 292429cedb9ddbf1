/**
 * The graded exercises of chapters 1 and 2 in their lessons, in Chromium against the built site: each passes
 * with its reference solution pasted into the editor (under every grading seed, as the page grades), the
 * island looks right in both themes on a laptop and a phone (screenshots in test-results/e2e/part1-*.png, for
 * a person to look at), and axe finds nothing serious after the run. Before any run, the lesson is the page
 * freshly loaded that smoke.test.ts scans with axe in both themes at 1280 and 390 px.
 *
 * One page per lesson: each exercise passes once for real (each in a different one of the four looks, so
 * every look sees a real run), and the page is then shown in every look as it stands, without reloading.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, axeFindings, describeFindings, launchChromium, LOOKS, showAs, visit, type Look } from './browser';
import { exerciseRoot, openEditor, pasteProgram, runAndWait } from './exercise-page';

const siteUrl = inject('siteUrl');

interface Exercise {
  readonly id: string;
  readonly file: string;
  readonly checks: number;
  /** The look it passes in (the others see the page once it passed). */
  readonly runIn: Look;
}

const [laptopLight, laptopDark, phoneLight, phoneDark] = LOOKS as [Look, Look, Look, Look];

const lessons: readonly { lesson: string; exercises: readonly Exercise[] }[] = [
  { lesson: 'nic/network-card/', exercises: [{ id: 'own-cards', file: 'report.ts', checks: 3, runIn: laptopLight }] },
  { lesson: 'nic/interfaces/', exercises: [{ id: 'two-doors', file: 'server.ts', checks: 6, runIn: phoneDark }] },
  {
    lesson: 'subnets/routers/',
    exercises: [
      { id: 'who-answers', file: 'probe.ts', checks: 2, runIn: phoneLight },
      { id: 'no-way-out', file: 'probe.ts', checks: 2, runIn: laptopDark },
    ],
  },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The reference solution; Monaco indents what is pasted as it indents typing, so its lines go in unindented. */
function solution(exercise: Exercise): string {
  return readFileSync(new URL(`../../src/content/exercises/${exercise.id}/solution/${exercise.file}`, import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trimStart())
    .join('\n');
}

const tag = (id: string, look: Look) => `${id}-${look.name}-${look.theme}`;

/** In every look: a screenshot of each island named, and (after a run) axe on the whole page. */
async function everyLook(page: Page, ids: readonly string[], step: string, axeWhen?: string): Promise<void> {
  for (const look of LOOKS) {
    await showAs(page, look);
    for (const id of ids) await page.locator(exerciseRoot(id)).screenshot({ path: `${artifactsDir}part1-${tag(id, look)}-${step}.png`, animations: 'disabled' });
    if (axeWhen === undefined) continue;
    const findings = await axeFindings(page);
    expect(findings, `${axeWhen}, ${look.name} ${look.theme}:\n${describeFindings(findings)}`).toEqual([]);
  }
}

describe.each(lessons)('the exercises in $lesson', ({ lesson, exercises }) => {
  it(
    `${exercises.map(({ id }) => id).join(' and ')} pass with the reference solution; axe is clean after, in both themes at 1280 and 390 px`,
    { timeout: 180_000 * (1 + exercises.length) },
    async () => {
      const context = await browser.newContext({ colorScheme: 'light', viewport: { width: laptopLight.width, height: laptopLight.height }, reducedMotion: 'reduce', deviceScaleFactor: 1 });
      const page = await context.newPage();
      try {
        await visit(page, siteUrl, lesson);
        await everyLook(page, exercises.map(({ id }) => id), '0-closed');
        for (const exercise of exercises) {
          const root = exerciseRoot(exercise.id);
          await showAs(page, exercise.runIn);
          await openEditor(page, root);
          await pasteProgram(page, root, solution(exercise));
          const status = await runAndWait(page, root, 'button');
          expect(status, `${exercise.id} on a ${exercise.runIn.name} in the ${exercise.runIn.theme} theme`).toMatch(new RegExp(`^All ${exercise.checks} checks passed`));
          await everyLook(page, [exercise.id], '1-passed', `${exercise.id} passed`);
        }
      } finally {
        await context.close();
      }
    },
  );
});
