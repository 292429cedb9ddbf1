/**
 * How the exercise island looks, at full resolution, in both themes, on a laptop-sized and a phone-sized
 * viewport, before and after a run: screenshots of the exercise region (test-results/e2e/look-*.png, for a
 * person to look at) and the layout promises a screenshot cannot keep by itself — the editor sized to its
 * code, nothing wider than the content column, axe-core clean.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, axeFindings, describeFindings, launchChromium, visit, type Theme } from './browser';
import { ECHO_SERVER, ECHO_SERVER_SOLUTION, openEditor, startRun, typeProgram } from './exercise-page';

const siteUrl = inject('siteUrl');
const LESSON = ECHO_SERVER.lesson;
const exercise = ECHO_SERVER.root;

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

async function shoot(page: Page, name: string): Promise<void> {
  await page.locator(exercise).screenshot({ path: `${artifactsDir}look-${name}.png`, animations: 'disabled' });
}

/** Elements of the island wider than the island itself (they would be cut off or scroll the page sideways). */
function overflowing(page: Page): Promise<string[]> {
  return page.locator(exercise).evaluate((root) => {
    const right = root.getBoundingClientRect().right + 1;
    const found: string[] = [];
    for (const element of root.querySelectorAll<HTMLElement>('*')) {
      // Inside a scroller (tables, diagrams on a phone, the editor, the terminal) wider is fine: it scrolls.
      if (element.closest('.np-table-scroll, .np-trace-scroll, .np-diagram-frame, .monaco-editor, .xterm, .exercise-starter, .exercise-console-lines')) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > right) found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} right=${Math.round(box.right)} > ${Math.round(right)}`);
    }
    return found;
  });
}

describe.each(viewports)('the exercise island on a $name viewport', (viewport) => {
  it.each<Theme>(['light', 'dark'])('looks right in the %s theme before and after a run, and passes axe', async (theme) => {
    const context = await browser.newContext({ colorScheme: theme, viewport, reducedMotion: 'reduce', deviceScaleFactor: 1 });
    const page = await context.newPage();
    try {
      await visit(page, siteUrl, LESSON);
      const tag = `${viewport.name}-${theme}`;
      await shoot(page, `${tag}-0-closed`);
      expect(await overflowing(page)).toEqual([]);

      await openEditor(page, exercise);
      await typeProgram(page, exercise, ECHO_SERVER_SOLUTION);
      // The editor is as tall as its code (within its limits): no large empty area under 4 lines.
      const editor = await page.locator(`${exercise} [data-editor]`).boundingBox();
      const lineHeight = await page.locator(`${exercise} .monaco-editor .view-line`).first().evaluate((line) => line.getBoundingClientRect().height);
      expect(editor!.height, 'editor height').toBeLessThanOrEqual(12 * lineHeight + 40);
      await shoot(page, `${tag}-1-editor`);

      await startRun(page, exercise, 'button');
      await expect.poll(() => page.locator(`${exercise} [data-status]`).textContent(), { timeout: 30_000 }).toMatch(/^All \d+ checks passed/);
      await shoot(page, `${tag}-2-passed`);
      expect(await overflowing(page)).toEqual([]);
      const findings = await axeFindings(page);
      expect(findings, describeFindings(findings)).toEqual([]);

      for (const tab of ['packets', 'terminal'] as const) {
        await page.locator(`${exercise} [role="tab"][data-tab="${tab}"]`).click();
        if (tab === 'terminal') await expect.poll(() => page.locator(`${exercise} .xterm-rows`).innerText(), { timeout: 15_000 }).toContain('learner@laptop');
        if (tab === 'packets') {
          await page.locator(`${exercise} [data-panel="packets"]`).focus();
          for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
        }
        await page.locator(`${exercise} [data-network-panel]`).screenshot({ path: `${artifactsDir}look-${tag}-3-${tab}.png`, animations: 'disabled' });
        expect(await overflowing(page)).toEqual([]);
        const tabFindings = await axeFindings(page);
        expect(tabFindings, describeFindings(tabFindings)).toEqual([]);
      }
    } finally {
      await context.close();
    }
    // Three axe runs and six screenshots of a heavy page: more than a minute on a loaded machine.
  }, 180_000);
});
