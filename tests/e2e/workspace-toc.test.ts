/**
 * The "On this page" bar of a workspace page (src/components/site/workspace-toc.ts), ours in place of
 * Starlight's: it names the section being read as the page scrolls, opens and closes from the keyboard (Escape
 * back to its toggle), closes when a section is chosen or on a click outside; and the page has none of
 * Starlight's table-of-contents elements, whose set-up at the first idle moment could fall in a first run.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeFindings, describeFindings, launchChromium } from './browser';
import { ECHO_SERVER, withLesson } from './exercise-page';

const siteUrl = inject('siteUrl');
const bar = 'workspace-toc';
const summary = `${bar} summary`;
const shown = `${bar} .display-current`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const isOpen = (page: Page) => page.locator(`${bar} details`).evaluate((details: HTMLDetailsElement) => details.open);
const current = (page: Page) => page.locator(`${bar} a[aria-current="true"]`).evaluateAll((links) => links.map((link) => link.textContent?.trim()));

describe('the "On this page" bar of an exercise page', () => {
  it('names the section being read, and is Starlight-free', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO_SERVER.lesson }, async ({ page, problems }) => {
      expect(await page.locator('starlight-toc, mobile-starlight-toc').count()).toBe(0);
      await expect.poll(() => current(page)).toEqual(['Overview']);
      for (const [id, text] of [
        ['three-ranges-of-ports', 'Three ranges of ports'],
        ['exercise-an-echo-server', 'Exercise: an echo server'],
        ['well-known-ports', 'Well-known ports'],
      ] as const) {
        await page.locator(`h2#${id}`).evaluate((heading) => heading.scrollIntoView());
        await expect.poll(() => page.locator(shown).textContent()).toBe(text);
        expect(await current(page)).toEqual([text]);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect.poll(() => page.locator(shown).textContent()).toBe('Overview');
      expect(problems.pageErrors).toEqual([]);
    });
  });

  it('opens and closes from the keyboard, and closes when a section is chosen or on a click outside', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO_SERVER.lesson }, async ({ page }) => {
      await page.locator(summary).focus();
      await page.keyboard.press('Enter');
      expect(await isOpen(page)).toBe(true);
      const findings = await axeFindings(page);
      expect(findings, describeFindings(findings)).toEqual([]);
      await page.keyboard.press('Escape');
      expect(await isOpen(page)).toBe(false);
      expect(await page.locator(summary).evaluate((element) => element === document.activeElement)).toBe(true);

      await page.locator(summary).click();
      await page.locator(`${bar} a[href="#ports-below-1024-are-for-root"]`).click();
      expect(await isOpen(page)).toBe(false);
      expect(new URL(page.url()).hash).toBe('#ports-below-1024-are-for-root');
      await expect.poll(() => page.locator(shown).textContent()).toBe('Ports below 1024 are for root');

      await page.locator(summary).click();
      expect(await isOpen(page)).toBe(true);
      await page.locator('main h2#ports-below-1024-are-for-root').click({ position: { x: 5, y: 5 }, force: true });
      expect(await isOpen(page)).toBe(false);
    });
  });
});
