/**
 * Driving the classroom pages as a teacher and a learner would: build an assignment on the teacher's page,
 * give the grading hand-ins, wait for the re-runs. Every wait is for a state of the page, never a time.
 */
import type { Page } from 'playwright-core';

export const TEACHER_PAGE = 'teachers/assign-and-grade/';

/** Fills the builder from the keyboard's point of view (labels, not selectors) and returns the link it makes. */
export async function buildAssignment(page: Page, spec: { title: string; items: string[]; due?: string; note?: string; chapters?: string[] }): Promise<string> {
  await page.getByLabel('Title').fill(spec.title);
  await page.getByLabel('Due date (optional)').fill(spec.due ?? '');
  await page.getByLabel('A note for learners (optional)').fill(spec.note ?? '');
  for (const chapter of spec.chapters ?? []) await page.locator(`input[data-whole-chapter="${chapter}"]`).check();
  for (const item of spec.items) await page.locator(`input[name="item"][value="${item}"]`).check();
  await page.getByRole('button', { name: 'Make the link' }).click();
  await page.locator('[data-link-result]').waitFor({ state: 'visible' });
  return page.getByLabel('The assignment link').inputValue();
}

/** Waits until every grading queued so far is done; returns the progress sentence. */
export async function waitForGradings(page: Page, timeout = 120_000): Promise<string> {
  await page.waitForFunction(() => /^All [\d,]+ gradings done\./.test(document.querySelector('[data-regrade-text]')?.textContent ?? ''), undefined, { timeout });
  return (await page.locator('[data-regrade-text]').textContent()) ?? '';
}

/** The gradebook's cells as text, row by row: `[learner, done, …cells]`, marks and screen-reader words left out. */
export async function gradebookRows(page: Page): Promise<string[][]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-gradebook-table] tbody tr')].map((tr) =>
      [...tr.children].map((cell) => {
        const copy = cell.cloneNode(true) as HTMLElement;
        for (const hidden of copy.querySelectorAll('.sr-only, .gradebook-mark, .gradebook-sub')) hidden.remove();
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    ),
  );
}
