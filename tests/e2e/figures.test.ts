/**
 * Every lesson figure, on its own, in light and dark at 1280 and 390 px: saved under test-results/e2e/figures/
 * for a person to look at. Each must be an accessible image (role img, a title and a description) that fits
 * its column without scrolling. The smoke test runs axe at 1280 px; this one runs it on each lesson at 390 px
 * too, where tables and code blocks scroll.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { artifactsDir, axeFindings, describeFindings, launchChromium, newSiteContext, visit, type Theme } from './browser';
import { builtPages } from './link-check';
import { chapters } from '../../src/content/outline';

const siteUrl = inject('siteUrl');
// Lessons only: chapter folders (not the reference, not the developers' pages under dev/).
const lessons = builtPages(inject('distDir')).filter((path) => /^[a-z]+\/[a-z0-9-]+\/$/.test(path) && chapters.some((chapter) => path.startsWith(`${chapter.slug}/`)));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(`${artifactsDir}figures`, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe.each<[Theme, number]>([
  ['light', 1280],
  ['dark', 1280],
  ['light', 390],
  ['dark', 390],
])('figures in the %s theme at %i px', (theme, width) => {
  it.each(lessons)('%s: each figure is an accessible image that fits, saved for review', async (path) => {
    const context = await newSiteContext(browser, theme);
    const page = await context.newPage();
    try {
      await page.setViewportSize({ width, height: 900 });
      await visit(page, siteUrl, path);
      const figures = page.locator('.sl-markdown-content figure.diagram');
      const count = await figures.count();
      expect(count, `${path} has at least one figure`).toBeGreaterThanOrEqual(1);
      for (let index = 0; index < count; index++) {
        const figure = figures.nth(index);
        const svg = figure.locator('svg');
        expect(await svg.getAttribute('role')).toBe('img');
        expect((await svg.locator('title').textContent())?.trim()).toBeTruthy();
        expect((await svg.locator('desc').textContent())?.trim().length).toBeGreaterThan(40);
        const fits = await figure.evaluate((element) => element.scrollWidth <= element.clientWidth + 1);
        expect(fits, `figure ${index + 1} of ${path} fits its column`).toBe(true);
        await figure.screenshot({ path: `${artifactsDir}figures/${path.replace(/\/$/, '').replace('/', '-')}-${index + 1}-${theme}-${width}.png` });
      }
      if (width < 1280) {
        const findings = await axeFindings(page, 'serious');
        expect(findings, `axe on ${path} at ${width} px (${theme}):\n${describeFindings(findings)}`).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});
