/**
 * <Quiz /> as a learner meets it, keyboard only: wrong and right answers get feedback that says why (in a
 * live region), an answer that cannot be read is not graded, answers are kept as given in progress and come
 * back on reload, and a quiz answered right marks its lesson done in the sidebar and counts in the chapter's
 * bar. axe-clean with feedback showing, in both themes, at 1280 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, axeFindings, describeFindings, launchChromium, LOOKS, newSiteContext, saveScreenshot, showAs, visit, watchProblems } from './browser';
import type { Question, QuizSpec } from '../../src/components/quiz/define';
// The prefix lesson has a quiz and no exercise, so its quiz alone completes it.
import prefixQuiz from '../../src/content/quizzes/subnets-prefix';

const siteUrl = inject('siteUrl');
const LESSON = 'subnets/prefix/';
const QUIZ = '[data-quiz="subnets-prefix"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const question = (page: Page, id: string) => page.locator(`${QUIZ} [data-question="${id}"]`);
const feedback = (page: Page, id: string) => question(page, id).locator('[data-feedback]');

/** Tabs forward until `selector` has focus (at most 60 presses); fails the test otherwise. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    if (await page.evaluate((target) => document.activeElement?.matches(target) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Answers one question from the keyboard: arrows to the option (choice) or typing (short), then Tab to Check and Enter. */
async function answer(page: Page, spec: Question, given: string): Promise<void> {
  const base = `${QUIZ} [data-question="${spec.id}"]`;
  if (spec.kind === 'choice') {
    await tabTo(page, `${base} input[type="radio"]`);
    // Tab lands on the checked option, or on the first when none is; Space selects it, and arrow keys move
    // through the group, selecting as they go.
    const at = await page.evaluate(() => {
      const focused = document.activeElement as HTMLInputElement;
      return [...focused.closest('fieldset')!.querySelectorAll('input[type="radio"]')].indexOf(focused);
    });
    await page.keyboard.press('Space');
    const index = spec.options.findIndex((option) => option.id === given);
    for (let step = at; step < index; step++) await page.keyboard.press('ArrowDown');
    for (let step = at; step > index; step--) await page.keyboard.press('ArrowUp');
  } else {
    await tabTo(page, `${base} input[type="text"]`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(given);
  }
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Check follows the answer in the focus order').toMatch(/^Check/);
  await page.keyboard.press('Enter');
}

/** The right answer to each question, typed the way a learner might (spaces around the colon). */
function rightAnswer(spec: Question): string {
  if (spec.kind === 'choice') return spec.options.find((option) => option.correct)!.id;
  return spec.accept[0]!.replace(':', ' : ');
}

describe('the quiz on the prefix lesson', () => {
  it('is answered by keyboard alone: feedback says why, answers are kept as given, and the lesson is marked done', async () => {
    const context = await newSiteContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    const spec = prefixQuiz as QuizSpec;
    try {
      await visit(page, siteUrl, LESSON);
      await page.locator(`${QUIZ}[data-ready="true"]`).waitFor();
      expect(await page.locator(`${QUIZ} fieldset`).count()).toBe(spec.questions.length);
      expect(await page.locator('#starlight__sidebar a[href$="/subnets/prefix/"] .lesson-done-mark').count()).toBe(0);

      // A wrong answer: the option's own feedback, in a live region, and "Not quite".
      const first = spec.questions[0]!;
      if (first.kind !== 'choice') throw new Error('the first question of the prefix quiz is a choice');
      const wrong = first.options.find((option) => !option.correct)!;
      await answer(page, first, wrong.id);
      await expect.poll(() => feedback(page, first.id).textContent()).toContain('Not quite.');
      expect(await feedback(page, first.id).textContent()).toContain(wrong.feedback.replace(/`/g, '').slice(0, 40));
      expect(await feedback(page, first.id).getAttribute('aria-live')).toBe('polite');

      // An answer that cannot be read is not graded, and says how to write it.
      const short = spec.questions.find((q) => q.kind === 'short')!;
      await answer(page, short, '300.1.2.3');
      await expect.poll(() => feedback(page, short.id).textContent()).toContain('Not checked yet: 300.1.2.3 is not an address');
      const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('endpoints:progress') ?? '{}'));
      expect((await stored()).quizzes['subnets-prefix'].answers[short.id]).toBeUndefined();

      for (const spec_ of spec.questions) await answer(page, spec_, rightAnswer(spec_));
      for (const spec_ of spec.questions) await expect.poll(() => feedback(page, spec_.id).textContent()).toMatch(/^Right\./);
      await expect.poll(() => page.locator(`${QUIZ} [data-quiz-score]`).textContent()).toContain('this quiz counts as done');

      const answers = (await stored()).quizzes['subnets-prefix'].answers;
      expect(answers[first.id]).toMatchObject({ answer: first.options.find((o) => o.correct)!.id, correct: true, tries: 2 });
      expect(answers[short.id]).toMatchObject({ answer: rightAnswer(short), correct: true, tries: 1 });

      // The lesson has no exercise: its quiz alone completes it; the chapter's bar counts it.
      await expect.poll(() => page.locator('#starlight__sidebar a[href$="/subnets/prefix/"] .lesson-done-mark').count()).toBe(1);
      expect(await page.locator('[data-progress-bar][data-chapter="subnets"] [data-progress-label]').textContent()).toBe('0 of 2 exercises passed, 1 of 2 quizzes done');

      // Back again: the answers and their feedback are there.
      await page.reload({ waitUntil: 'networkidle' });
      await page.locator(`${QUIZ}[data-ready="true"]`).waitFor();
      expect(await question(page, short.id).locator('input[type="text"]').inputValue()).toBe(rightAnswer(short));
      expect(await feedback(page, first.id).textContent()).toMatch(/^Right\./);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('passes axe with feedback showing, in both themes at 1280 and 390 px, and is screenshotted', async () => {
    // Answered once; the viewport and the theme then change under the page as it stands.
    const context = await newSiteContext(browser, 'light');
    const page = await context.newPage();
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      await visit(page, siteUrl, LESSON);
      await page.locator(`${QUIZ}[data-ready="true"]`).waitFor();
      const spec = prefixQuiz as QuizSpec;
      const [first, second] = spec.questions.filter((q) => q.kind === 'choice');
      if (first?.kind !== 'choice' || !second) throw new Error('unexpected quiz shape');
      await question(page, first.id).locator('input[type="radio"]').first().check();
      await question(page, first.id).getByRole('button', { name: /Check/ }).click();
      await question(page, second.id).locator('input[type="radio"]').nth(second.kind === 'choice' ? second.options.findIndex((o) => o.correct) : 0).check();
      await question(page, second.id).getByRole('button', { name: /Check/ }).click();
      for (const look of LOOKS) {
        const { theme, width } = look;
        await showAs(page, { ...look, height: 900 });
        const findings = await axeFindings(page, 'serious');
        expect(findings, `${theme}, ${width} px:\n${describeFindings(findings)}`).toEqual([]);
        const scrollWidth = await page.evaluate(() => document.querySelector('[data-quiz]')!.scrollWidth);
        const boxWidth = await page.evaluate(() => document.querySelector('[data-quiz]')!.clientWidth);
        expect(scrollWidth, `nothing in the quiz is wider than its box (${theme}, ${width} px)`).toBeLessThanOrEqual(boxWidth);
        await saveScreenshot(page, `quiz-${theme}-${width}`);
        await page.locator(QUIZ).screenshot({ path: `${artifactsDir}quiz-${theme}-${width}-box.png` });
      }
    } finally {
      await context.close();
    }
    // Four axe scans of a lesson: a minute or two on a loaded machine.
  }, 240_000);
});
