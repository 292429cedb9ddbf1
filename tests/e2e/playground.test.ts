/**
 * <Playground /> on the NIC lesson: nothing of the network, the shell or xterm loads until "Open the
 * terminal"; then a shell on laptop answers `ip addr` and `curl`, the box passes axe in both themes, and a
 * keyboard user can reach the button and leave the terminal.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, axeFindings, describeFindings, launchChromium, newSiteContext, saveScreenshot, switchTheme, visit, watchProblems } from './browser';
import { pageLoads } from './link-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const basePath = inject('basePath');
const LESSON = 'nic/network-card/';
const root = '[data-playground]';

/**
 * Text only the lazy parts contain: netsim's TCP states and errno names, the shell's prompt user and curl's
 * User-Agent, xterm's input element. Checked below to be in what the click loads, so the test can fail.
 */
const lazyMarkers: Record<string, RegExp> = {
  netsim: /EADDRINUSE|FIN-WAIT-2/,
  shell: /curl\/7\.88\.1/,
  xterm: /xterm-helper-textarea/,
};
const lazyPartsIn = (code: string) => Object.keys(lazyMarkers).filter((name) => lazyMarkers[name]!.test(code));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Every script the page fetched, with its text. */
function recordScripts(page: Page): Map<string, Promise<string>> {
  const scripts = new Map<string, Promise<string>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.set(response.url(), response.text().catch(() => ''));
  });
  return scripts;
}

async function lazyPartsLoaded(scripts: Map<string, Promise<string>>): Promise<string[]> {
  const found = new Set<string>();
  for (const text of scripts.values()) for (const part of lazyPartsIn(await text)) found.add(part);
  return [...found].sort();
}

/** The terminal's screen, row by row from xterm's DOM, blank rows dropped. */
async function screen(page: Page): Promise<string> {
  const rows = await page.locator(`${root} [data-np="terminal"] .xterm-rows > div`).allTextContents();
  return rows.map((row) => row.replace(/\u00a0/g, ' ').trimEnd()).filter((row) => row.trim() !== '').join('\n');
}

const terminalInput = (page: Page) => page.locator(`${root} [data-np="terminal"] textarea`);
const terminalHasFocus = (page: Page) => terminalInput(page).evaluate((element) => element === document.activeElement);

async function openPlayground(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open the terminal' }).click();
  await expect.poll(() => screen(page), { timeout: 15_000 }).toMatch(/learner@laptop:~\$$/);
}

/** Clears the screen, types a command, waits for the prompt after it; returns the screen (command line first). */
async function command(page: Page, line: string): Promise<string> {
  await page.keyboard.type('clear\r');
  await expect.poll(() => screen(page), { timeout: 15_000 }).toBe('learner@laptop:~$');
  await page.keyboard.type(`${line}\r`);
  await expect
    .poll(async () => (await screen(page)).split('\n'), { timeout: 15_000 })
    .toSatisfy((rows: string[]) => rows.length >= 2 && rows.at(-1) === 'learner@laptop:~$');
  return screen(page);
}

describe('the playground on the NIC lesson', () => {
  it('is in the built page with nothing of netsim, the shell or xterm among what the page loads up front', () => {
    const lesson = pageLoads({ distDir, basePath }).find(({ page }) => page === `${LESSON}index.html`);
    expect(lesson, `${LESSON}index.html was built`).toBeDefined();
    const html = readFileSync(join(distDir, LESSON, 'index.html'), 'utf8');
    expect(html).toContain('data-playground');
    const upFront = lesson!.scripts.flatMap((file) => lazyPartsIn(readFileSync(join(distDir, file), 'utf8')).map((part) => `${part} in ${file}`));
    expect(upFront).toEqual([]);
  });

  it('loads them on the click: the terminal opens on laptop, focused, and answers ip addr and curl', async () => {
    const context = await newSiteContext(browser, 'light');
    const page = await context.newPage();
    const problems = watchProblems(page);
    const scripts = recordScripts(page);
    try {
      await visit(page, siteUrl, LESSON);
      expect(await lazyPartsLoaded(scripts), 'loaded before the click').toEqual([]);

      await openPlayground(page);
      expect(await lazyPartsLoaded(scripts), 'loaded by the click').toEqual(['netsim', 'shell', 'xterm']);
      expect(await terminalHasFocus(page)).toBe(true);

      const addresses = await command(page, 'ip addr');
      expect(addresses).toMatch(/inet 127\.0\.0\.1\/8 scope host lo/);
      expect(addresses).toMatch(/inet 10\.0\.0\.10\/24 /);

      const reply = await command(page, 'curl http://web/');
      expect(reply).toContain('<title>Hello from web</title>');
      expect(reply).toContain('</html>');

      // What curl did shows in the other views too: its connection's packets, and its socket in TIME-WAIT.
      await page.getByRole('tab', { name: 'Diagram' }).click();
      await expect.poll(() => page.locator(`${root} [data-np="socket-rows"]`).innerText()).toMatch(/laptop\s+tcp\s+TIME-WAIT\s+10\.0\.0\.10:\d+\s+10\.0\.0\.2:80/);

      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets a keyboard user reach the button, open with Enter, and leave the terminal with Escape then Tab', async () => {
    const context = await newSiteContext(browser, 'light');
    const page = await context.newPage();
    try {
      await visit(page, siteUrl, LESSON);
      const button = page.getByRole('button', { name: 'Open the terminal' });
      // Tab from the top of the page until the button has the focus (a bounded walk, not a guess).
      let reached = false;
      for (let presses = 0; presses < 200 && !reached; presses++) {
        await page.keyboard.press('Tab');
        reached = await button.evaluate((element) => element === document.activeElement);
      }
      expect(reached, 'Tab reaches "Open the terminal"').toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => screen(page), { timeout: 15_000 }).toMatch(/learner@laptop:~\$$/);
      await expect.poll(() => terminalHasFocus(page)).toBe(true);

      await page.keyboard.press('Tab');
      expect(await terminalHasFocus(page), 'Tab alone stays in the terminal (completion)').toBe(true);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      expect(await terminalHasFocus(page), 'Escape then Tab leaves').toBe(false);
    } finally {
      await context.close();
    }
  });
});

describe('the open playground', () => {
  it('has no serious or critical axe findings in either theme, and is screenshotted', async () => {
    const context = await newSiteContext(browser, 'light');
    const page = await context.newPage();
    try {
      await visit(page, siteUrl, LESSON);
      await openPlayground(page);
      await command(page, 'ip addr');
      // The same open terminal in both themes: the system's scheme switches under it, as Starlight and xterm follow.
      for (const theme of ['light', 'dark'] as const) {
        await switchTheme(page, theme);
        const findings = await axeFindings(page, 'serious');
        expect(findings, `${theme}:\n${describeFindings(findings)}`).toEqual([]);
        await saveScreenshot(page, `playground-page-${theme}`);
        await page.locator(root).screenshot({ path: `${artifactsDir}playground-${theme}.png` });
      }
    } finally {
      await context.close();
    }
    // axe twice over a lesson that also holds an exercise: a minute or two on a loaded machine.
  }, 240_000);
});
