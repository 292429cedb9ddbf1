import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { chromiumArgs, locateChromium } from '../../scripts/machine/chromium';
import { realMachine } from '../../scripts/machine/machine';

export const artifactsDir = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));

/** Chromium as the one finder locates it (scripts/machine/chromium.ts), with the flags these machines need. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: locateChromium(realMachine()).path, args: [...chromiumArgs], headless: true });
}

export type Theme = 'light' | 'dark';

/**
 * A fresh context (no stored theme, no progress) in the given colour scheme. One per test file. The site's
 * service worker runs as for a learner unless `serviceWorkers: 'block'` (a test that intercepts requests with
 * `page.route` needs it: what the service worker answers never reaches the route).
 */
export function newSiteContext(browser: Browser, theme: Theme = 'light', options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<BrowserContext> {
  return browser.newContext({
    colorScheme: theme,
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
}

/** What went wrong while a page loaded: console errors, uncaught exceptions, failed or 4xx/5xx requests. */
export interface PageProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
}

/** Starts recording a page's problems; read them after navigating. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? 'failed';
    // A fetch still on its way when the page navigates is cut off (the editor fetched ahead at idle, for one):
    // the page left, nothing failed. A fetch that fails for a reason says another error, or a 4xx/5xx status.
    if (error === 'net::ERR_ABORTED' && request.resourceType() === 'fetch') return;
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${error}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

/** Loads `path` (relative to the site URL, e.g. `nic/network-card/`) and waits until the network is idle. */
export async function visit(page: Page, siteUrl: string, path = ''): Promise<void> {
  const response = await page.goto(new URL(path, siteUrl).href, { waitUntil: 'networkidle' });
  if (!response?.ok()) throw new Error(`GET ${path || '/'} answered ${response?.status() ?? 'nothing'}`);
}

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeFinding {
  readonly rule: string;
  readonly impact: Impact;
  readonly help: string;
  readonly targets: string[];
}

/** Runs axe-core (WCAG 2.1 A and AA) on the page and returns the findings at or above `atLeast`. */
export async function axeFindings(page: Page, atLeast: Impact = 'serious'): Promise<AxeFinding[]> {
  await codeBlocksSettled(page);
  const order: Impact[] = ['minor', 'moderate', 'serious', 'critical'];
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => order.indexOf(violation.impact ?? 'minor') >= order.indexOf(atLeast))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'minor',
      help: violation.help,
      targets: violation.nodes.map((node) => `${node.target.join(' ')}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
    }));
}

/**
 * Expressive Code makes a code block that overflows keyboard-focusable from its script, a quarter second and an
 * idle callback after it sees the overflow: axe run before then finds a scrollable region no key reaches (on a
 * loaded machine it did), also after a change of viewport or theme. Waits for that state; a block still not
 * focusable after 10 s is left for axe to report.
 */
async function codeBlocksSettled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('.expressive-code pre')].every(
          // One not shown (in a closed <details>) waits until it is; so does Expressive Code.
          (pre) => !pre.checkVisibility() || pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
        ),
      undefined,
      { timeout: 10_000, polling: 100 },
    )
    .catch(() => undefined);
}

/** One readable paragraph per finding, for an assertion message. */
export function describeFindings(findings: readonly AxeFinding[]): string {
  return findings
    .map((finding) => `[${finding.impact}] ${finding.rule}: ${finding.help}\n${finding.targets.map((target) => `    at ${target}`).join('\n')}`)
    .join('\n');
}

/** Whether full-page screenshots are wanted: `ENDPOINTS_E2E_SCREENSHOTS=1` (to look at the pages; no test compares them). */
export const fullPageScreenshots = process.env.ENDPOINTS_E2E_SCREENSHOTS === '1';

/**
 * Saves a full-page screenshot as test-results/e2e/<name>.png when ENDPOINTS_E2E_SCREENSHOTS=1, for a person to
 * look at; otherwise takes none (a long page's costs about as much as an axe scan, and nothing reads it).
 * Returns where it went, or undefined.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string | undefined> {
  if (!fullPageScreenshots) return undefined;
  await mkdir(artifactsDir, { recursive: true });
  const path = `${artifactsDir}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A way to see a page: a viewport and a colour scheme. */
export interface Look {
  readonly name: 'laptop' | 'phone';
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

/** Both themes on a laptop (1280 px) and on a phone (390 px): what each island and page is checked in. */
export const LOOKS: readonly Look[] = [
  { name: 'laptop', width: 1280, height: 900, theme: 'light' },
  { name: 'laptop', width: 1280, height: 900, theme: 'dark' },
  { name: 'phone', width: 390, height: 844, theme: 'light' },
  { name: 'phone', width: 390, height: 844, theme: 'dark' },
];

/**
 * Shows the page as `look` without reloading it (what is on it stays: an open editor, a finished run): the
 * viewport, then the system colour scheme. Starlight follows the system while the learner has not picked a
 * theme (a fresh context), and Monaco and the terminal follow Starlight's `<html data-theme>`: waits until it
 * has switched, and fails if it does not.
 */
export async function showAs(page: Page, look: Look): Promise<void> {
  await page.setViewportSize({ width: look.width, height: look.height });
  await switchTheme(page, look.theme);
}

/** Switches the system colour scheme under the page and waits until the page has followed (see `showAs`). */
export async function switchTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, theme, { timeout: 10_000 }).catch(() => {
    throw new Error(`the page did not switch to the ${theme} theme when the system did (Starlight follows the system until a theme is picked)`);
  });
}

/**
 * How long the page takes to answer a real click on `target`: from the moment the press reached the page
 * (the event's own time stamp, so time spent waiting behind busy work counts) until the frame after its
 * handlers, measured in the page as the Event Timing API does. Printed with `label`, with the wall time the
 * whole click took from here (which adds the protocol's round trips). A frozen page never answers: the
 * wait for it fails.
 */
export async function clickAnswerMs(page: Page, target: string | Locator, label: string): Promise<number> {
  const locator = typeof target === 'string' ? page.locator(target) : target;
  await locator.scrollIntoViewIfNeeded({ timeout: 10_000 });
  const box = await locator.boundingBox({ timeout: 10_000 });
  if (!box) throw new Error(`${label}: nothing to click`);
  type Probe = { clickAnswer?: Promise<number> };
  await page.evaluate(() => {
    (window as Probe).clickAnswer = new Promise<number>((resolve) => {
      addEventListener(
        'pointerdown',
        (event) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - event.timeStamp))),
        { once: true, capture: true },
      );
    });
  });
  const started = performance.now();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const ms = await page.evaluate(() => (window as Probe).clickAnswer!);
  const wall = performance.now() - started;
  console.log(`[responsiveness] ${label}: the page answered a click in ${ms.toFixed(0)} ms (${wall.toFixed(0)} ms from the test)`);
  return ms;
}
