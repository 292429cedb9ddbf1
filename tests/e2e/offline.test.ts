/**
 * The course offline and across versions, in Chromium against the built site under /endpoints/:
 *   - after one visit (the service worker precaches the site; the page fetches the editor at idle), with the
 *     server gone and the browser offline, a reload shows the lesson, the editor opens, the exercise passes,
 *     the terminal answers, another lesson and search work;
 *   - a new build served at the same address is announced ("A new version is ready"), and after Reload the
 *     learner's draft — even the last keystrokes — and progress are still there;
 *   - the site installs as an app (Chromium's own installability check), and Save-Data stops the fetch-ahead;
 *   - on a weak network the editor takes typing and runs before TypeScript's language service has arrived.
 * Each test serves its own copy of the site, so stopping or replacing it touches no other test.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { EDITOR_BUNDLE_FILE, EDITOR_CACHE, writeServiceWorker, type EditorBundleManifest } from '../../src/lib/offline/service-worker-build';
import { chromiumArgs, locateChromium } from '../../scripts/machine/chromium';
import { realMachine } from '../../scripts/machine/machine';
import { artifactsDir, axeFindings, describeFindings, launchChromium, newSiteContext, saveScreenshot, visit } from './browser';
import { ECHO_SERVER, ECHO_SERVER_SOLUTION, editorText, focusEditor, openEditor, runAndWait, typeProgram } from './exercise-page';
import { serveStatic, type StaticSite } from './static-server';

const distDir = inject('distDir');
const siteUrl = inject('siteUrl');
const basePath = inject('basePath');
const exercise = ECHO_SERVER.root;

let browser: Browser;
let editorFiles: readonly string[];
beforeAll(async () => {
  browser = await launchChromium();
  editorFiles = (JSON.parse(await readFile(join(distDir, EDITOR_BUNDLE_FILE), 'utf8')) as EditorBundleManifest).files;
});
afterAll(async () => {
  await browser?.close();
});

/** A site served for one test (like GitHub Pages: gzip, caching headers), and a fresh browser context. */
async function withOwnSite(use: (site: StaticSite, context: BrowserContext, page: Page) => Promise<void>): Promise<void> {
  const site = await serveStatic(distDir, basePath, { likeGitHubPages: true });
  const context = await newSiteContext(browser);
  try {
    await use(site, context, await context.newPage());
  } finally {
    await context.close();
    await site.close().catch(() => undefined); // the offline test has closed it already
  }
}

/** Waits until the service worker controls the page and holds every editor file (the page fetches them at idle). */
async function waitUntilOfflineReady(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await page.locator('html[data-editor-ahead="done"]').waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForFunction(
    async ({ cacheName, count }) => (await (await caches.open(cacheName)).keys()).length >= count,
    { cacheName: EDITOR_CACHE, count: editorFiles.length },
    { timeout: 60_000, polling: 500 },
  );
}

/** In the exercise's terminal (on laptop), talks to the learner's echo server with nc; resolves once it echoed. */
async function echoFromTerminal(page: Page, line: string): Promise<void> {
  await page.locator(`${exercise} [role="tab"][data-tab="terminal"]`).click();
  await page.locator(`${exercise} [data-np="terminal"] .xterm`).waitFor();
  await page.locator(`${exercise} [data-np="terminal"] textarea`).focus();
  await page.keyboard.type(`nc web 7\r${line}\r`);
  const rows = page.locator(`${exercise} [data-np="terminal"] .xterm-rows > div`);
  // Typed once, echoed once by the learner's server.
  await expect.poll(async () => (await rows.allTextContents()).join('\n').split(line).length - 1, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Control+C');
}

/** The run's network views: the diagram with its socket table, and the packet list, each showing the run. */
async function seeTheViews(page: Page): Promise<void> {
  const panel = `${exercise} [data-network-panel]`;
  await page.locator(`${panel} [role="tab"][data-tab="diagram"]`).click();
  await expect.poll(() => page.locator(`${panel} [data-np="socket-rows"] tr`).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(() => page.locator(`${panel} [data-np="live-diagram"] *`).count()).toBeGreaterThan(0);
  await page.locator(`${panel} [role="tab"][data-tab="packets"]`).click();
  await expect.poll(() => page.locator(`${panel} [data-np="packet-rows"] [role="row"]`).count(), { timeout: 15_000 }).toBeGreaterThan(0);
}

describe('the course offline', () => {
  it('after one visit, works with the network gone: lesson, editor, a passing run, the terminal, other pages, search', { timeout: 180_000 }, async () => {
    await withOwnSite(async (site, context, page) => {
      await visit(page, site.url, ECHO_SERVER.lesson);
      await waitUntilOfflineReady(page);

      // The next page fetches none of the editor's files ahead again: the service worker keeps them.
      const fetchedAgain: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'fetch' && editorFiles.some((file) => request.url().endsWith(file))) fetchedAgain.push(request.url());
      });
      await page.reload({ waitUntil: 'load' });
      await page.locator('html[data-editor-ahead="done"]').waitFor({ state: 'attached', timeout: 60_000 });
      expect(fetchedAgain).toEqual([]);

      await site.close();
      await context.setOffline(true);
      await page.reload({ waitUntil: 'load' });
      await page.locator(exercise).waitFor();

      await openEditor(page, exercise);
      await typeProgram(page, exercise, ECHO_SERVER_SOLUTION);
      expect(await runAndWait(page, exercise, 'button')).toMatch(/^All \d+ checks passed/);
      await echoFromTerminal(page, 'hello offline');
      await seeTheViews(page);
      await saveScreenshot(page, 'offline-exercise-passed');

      // Another lesson, never opened before: its playground's network and terminal, then search over the
      // precached index.
      await page.locator('a[href$="/nic/network-card/"]').first().click();
      await page.waitForURL(/\/nic\/network-card\/$/);
      await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
      await page.getByRole('button', { name: 'Open the terminal' }).click();
      const playgroundRows = page.locator('[data-playground] [data-np="terminal"] .xterm-rows > div');
      await expect.poll(async () => (await playgroundRows.allTextContents()).join('\n'), { timeout: 15_000 }).toMatch(/learner@laptop:~\$/);
      await page.keyboard.type('ip addr\r');
      await expect.poll(async () => (await playgroundRows.allTextContents()).join('\n'), { timeout: 15_000 }).toMatch(/inet 127\.0\.0\.1\/8/);
      // Out of the terminal (it keeps Ctrl+K for itself), then search.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Control+K');
      await page.keyboard.type('loopback');
      await page.locator('dialog .pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    });
  });

  it('caches no editor file up front: the precache leaves them to the first load (or the fetch at idle)', async () => {
    const serviceWorker = await readFile(join(distDir, 'sw.js'), 'utf8');
    expect(editorFiles.some((file) => /editor\.api/.test(file)), `Monaco's chunk is among ${editorFiles.join(', ')}`).toBe(true);
    expect(editorFiles.some((file) => /ts\.worker/.test(file))).toBe(true);
    for (const file of editorFiles) expect(serviceWorker, `${file} precached`).not.toContain(`"${file}"`);
    for (const page of ['ports/echo-server/index.html', 'pagefind/pagefind.js', 'manifest.webmanifest']) {
      expect(serviceWorker, `${page} not precached`).toContain(`"${page}"`);
    }
  });
});

/** The notice in both themes on a laptop and a phone: axe finds nothing, and a screenshot of each. */
async function lookAtTheNotice(page: Page): Promise<void> {
  const laptop = page.viewportSize()!;
  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  for (const viewport of [{ name: 'laptop', width: 1280, height: 800 }, { name: 'phone', width: 390, height: 844 }]) {
    for (const shown of ['light', 'dark'] as const) {
      await page.setViewportSize(viewport);
      await page.evaluate((name) => (document.documentElement.dataset.theme = name), shown);
      // axeFindings first waits for Expressive Code to make a block that now scrolls focusable (browser.ts).
      const findings = await axeFindings(page);
      expect(findings, `${viewport.name}, ${shown}: ${describeFindings(findings)}`).toEqual([]);
      await mkdir(artifactsDir, { recursive: true });
      // The window as the learner sees it: the notice is fixed to its bottom.
      await page.screenshot({ path: join(artifactsDir, `offline-update-notice-${viewport.name}-${shown}.png`) });
    }
  }
  await page.setViewportSize(laptop);
  await page.evaluate((name) => (document.documentElement.dataset.theme = name ?? 'light'), theme);
}

/**
 * In another tab of the same browser (the same new version waits), a keyboard learner goes from the lesson
 * into the notice and chooses Later: the notice goes and the focus is back where it was, not on <body>.
 */
async function laterGivesFocusBack(context: BrowserContext, siteUrl: string): Promise<void> {
  const other = await context.newPage();
  try {
    await visit(other, siteUrl, ECHO_SERVER.lesson);
    const notice = other.locator('[data-update-notice]');
    await notice.waitFor({ timeout: 30_000 });
    const before = other.locator(`${exercise} [data-action="activate"]`);
    await before.focus();
    // The notice is last in the page: Tab from the lesson's last control reaches it; here its Later button
    // is focused from the lesson's button, as a Tab would move it.
    await notice.getByRole('button', { name: 'Later' }).focus();
    await other.keyboard.press('Enter');
    await expect.poll(() => notice.count()).toBe(0);
    const focused = await other.evaluate((selector) => {
      const active = document.activeElement;
      return { onBody: active === document.body, back: active === document.querySelector(`${selector} [data-action="activate"]`) };
    }, exercise);
    expect(focused, 'Later puts the focus back on the button it came from').toEqual({ onBody: false, back: true });
  } finally {
    await other.close();
  }
}

describe('a new version of the course', () => {
  it('is announced, and after Reload the draft (to the last keystroke) and the progress are still there', { timeout: 360_000 }, async () => {
    // Four axe runs and four screenshots, besides copying the site and a graded run: six minutes on a loaded machine.
    const next = await mkdtemp(join(tmpdir(), 'endpoints-next-build-'));
    try {
      // The next deploy: the same site with a lesson changed, and its service worker written again by the
      // build's own step (what `astro build` runs last), so its precache list differs.
      await cp(distDir, next, { recursive: true });
      const lessonFile = join(next, 'ports/echo-server/index.html');
      await writeFile(lessonFile, (await readFile(lessonFile, 'utf8')).replace('<main', '<main data-next-build'));
      const entry = (JSON.parse(await readFile(join(distDir, EDITOR_BUNDLE_FILE), 'utf8')) as EditorBundleManifest).entry;
      await writeServiceWorker(next, basePath, entry);

      await withOwnSite(async (site, context, page) => {
        await visit(page, site.url, ECHO_SERVER.lesson);
        await waitUntilOfflineReady(page);
        await openEditor(page, exercise);
        await typeProgram(page, exercise, ECHO_SERVER_SOLUTION);
        expect(await runAndWait(page, exercise, 'button')).toMatch(/^All \d+ checks passed/);
        await focusEditor(page, exercise);
        await page.keyboard.press('ControlOrMeta+End');
        await page.keyboard.insertText('\n// my notes before the update');

        site.serveFrom(next);
        // What the page does every hour (and the browser on every navigation): ask for a new service worker.
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
        const notice = page.locator('[data-update-notice]');
        await notice.waitFor({ timeout: 30_000 });
        await expect.poll(() => notice.textContent()).toContain('A new version is ready');
        expect(await page.locator('main[data-next-build]').count(), 'the page still shows the version it loaded').toBe(0);
        await lookAtTheNotice(page);
        await laterGivesFocusBack(context, site.url);

        // Typed just before Reload: the editor saves drafts after a pause, and at once when the page goes.
        await focusEditor(page, exercise);
        await page.keyboard.press('ControlOrMeta+End');
        await page.keyboard.insertText(' and one more');
        await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);

        await page.locator('main[data-next-build]').waitFor();
        expect(await page.locator('[data-update-notice]').count(), 'no notice once the new version runs').toBe(0);
        await expect(page.locator(`${exercise} [data-passed-badge]`).isVisible()).resolves.toBe(true);
        await openEditor(page, exercise);
        expect(await editorText(page, exercise)).toContain('// my notes before the update and one more');
      });
    } finally {
      await rm(next, { recursive: true, force: true });
    }
  });
});

describe('the course as an app', () => {
  it('passes Chromium’s installability check, with icons drawn from the logo', async () => {
    // Chromium never offers to install from an incognito profile, which is what a plain context is.
    const profile = await mkdtemp(join(tmpdir(), 'endpoints-profile-'));
    const site = await serveStatic(distDir, basePath, { likeGitHubPages: true });
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: locateChromium(realMachine()).path,
      args: [...chromiumArgs],
      headless: true,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await visit(page, site.url, ECHO_SERVER.lesson);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
      const manifest = await cdp.send('Page.getAppManifest');
      expect(manifest.url).toBe(new URL('manifest.webmanifest', site.url).href);
      const parsed = JSON.parse(manifest.data ?? '{}') as { icons: { src: string }[] };
      for (const icon of parsed.icons) {
        const response = await page.request.get(new URL(icon.src, manifest.url).href);
        expect([response.status(), response.headers()['content-type']]).toEqual([200, 'image/png']);
      }
    } finally {
      await context.close();
      await site.close();
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('fetches nothing of the editor ahead when the browser asks to save data', async () => {
    await withOwnSite(async (site, context, page) => {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
      const requested: string[] = [];
      context.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await visit(page, site.url, ECHO_SERVER.lesson);
      await page.locator('html[data-editor-ahead="skipped"]').waitFor({ state: 'attached', timeout: 30_000 });
      expect(await page.evaluate(() => (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData)).toBe(true);
      const editor = requested.filter((path) => editorFiles.some((file) => path.endsWith(file)));
      expect(editor, 'editor files fetched ahead despite Save-Data').toEqual([]);
    });
  });
});

describe('the editor on a weak network', () => {
  it('takes typing and a passing run before TypeScript’s language service arrives; its diagnostics follow', { timeout: 120_000 }, async () => {
    // No service worker: the language service's file is held back here, as a slow network would.
    const context = await newSiteContext(browser, 'light', { serviceWorkers: 'block' });
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held: string[] = [];
    await context.route(/\/_astro\/ts\.worker[^/]*\.js$/, async (route) => {
      held.push(route.request().url());
      await released;
      await route.continue();
    });
    try {
      const page = await context.newPage();
      await visit(page, siteUrl, ECHO_SERVER.lesson);
      await openEditor(page, exercise);
      const squiggles = page.locator(`${exercise} .monaco-editor .squiggly-error`);
      const results = page.locator(`${exercise} [data-results]`);
      await typeProgram(page, exercise, [...ECHO_SERVER_SOLUTION, "const port: number = 'seven';"]);
      expect(await runAndWait(page, exercise, 'button')).toMatch(/^All \d+ checks passed/);
      // The page asked for the language service, and has it not: nothing is underlined yet.
      await expect.poll(() => held.length, { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await squiggles.count()).toBe(0);

      release();
      await expect.poll(() => squiggles.count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await expect.poll(() => results.innerText(), { timeout: 30_000 }).toContain("Type 'string' is not assignable to type 'number'.");
    } finally {
      release();
      await context.close();
    }
  });
});
