/**
 * How the exercise island looks, at full resolution, in both themes, on a laptop-sized and a phone-sized
 * viewport, before and after a run: screenshots of the exercise region (test-results/e2e/look-*.png, for a
 * person to look at) and the layout promises a screenshot cannot keep by itself — the editor sized to its
 * code, nothing wider than the content column, axe-core clean.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, axeFindings, describeFindings, launchChromium, LOOKS, showAs, visit, type Look } from './browser';
import { ECHO_SERVER, ECHO_SERVER_SOLUTION, expectAllPassed, openEditor, startRun, typeProgram } from './exercise-page';

const siteUrl = inject('siteUrl');
const LESSON = ECHO_SERVER.lesson;
const exercise = ECHO_SERVER.root;

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

/** In every look, as the page stands: `check` (screenshots, layout, axe), with the look in its failure messages. */
async function inEveryLook(page: Page, check: (look: Look, tag: string) => Promise<void>): Promise<void> {
  for (const look of LOOKS) {
    await showAs(page, look);
    await check(look, `${look.name}-${look.theme}`);
  }
}

async function expectAxeClean(page: Page, look: Look, when: string): Promise<void> {
  const findings = await axeFindings(page);
  expect(findings, `${when}, ${look.name} ${look.theme}:\n${describeFindings(findings)}`).toEqual([]);
}

describe('the exercise island', () => {
  // One page and one passing run, typed on a phone in the dark theme; the
  // viewport and the theme change under it at each step, so every step is seen in all four looks.
  it('looks right on a laptop and a phone in both themes, before and after a run, and passes axe', async () => {
    const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', deviceScaleFactor: 1 });
    const page = await context.newPage();
    try {
      await visit(page, siteUrl, LESSON);
      await inEveryLook(page, async (look, tag) => {
        await shoot(page, `${tag}-0-closed`);
        expect(await overflowing(page), `closed, ${tag}`).toEqual([]);
      });

      await showAs(page, LOOKS[3]!);
      await openEditor(page, exercise);
      await typeProgram(page, exercise, ECHO_SERVER_SOLUTION);
      await inEveryLook(page, async (_look, tag) => {
        // The editor is as tall as its code (within its limits): no large empty area under 4 lines.
        const editor = await page.locator(`${exercise} [data-editor]`).boundingBox();
        // Found and measured in one task: Monaco may render its lines again between two steps (TypeScript's
        // answer arriving), and a line it took out measures 0.
        const lineHeight = await page
          .locator(`${exercise} .monaco-editor .view-lines`)
          .evaluate((lines) => lines.querySelector('.view-line')?.getBoundingClientRect().height ?? 0);
        expect(lineHeight, `line height, ${tag}`).toBeGreaterThan(0);
        expect(editor!.height, `editor height, ${tag}`).toBeLessThanOrEqual(12 * lineHeight + 40);
        await shoot(page, `${tag}-1-editor`);
      });

      await startRun(page, exercise, 'button');
      await expectAllPassed(page, exercise);
      await inEveryLook(page, async (look, tag) => {
        await shoot(page, `${tag}-2-passed`);
        expect(await overflowing(page), `passed, ${tag}`).toEqual([]);
        await expectAxeClean(page, look, 'passed');
      });

      for (const tab of ['packets', 'terminal'] as const) {
        await page.locator(`${exercise} [role="tab"][data-tab="${tab}"]`).click();
        if (tab === 'terminal') await expect.poll(() => page.locator(`${exercise} .xterm-rows`).innerText(), { timeout: 15_000 }).toContain('learner@laptop');
        if (tab === 'packets') {
          await page.locator(`${exercise} [data-panel="packets"]`).focus();
          for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
        }
        await inEveryLook(page, async (look, tag) => {
          await page.locator(`${exercise} [data-network-panel]`).screenshot({ path: `${artifactsDir}look-${tag}-3-${tab}.png`, animations: 'disabled' });
          expect(await overflowing(page), `${tab} tab, ${tag}`).toEqual([]);
          await expectAxeClean(page, look, `the ${tab} tab`);
        });
      }
    } finally {
      await context.close();
    }
    // Twelve axe runs and twenty-four screenshots of a heavy page: minutes on a loaded machine.
  }, 600_000);
});
