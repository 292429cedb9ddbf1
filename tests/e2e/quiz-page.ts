/** Answering a lesson's quiz in the page, right, by clicking: for tests whose subject is something else. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { QuizSpec } from '../../src/components/quiz/define';

const quizDir = fileURLToPath(new URL('../../src/content/quizzes/', import.meta.url));

/** The quiz of a lesson (`ports/echo-server/` or `ports/echo-server`), with its id. */
export async function quizOf(lesson: string): Promise<{ id: string; spec: QuizSpec }> {
  const slug = lesson.replace(/\/$/, '');
  for (const file of readdirSync(quizDir).filter((name) => name.endsWith('.ts'))) {
    const spec = ((await import(`${quizDir}${file}`)) as { default: QuizSpec }).default;
    if (spec.lesson === slug) return { id: file.replace(/\.ts$/, ''), spec };
  }
  throw new Error(`no quiz for the lesson ${lesson}`);
}

/** Answers every question of the lesson's quiz right and waits until the quiz says it is done. */
export async function answerQuizRight(page: Page, lesson: string): Promise<void> {
  const { id, spec } = await quizOf(lesson);
  const root = page.locator(`[data-quiz="${id}"][data-ready="true"]`);
  await root.waitFor();
  for (const question of spec.questions) {
    const item = root.locator(`[data-question="${question.id}"]`);
    if (question.kind === 'choice') await item.locator(`input[value="${question.options.find((option) => option.correct)!.id}"]`).check();
    else await item.locator('input[type="text"]').fill(question.accept[0]!);
    await item.getByRole('button', { name: /Check/ }).click();
  }
  await root.locator('[data-quiz-score][data-done="true"]').waitFor();
}
