/**
 * The network views on their test page (src/pages/dev/network-views.astro): a real netsim network runs in
 * the page (an echo server on web:7, a client on laptop that sends "hello"), with an in-page RunnerLink.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeFindings, describeFindings, launchChromium, newSiteContext, saveScreenshot, visit, watchProblems, type Theme } from './browser';

const siteUrl = inject('siteUrl');
const TEST_PAGE = 'dev/network-views/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openTestPage(theme: Theme): Promise<{ context: BrowserContext; page: Page; problems: ReturnType<typeof watchProblems> }> {
  const context = await newSiteContext(browser, theme);
  const page = await context.newPage();
  const problems = watchProblems(page);
  await visit(page, siteUrl, TEST_PAGE);
  await page.waitForSelector('#demo-network[data-runs="1"]');
  return { context, page, problems };
}

const panel = '#demo-network';
const currentRow = `${panel} [data-np="packet-rows"] tr[aria-current="true"]`;
const traceDiagram = `${panel} svg[data-np="trace-diagram"]`;

describe('the live diagram', () => {
  it('draws the echo server’s door with its program and port, and the connection labelled by both end-points', async () => {
    const { context, page, problems } = await openTestPage('light');
    const doors = await page.locator(`${panel} svg[data-np="live-diagram"] .np-door`).allTextContents();
    expect(doors.some((text) => text.includes('node') && text.includes('tcp :7'))).toBe(true);
    expect(doors.some((text) => text.includes('udp :53'))).toBe(true);
    const connection = await page.locator(`${panel} svg[data-np="live-diagram"] .np-wire`).first().getAttribute('data-connection');
    expect(connection).toMatch(/^10\.0\.0\.10:\d+ ↔ 10\.0\.0\.2:7$/);
    // Its text alternative: the socket table, with the listening socket in it.
    const table = await page.locator(`${panel} [data-np="socket-rows"]`).innerText();
    expect(table).toMatch(/web\s+tcp\s+LISTEN\s+0\.0\.0\.0:7\s+0\.0\.0\.0:\*/);
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  });
});

describe('the packet trace', () => {
  it('steps through the handshake, SYN then SYN-ACK then ACK, each travelling on the diagram between its end-points', async () => {
    const { context, page } = await openTestPage('light');
    await page.getByRole('tab', { name: 'Packets' }).click();
    // The trace starts with ARP questions; the connection filter leaves the TCP connection alone.
    const filter = page.locator(`${panel} [data-np="filter"]`);
    const tcp = (await filter.locator('option').allTextContents()).find((option) => option.startsWith('TCP '));
    await filter.selectOption({ label: tcp! });
    await page.locator(`${panel} [data-panel="packets"]`).focus();

    const seen: { packet: string | null; onDiagram: string | null; litSlots: number; litWire: number }[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('ArrowRight');
      seen.push({
        packet: await page.locator(currentRow).getAttribute('data-packet'),
        onDiagram: await page.locator(`${traceDiagram} .np-packet`).getAttribute('data-packet'),
        litSlots: await page.locator(`${traceDiagram} .np-slot.is-highlighted`).count(),
        litWire: await page.locator(`${traceDiagram} .np-wire.is-highlighted`).count(),
      });
    }
    expect(seen).toEqual([
      { packet: 'syn', onDiagram: 'SYN', litSlots: 2, litWire: 1 },
      { packet: 'syn-ack', onDiagram: 'SYN-ACK', litSlots: 2, litWire: 1 },
      { packet: 'ack', onDiagram: 'ACK', litSlots: 2, litWire: 1 },
    ]);
    // ← goes back, and the Previous button does the same.
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator(currentRow).getAttribute('data-packet')).toBe('syn-ack');
    await page.getByRole('button', { name: '◀ Previous' }).click();
    expect(await page.locator(currentRow).getAttribute('data-packet')).toBe('syn');
    await expect(page.locator(`${panel} [data-np="status"]`).innerText()).resolves.toMatch(/^Packet 1 of \d+: SYN from 10\.0\.0\.10:\d+ to 10\.0\.0\.2:7/);
    await context.close();
  });

  it('shows only the chosen connection’s packets when filtered', async () => {
    const { context, page } = await openTestPage('light');
    await page.getByRole('tab', { name: 'Packets' }).click();
    const options = await page.locator(`${panel} [data-np="filter"] option`).allTextContents();
    const tcp = options.find((option) => option.startsWith('TCP 10.0.0.10:'));
    expect(tcp, `options were ${options.join(' | ')}`).toBeDefined();
    expect(options.some((option) => option.startsWith('UDP 10.0.0.10:'))).toBe(true);
    await page.locator(`${panel} [data-np="filter"]`).selectOption({ label: tcp! });
    const kinds = await page.locator(`${panel} [data-np="packet-rows"] tr`).evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.packet));
    expect(kinds.length).toBe(Number(/\((\d+)\)$/.exec(tcp!)![1]));
    expect(kinds).not.toContain('udp');
    expect(kinds.slice(0, 3)).toEqual(['syn', 'syn-ack', 'ack']);
    await context.close();
  });
});

describe('the terminal', () => {
  it('loads xterm and its CSS only when opened, and lets a keyboard user leave with Escape then Tab', async () => {
    const { context, page } = await openTestPage('light');
    const xtermStyles = () => page.evaluate(() => [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('.xterm'))));
    expect(await xtermStyles()).toBe(false);
    await page.getByRole('tab', { name: 'Terminal' }).click();
    await page.waitForSelector(`${panel} .xterm`);
    expect(await xtermStyles()).toBe(true);
    const input = page.getByRole('textbox', { name: /Terminal on the emulated network/ });
    await input.focus();
    await page.keyboard.press('Tab');
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true); // Tab alone stays (completion)
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(false);
    await context.close();
  });
});

describe('the terminal into the page’s network', () => {
  it('runs nc against the echo server on web:7 and shows the echoed line', async () => {
    const { context, page } = await openTestPage('light');
    await page.getByRole('tab', { name: 'Terminal' }).click();
    const screen = page.locator(`${panel} .xterm-rows`);
    await expect.poll(() => screen.innerText(), { timeout: 10_000 }).toContain('learner@laptop');
    await page.getByRole('textbox', { name: /Terminal on the emulated network/ }).focus();
    await page.keyboard.type('nc web 7\r');
    await page.keyboard.type('bonjour\r');
    // The line goes out, the echo server sends it back, nc prints it: "bonjour" twice on the screen.
    await expect.poll(async () => (await screen.innerText()).match(/bonjour/g)?.length ?? 0, { timeout: 10_000 }).toBe(2);
    await page.keyboard.press('Control+C');
    await expect.poll(async () => (await screen.innerText()).trim().split('\n').at(-1), { timeout: 10_000 }).toMatch(/learner@laptop:~\$/);
    await context.close();
  });
});

describe.each<Theme>(['light', 'dark'])('the three views in the %s theme', (theme) => {
  it('pass axe-core and are screenshotted', async () => {
    const { context, page, problems } = await openTestPage(theme);
    const findings: string[] = [];
    for (const tab of ['Diagram', 'Packets', 'Terminal'] as const) {
      await page.getByRole('tab', { name: tab }).click();
      if (tab === 'Packets') {
        await page.locator(`${panel} [data-panel="packets"]`).focus();
        for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight'); // ARP, SYN, ARP, SYN-ACK
      }
      if (tab === 'Terminal') await expect.poll(() => page.locator(`${panel} .xterm-rows`).innerText()).toContain('learner@laptop');
      const found = await axeFindings(page);
      if (found.length) findings.push(`${tab}:\n${describeFindings(found)}`);
      await page.locator(panel).screenshot({ path: await screenshotPath(page, `network-${tab.toLowerCase()}-${theme}`) });
    }
    expect(findings.join('\n'), 'axe-core found serious or critical problems').toBe('');
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});

/** saveScreenshot takes the whole page; the panel alone is easier to look at. */
async function screenshotPath(page: Page, name: string): Promise<string> {
  const full = await saveScreenshot(page, `${name}-page`);
  return full.replace(/-page\.png$/, '.png');
}
