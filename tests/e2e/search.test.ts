import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { axeFindings, describeFindings, launchChromium, newSiteContext, saveScreenshot, visit, watchProblems, type Theme } from './browser';

const siteUrl = inject('siteUrl');
const basePath = inject('basePath');

const LESSON = 'ports/echo-server/';
const searchButton = 'button[data-search-open]';
const searchInput = 'dialog input.pagefind-ui__search-input';
const resultLink = 'dialog .pagefind-ui__result-link';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Is this response (part of) Pagefind's UI or search engine? Judged by name and, for scripts, by content. */
async function isPagefind(response: Response): Promise<boolean> {
  const url = new URL(response.url()).pathname;
  if (/pagefind|ui-core|search-ui/i.test(url)) return true;
  if (response.request().resourceType() !== 'script') return false;
  const body = await response.text().catch(() => '');
  return body.includes('pagefind-ui__search-input');
}

/** Records every Pagefind file the page fetches, from now on. */
function watchPagefind(page: Page): { fetched(): Promise<string[]> } {
  const seen: Promise<string | null>[] = [];
  page.on('response', (response) => seen.push(isPagefind(response).then((yes) => (yes ? new URL(response.url()).pathname : null))));
  return { fetched: async () => (await Promise.all(seen)).filter((url): url is string => url !== null) };
}

/** Resolves once the page's main thread has had an idle period (when Starlight used to preload its search UI). */
function pageIdle(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5_000 })));
}

const activeElement = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return {
      inSearchInput: element?.matches('dialog input.pagefind-ui__search-input') ?? false,
      onSearchButton: element?.matches('button[data-search-open]') ?? false,
      isResultLink: element?.matches('dialog .pagefind-ui__result-link') ?? false,
      onLoadingStatus: element?.matches('dialog [role="status"]') ?? false,
    };
  });

const dialogOpen = (page: Page) => page.locator('dialog.search-dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open);

describe('search on a lesson page', () => {
  it('fetches no Pagefind code before search is opened, even once the page is idle, and fetches it on opening', async () => {
    const context = await newSiteContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    const pagefind = watchPagefind(page);
    try {
      await visit(page, siteUrl, LESSON);
      await pageIdle(page);
      // Waiting for an absence: long enough for an idle-time preload to have started.
      await page.waitForTimeout(2_000);
      expect(await pagefind.fetched(), 'Pagefind files fetched before the learner opened search').toEqual([]);

      await page.locator(searchButton).click();
      await page.locator(searchInput).waitFor();
      const fetched = await pagefind.fetched();
      expect(fetched.some((url) => /search-ui|ui-core/.test(url)), `the Pagefind UI was not fetched on opening: ${fetched.join(', ')}`).toBe(true);
      expect(problems.consoleErrors, 'console errors').toEqual([]);
      expect(problems.failedRequests, 'failed requests').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says "Loading search…" while the UI loads, and keeps what the learner typed meanwhile', async () => {
    // The UI's chunk is held back below; a service worker would answer from its cache instead.
    const context = await newSiteContext(browser, 'light', { serviceWorkers: 'block' });
    const page = await context.newPage();
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    try {
      await visit(page, siteUrl, LESSON);
      // Hold the UI's chunk back so the loading state can be seen (a slow connection).
      await page.route(/\/_astro\/search-ui[^/]*\.js$/, async (route) => {
        await released;
        await route.continue();
      });
      await page.locator(searchButton).click();
      const status = page.getByRole('dialog', { name: 'Search' }).getByRole('status');
      await status.waitFor();
      expect(await status.textContent()).toBe('Loading search…');
      expect((await activeElement(page)).onLoadingStatus, 'focus is on the status, so a screen reader announces it').toBe(true);
      await page.keyboard.type('loopback');
      release();

      await expect.poll(() => activeElement(page).then((focus) => focus.inSearchInput)).toBe(true);
      expect(await page.locator(searchInput).inputValue()).toBe('loopback');
      await page.locator(resultLink).first().waitFor({ timeout: 15_000 });
      expect(await status.isHidden()).toBe(true);
    } finally {
      release();
      await context.close();
    }
  });

  it('works from the keyboard: Ctrl+K and "/" open it, results link under the base path, Enter follows one, Escape closes it', async () => {
    const context = await newSiteContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    try {
      await visit(page, siteUrl, LESSON);
      await page.keyboard.press('Control+K');
      expect(await dialogOpen(page)).toBe(true);
      expect(await page.getByRole('dialog', { name: 'Search' }).count(), 'the dialog is named "Search"').toBe(1);
      await expect.poll(() => activeElement(page).then((focus) => focus.inSearchInput), { message: 'focus moves into the search box' }).toBe(true);

      await page.keyboard.type('loopback');
      const first = page.locator(resultLink).first();
      await first.waitFor({ timeout: 15_000 });
      const hrefs = await page.locator(resultLink).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
      for (const href of hrefs) expect(new URL(href).pathname, 'every result link is under the base path').toMatch(new RegExp(`^${basePath}`));

      await page.keyboard.press('Escape');
      expect(await dialogOpen(page), 'Escape closes the dialog').toBe(false);
      // The dialog restores focus as it closes; on a busy machine that was seen to land a moment after.
      await expect.poll(() => activeElement(page).then((focus) => focus.onSearchButton), { message: 'focus returns to the Search button' }).toBe(true);

      await page.keyboard.press('/');
      expect(await dialogOpen(page), '"/" opens the dialog').toBe(true);
      await expect.poll(() => activeElement(page).then((focus) => focus.inSearchInput)).toBe(true);
      await page.keyboard.type('loopback');
      await first.waitFor({ timeout: 15_000 });
      // Tab from the search box to the first result, as a keyboard user would.
      for (let presses = 0; presses < 6 && !(await activeElement(page)).isResultLink; presses++) await page.keyboard.press('Tab');
      expect((await activeElement(page)).isResultLink, 'Tab reaches a result link').toBe(true);
      const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
      // Both chapter-1 lessons teach the loopback.
      expect(new URL(target).pathname).toMatch(new RegExp(`^${basePath}nic/(network-card|interfaces)/`));
      await Promise.all([page.waitForURL(target), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).pathname).toBe(new URL(target).pathname);
      expect(problems.consoleErrors, 'console errors').toEqual([]);
      // The page arrived at the result; a request for that same document cut off on the way (a second start of
      // the same navigation, as a loaded machine showed now and then) is no failure of the page.
      const arrived = `GET ${target}: net::ERR_ABORTED`;
      expect(problems.failedRequests.filter((failed) => failed !== arrived), 'failed requests').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('closes with its Cancel button, returning focus to the Search button', async () => {
    const context = await newSiteContext(browser);
    const page = await context.newPage();
    try {
      await visit(page, siteUrl, LESSON);
      await page.locator(searchButton).click();
      await expect.poll(() => activeElement(page).then((focus) => focus.inSearchInput)).toBe(true);
      await page.getByRole('dialog', { name: 'Search' }).getByRole('button', { name: 'Cancel' }).click();
      expect(await dialogOpen(page)).toBe(false);
      await expect.poll(() => activeElement(page).then((focus) => focus.onSearchButton), { message: 'focus returns to the Search button' }).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe.each<Theme>(['light', 'dark'])('the open search dialog in the %s theme', (theme) => {
  it('has no serious or critical axe finding, with results shown', async () => {
    const context = await newSiteContext(browser, theme);
    const page = await context.newPage();
    try {
      await visit(page, siteUrl, LESSON);
      await page.locator(searchButton).click();
      await expect.poll(() => activeElement(page).then((focus) => focus.inSearchInput)).toBe(true);
      await page.keyboard.type('loopback');
      await page.locator(resultLink).first().waitFor({ timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      const findings = await axeFindings(page, 'serious');
      expect(findings, `axe found serious or critical problems with search open (${theme}):\n${describeFindings(findings)}`).toEqual([]);
      await saveScreenshot(page, `search-dialog-${theme}`);
    } finally {
      await context.close();
    }
  });
});
