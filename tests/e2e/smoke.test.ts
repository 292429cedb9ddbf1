/**
 * Every page of the built site in Chromium, in both themes: it loads without console errors, uncaught
 * exceptions or failed requests, Starlight follows the system theme, and axe finds nothing serious. A lesson
 * is also shown at 390 px, where tables and code blocks scroll, and axe runs there too; each of its figures is
 * an accessible image (role img, a title and a description) that fits its column at 1280 and 390 px, saved
 * under test-results/e2e/figures/ for a person to look at. Then the lesson page, the outline, the keyboard.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  artifactsDir,
  axeFindings,
  describeFindings,
  launchChromium,
  newSiteContext,
  saveScreenshot,
  visit,
  watchProblems,
  type Theme,
} from './browser';
import { builtPages } from './link-check';
import { chapters } from '../../src/content/outline';

const siteUrl = inject('siteUrl');

// Every page of the built site except the 404 page.
const distDir = inject('distDir');
const pages = builtPages(distDir).map((path) => ({ path, name: path === '' ? 'home' : path.replace(/\/$/, '').replaceAll('/', '-') }));
const themes: Theme[] = ['light', 'dark'];
// Lessons: chapter folders (not the reference, not the developers' pages under dev/).
const isLesson = (path: string) => /^[a-z]+\/[a-z0-9-]+\/$/.test(path) && chapters.some((chapter) => path.startsWith(`${chapter.slug}/`));

/** Each figure of the lesson is an accessible image that fits its column; each is saved for review. */
async function expectFiguresFit(page: Page, path: string, theme: Theme, width: number): Promise<void> {
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
    expect(fits, `figure ${index + 1} of ${path} fits its column at ${width} px`).toBe(true);
    await figure.screenshot({ path: `${artifactsDir}figures/${path.replace(/\/$/, '').replace('/', '-')}-${index + 1}-${theme}-${width}.png` });
  }
}

it('ships only pages for learners and teachers: no developers’ test pages in the build or the sitemap', () => {
  expect(pages.map(({ path }) => path).filter((path) => path.startsWith('dev/'))).toEqual([]);
  const sitemap = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');
  const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  expect(listed.length).toBeGreaterThan(3);
  expect(listed.filter((path) => path.includes('/dev/'))).toEqual([]);
});

it('finds the lessons whose figures it checks: every chapter with pages has at least one', () => {
  const lessonChapters = new Set(pages.map(({ path }) => path).filter(isLesson).map((path) => path.split('/')[0]));
  const chaptersWithPages = new Set(pages.map(({ path }) => path.split('/')[0]).filter((folder) => chapters.some((chapter) => chapter.slug === folder)));
  expect(chaptersWithPages.size).toBeGreaterThan(0);
  expect(lessonChapters).toEqual(chaptersWithPages);
});

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(themes)('the site in the %s theme', (theme) => {
  it.each(pages)('loads $name cleanly and passes axe (a lesson at 1280 and 390 px, its figures accessible and fitting)', async ({ name, path }) => {
    const context = await newSiteContext(browser, theme);
    const page = await context.newPage();
    const problems = watchProblems(page);
    try {
      await visit(page, siteUrl, path);
      expect(await page.evaluate(() => document.documentElement.dataset.theme), 'Starlight follows the system theme').toBe(theme);

      const findings = await axeFindings(page, 'serious');
      expect(findings, `axe found serious or critical problems on ${path || 'the home page'} (${theme}):\n${describeFindings(findings)}`).toEqual([]);
      expect(problems.consoleErrors, 'console errors').toEqual([]);
      expect(problems.pageErrors, 'uncaught exceptions').toEqual([]);
      expect(problems.failedRequests, 'failed requests').toEqual([]);

      await saveScreenshot(page, `${name}-${theme}`);

      if (isLesson(path)) {
        await expectFiguresFit(page, path, theme, 1280);
        // The same page on a phone, without reloading it.
        await page.setViewportSize({ width: 390, height: 900 });
        await expectFiguresFit(page, path, theme, 390);
        const narrow = await axeFindings(page, 'serious');
        expect(narrow, `axe on ${path} at 390 px (${theme}):\n${describeFindings(narrow)}`).toEqual([]);
      }
    } finally {
      await context.close();
    }
    // A lesson: two axe scans of a long page, more than a minute on a loaded machine.
  }, 150_000);
});

describe('the lesson page', () => {
  it('shows the chapter, the objectives and an accessible figure', async () => {
    const context = await newSiteContext(browser);
    const page = await context.newPage();
    try {
      await visit(page, siteUrl, 'nic/network-card/');
      await expect.poll(() => page.locator('.lesson-chapter').textContent()).toContain('Chapter 1');
      expect(await page.locator('.lesson-goals li').count()).toBeGreaterThanOrEqual(3);
      const figure = page.getByRole('img', { name: 'A computer joined to its network through its network card' });
      expect(await figure.count()).toBe(1);
      expect(await figure.locator('desc').textContent()).toContain('10.0.0.2/24');
    } finally {
      await context.close();
    }
  });

  it('is found by the search, with a result link under the base path', async () => {
    const context = await newSiteContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    try {
      await visit(page, siteUrl);
      await page.getByRole('button', { name: 'Search' }).first().click();
      await page.locator('.pagefind-ui__search-input').fill('loopback');
      const result = page.locator('.pagefind-ui__result-link').first();
      await result.waitFor({ timeout: 15_000 });
      expect(new URL(await result.evaluate((link) => (link as HTMLAnchorElement).href)).pathname).toMatch(/^\/endpoints\/nic\/(network-card|interfaces)\//); // both chapter-1 lessons teach the loopback
      expect(problems.failedRequests, 'search assets that failed to load').toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the course outline', () => {
  it('lists all eight chapters on the home page, linking those with pages and marking the rest coming soon', async () => {
    const withPages = new Set(pages.map(({ path }) => path.split('/')[0]).filter((folder) => chapters.some((chapter) => chapter.slug === folder)));
    const context = await newSiteContext(browser);
    const page = await context.newPage();
    try {
      await visit(page, siteUrl);
      const rows = page.locator('.course-outline > li');
      expect(await rows.count()).toBe(chapters.length);
      for (const [index, chapter] of chapters.entries()) {
        const row = rows.nth(index);
        expect(await row.textContent()).toContain(chapter.title);
        expect(await row.locator('a').count(), `${chapter.slug}: a link only when the chapter has pages`).toBe(withPages.has(chapter.slug) ? 1 : 0);
        expect(await row.locator('.coming-soon').count(), `${chapter.slug}: "coming soon" only when it has none`).toBe(withPages.has(chapter.slug) ? 0 : 1);
      }
      await visit(page, siteUrl, 'nic/network-card/'); // the home page is a splash page, without a sidebar
      const sidebarGroups = await page.locator('nav[aria-label="Main"] details summary').allTextContents();
      const chapterGroups = sidebarGroups.map((text) => text.trim()).filter((text) => /^\d+\. /.test(text));
      expect(chapterGroups, 'the sidebar shows exactly the chapters that have pages, in order').toEqual(
        chapters.flatMap((chapter, index) => (withPages.has(chapter.slug) ? [`${index + 1}. ${chapter.title}`] : [])),
      );
    } finally {
      await context.close();
    }
  });
});

describe('keyboard navigation', () => {
  it('reaches the skip link first, and the main navigation by Tab', async () => {
    const context = await newSiteContext(browser);
    const page = await context.newPage();
    try {
      await visit(page, siteUrl, 'nic/network-card/');
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), href: document.activeElement?.getAttribute('href') }));
      expect(first).toEqual({ text: 'Skip to content', href: '#_top' });

      let reachedSidebar = false;
      for (let presses = 0; presses < 40 && !reachedSidebar; presses++) {
        await page.keyboard.press('Tab');
        reachedSidebar = await page.evaluate(() => Boolean(document.activeElement?.closest('nav[aria-label="Main"]')));
      }
      expect(reachedSidebar, 'Tab never reached a link of the main (sidebar) navigation').toBe(true);
    } finally {
      await context.close();
    }
  });

  it('moves focus into the content when the skip link is followed', async () => {
    const context = await newSiteContext(browser);
    const page = await context.newPage();
    try {
      await visit(page, siteUrl, 'nic/network-card/');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      // Following the link is a navigation: wait for it rather than reading the URL at once.
      await page.waitForURL(/#_top$/);
      expect(new URL(page.url()).hash).toBe('#_top');
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
      expect(inMain, 'after the skip link, the next Tab should land inside <main>').toBe(true);
    } finally {
      await context.close();
    }
  });
});
