/**
 * Part 1 as a new learner walks it, in one browser (progress kept in its storage): chapters 1 to 4, every
 * lesson in teaching order; every exercise on a lesson passed with its reference solution (each file in its
 * own tab), every quiz answered right; then every lesson is marked done in the sidebar and every chapter's bar
 * is full. The lessons and exercises are read from the content folders, so a new one is walked too.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { launchChromium, newSiteContext, visit, watchProblems } from './browser';
import { exerciseRoot, expectAllPassed, openEditor, pasteProgram, startRun } from './exercise-page';
import { answerQuizRight, quizOf } from './quiz-page';

const siteUrl = inject('siteUrl');
const PART_1 = ['nic', 'subnets', 'ports', 'sockets'];
const docs = new URL('../../src/content/docs/', import.meta.url);

/** A chapter's lessons (`nic/network-card/`) by their frontmatter `order`. */
function lessonsOf(chapter: string): string[] {
  const folder = new URL(`${chapter}/`, docs);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.mdx') || name.endsWith('.md'))
    .map((name) => ({ name, order: Number(/^order:\s*(\d+)/m.exec(readFileSync(new URL(name, folder), 'utf8'))?.[1] ?? 0) }))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
    .map(({ name }) => `${chapter}/${name.replace(/\.mdx?$/, '')}/`);
}

/** Passes one exercise with its reference solution: each learner file pasted into its own tab, then Run. */
async function passExercise(page: Page, id: string): Promise<void> {
  const root = exerciseRoot(id);
  const folder = new URL(`../../src/content/exercises/${id}/solution/`, import.meta.url);
  const files = readdirSync(folder);
  await page.locator(root).scrollIntoViewIfNeeded();
  await openEditor(page, root);
  for (const file of files) {
    if (files.length > 1) await page.locator(`${root} .exercise-tab[data-file="${file}"]`).click();
    await pasteProgram(page, root, readFileSync(new URL(file, folder), 'utf8'));
  }
  await startRun(page, root, 'button');
  await expectAllPassed(page, root, 60_000);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('part 1, walked as a new learner', () => {
  it('passes every exercise and quiz of chapters 1–4, and the sidebar marks every lesson and chapter done', async () => {
    const context = await newSiteContext(browser);
    try {
      const page = await context.newPage();
      const problems = watchProblems(page);
      const lessons = PART_1.flatMap(lessonsOf);
      expect(lessons.length).toBeGreaterThanOrEqual(PART_1.length);
      let exercises = 0;
      for (const lesson of lessons) {
        await visit(page, siteUrl, lesson);
        const ids = await page.locator('[data-exercise-id]').evaluateAll((roots) => roots.map((root) => root.getAttribute('data-exercise-id')!));
        for (const id of ids) await passExercise(page, id);
        exercises += ids.length;
        await quizOf(lesson); // every lesson has a quiz
        await answerQuizRight(page, lesson);
        await expect.poll(() => page.locator(`#starlight__sidebar a[href$="/${lesson}"] .lesson-done-mark`).count(), { message: lesson }).toBe(1);
      }
      // The floor: at least two graded exercises per chapter.
      expect(exercises).toBeGreaterThanOrEqual(2 * PART_1.length);

      // After the walk, on a lesson of the last chapter: every lesson of part 1 done, every chapter's bar full.
      for (const lesson of lessons) {
        expect(await page.locator(`#starlight__sidebar a[href$="/${lesson}"] .lesson-done-mark`).count(), lesson).toBe(1);
      }
      for (const chapter of PART_1) {
        const bar = page.locator(`[data-progress-bar][data-chapter="${chapter}"] progress`).first();
        // Full: as much done as there is to do (the bar counts exercises and quizzes).
        await expect
          .poll(() => bar.evaluate((element) => { const p = element as HTMLProgressElement; return p.max > 1 && p.value === p.max; }), { message: chapter })
          .toBe(true);
      }
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 900_000); // eight lessons, eleven exercises graded under three seeds each, eight quizzes
});
