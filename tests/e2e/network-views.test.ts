/**
 * The network views (diagram, packets, terminal) in the echo-server exercise, after the learner's passing
 * run: the packet list filtered to one connection, its rows numbered in the list shown, and xterm loaded
 * only when the terminal is first opened, which a keyboard user leaves with Escape then Tab; the sample the
 * diagram is warmed with, drawn and gone as the views appear, and not drawn when they appear in a run.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newSiteContext, visit } from './browser';
import { ECHO_SERVER, ECHO_SERVER_SOLUTION, openEditor, pasteProgram, runAndWait, startRun, typeProgram, waitForResults, withLesson } from './exercise-page';

const siteUrl = inject('siteUrl');
const panel = `${ECHO_SERVER.root} [data-network-panel]`;
const rows = `${panel} [data-np="packet-rows"] [role="row"]`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function passingRun(page: Page): Promise<void> {
  await openEditor(page, ECHO_SERVER.root);
  await typeProgram(page, ECHO_SERVER.root, ECHO_SERVER_SOLUTION);
  expect(await runAndWait(page, ECHO_SERVER.root, 'button')).toMatch(/^All \d+ checks passed/);
}

describe('the packet list', () => {
  it('shows only the chosen connection’s packets when filtered, numbered from 1, handshake first', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO_SERVER.lesson }, async ({ page }) => {
      await passingRun(page);
      await page.getByRole('tab', { name: 'Packets' }).click();
      const filter = page.locator(`${panel} [data-np="filter"]`);
      const options = await filter.locator('option').allTextContents();
      const all = Number(/^All packets \((\d+)\)$/.exec(options[0]!)![1]);
      expect(await page.locator(`${panel} [data-np="packet-table"]`).getAttribute('aria-rowcount')).toBe(String(all + 1));
      const tcp = options.filter((option) => option.startsWith('TCP 10.0.0.10:'));
      // One connection per client of the echo driver (four).
      expect(tcp, `options were ${options.join(' | ')}`).toHaveLength(4);

      await filter.selectOption({ label: tcp[1]! });
      const shown = await page.locator(rows).evaluateAll((elements) =>
        elements.map((row) => ({ packet: (row as HTMLElement).dataset.packet, number: row.querySelector('.np-row-button')?.textContent })),
      );
      // The list is virtual: it draws the rows in view, and says how many there are.
      const count = Number(/\((\d+)\)$/.exec(tcp[1]!)![1]);
      await expect.poll(() => page.locator(`${panel} [data-np="packet-table"]`).getAttribute('aria-rowcount')).toBe(String(count + 1));
      expect(shown.length).toBeGreaterThan(3);
      expect(shown.length).toBeLessThanOrEqual(count);
      expect(shown.slice(0, 3)).toEqual([
        { packet: 'syn', number: '1' },
        { packet: 'syn-ack', number: '2' },
        { packet: 'ack', number: '3' },
      ]);
      expect(shown.map((row) => row.packet)).not.toContain('arp');
    });
  });
});

describe('the diagram', () => {
  it('draws a hidden sample picture once before the first run (fonts and code ready), and leaves nothing of it behind', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO_SERVER.lesson }, async ({ page }) => {
      // Watches the diagram's frame from before the panel mounts: what was added to it and taken away.
      await page.evaluate(() => {
        const seen: { added: string[]; removed: number } = { added: [], removed: 0 };
        (window as unknown as { __sample: typeof seen }).__sample = seen;
        new MutationObserver((records) => {
          for (const record of records) {
            if (!(record.target instanceof Element) || !record.target.matches('.np-diagram-frame')) continue;
            for (const node of record.addedNodes) if (node instanceof HTMLElement) seen.added.push(node.querySelector('svg')?.textContent ?? '');
            seen.removed += [...record.removedNodes].filter((node) => node instanceof HTMLElement).length;
          }
        }).observe(document.body, { childList: true, subtree: true });
      });
      await openEditor(page, ECHO_SERVER.root);
      const sample = () => page.evaluate(() => (window as unknown as { __sample: { added: string[]; removed: number } }).__sample);
      await expect.poll(async () => (await sample()).removed, { timeout: 10_000 }).toBe(1);
      const { added } = await sample();
      // One picture of a whole network (hosts, cards, a connection), drawn off screen, then gone.
      expect(added).toHaveLength(1);
      expect(added[0]).toMatch(/web.*eth0 10\.0\.0\.2\/24.*LISTEN.*ESTABLISHED/s);
      const frame = page.locator(`${panel} [data-np="live-diagram"]`).locator('..');
      expect(await frame.evaluate((element) => element.children.length)).toBe(1);
      await expect.poll(() => frame.locator('svg').textContent()).toContain('Run the program to see its network.');
      // The learner's first picture is the run's own.
      await typeProgram(page, ECHO_SERVER.root, ECHO_SERVER_SOLUTION);
      expect(await runAndWait(page, ECHO_SERVER.root, 'button')).toMatch(/^All \d+ checks passed/);
      await expect.poll(() => frame.locator('svg [data-host]').evaluateAll((hosts) => hosts.map((host) => host.getAttribute('data-host')).sort())).toEqual(['laptop', 'web']);
      expect(await frame.evaluate((element) => element.children.length)).toBe(1);
    });
  });

  it('draws and removes the sample within a few frames of the views appearing, on a page that is never idle (so never in a first run)', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO_SERVER.lesson }, async ({ page }) => {
      // Counts frames, and notes the frame in which the views appear and the sample comes and goes. Tasks of
      // 20 ms, one after the other (posted messages: timers are spaced out), leave the page no idle moment (as a
      // first run's, waiting on the runner, do not) until the sample is gone, or for 4 s.
      await page.evaluate(() => {
        const seen: { frames: number; shown?: number; added?: number; removed?: number } = { frames: 0 };
        (window as unknown as { __sample: typeof seen }).__sample = seen;
        const countFrames = () => {
          seen.frames++;
          if (seen.removed === undefined) requestAnimationFrame(countFrames);
        };
        requestAnimationFrame(countFrames);
        new MutationObserver((records) => {
          for (const record of records) {
            if (record.type === 'attributes' && record.target instanceof HTMLElement && record.target.matches('[data-network]') && !record.target.hidden) seen.shown ??= seen.frames;
            if (!(record.target instanceof Element) || !record.target.matches('.np-diagram-frame')) continue;
            if ([...record.addedNodes].some((node) => node instanceof HTMLElement)) seen.added ??= seen.frames;
            if ([...record.removedNodes].some((node) => node instanceof HTMLElement)) seen.removed ??= seen.frames;
          }
        }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
        const busyUntil = performance.now() + 4000;
        const next = new MessageChannel();
        next.port1.onmessage = () => {
          const end = performance.now() + 20;
          while (performance.now() < end) {
            // busy, as a page never idle
          }
          if (seen.removed === undefined && performance.now() < busyUntil) next.port2.postMessage(0);
        };
        next.port2.postMessage(0);
      });
      await openEditor(page, ECHO_SERVER.root);
      const sample = () => page.evaluate(() => (window as unknown as { __sample: { frames: number; shown?: number; added?: number; removed?: number } }).__sample);
      await expect.poll(async () => (await sample()).removed !== undefined, { timeout: 10_000 }).toBe(true);
      const { shown, added, removed } = await sample();
      expect(shown).toBeDefined();
      // Drawn in a task after the frame the views appear in, laid out in the next frame, removed after it.
      expect(added! - shown!, `views shown in frame ${shown}, sample added in ${added}, removed in ${removed}`).toBeLessThanOrEqual(3);
      expect(removed! - added!, `views shown in frame ${shown}, sample added in ${added}, removed in ${removed}`).toBeLessThanOrEqual(3);
    });
  });

  it('draws no sample when the views arrive after a run has begun: that run draws the real picture', async () => {
    // A slow network: the views' code arrives after the learner clicked Run (held here until the run is going).
    const context = await newSiteContext(browser, 'light', { serviceWorkers: 'block' });
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await context.route(/\/_astro\/networkPanel[^/]*\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    try {
      const page = await context.newPage();
      await visit(page, siteUrl, ECHO_SERVER.lesson);
      // What is added to the diagram's frame, and whether the run was going then; when the views appeared.
      await page.evaluate((root) => {
        const seen: { addedInRun: number; added: number; shownInRun?: boolean } = { addedInRun: 0, added: 0 };
        (window as unknown as { __sample: typeof seen }).__sample = seen;
        const inRun = () => document.querySelector(`${root} [data-results]`)?.getAttribute('aria-busy') === 'true';
        new MutationObserver((records) => {
          for (const record of records) {
            if (record.type === 'attributes' && record.target instanceof HTMLElement && record.target.matches('[data-network]') && !record.target.hidden) seen.shownInRun ??= inRun();
            if (!(record.target instanceof Element) || !record.target.matches('.np-diagram-frame')) continue;
            for (const node of record.addedNodes) {
              if (!(node instanceof HTMLElement)) continue;
              seen.added++;
              if (inRun()) seen.addedInRun++;
            }
          }
        }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
      }, ECHO_SERVER.root);
      await openEditor(page, ECHO_SERVER.root);
      // The echo server, after holding its worker for a second: the run lasts long enough for the views to
      // arrive in it.
      const source = ["import net from 'node:net';", 'const end = performance.now() + 1000;', 'while (performance.now() < end) {}', ...ECHO_SERVER_SOLUTION.slice(1)];
      await pasteProgram(page, ECHO_SERVER.root, source.join('\n'));
      await startRun(page, ECHO_SERVER.root, 'button');
      await page.waitForFunction((root) => document.querySelector(`${root} [data-results]`)?.getAttribute('aria-busy') === 'true', ECHO_SERVER.root);
      release();
      await page.locator(`${panel} [data-np="live-diagram"]`).waitFor({ state: 'attached' });
      expect(await waitForResults(page, ECHO_SERVER.root)).toMatch(/^All \d+ checks passed/);
      const seen = await page.evaluate(() => (window as unknown as { __sample: { addedInRun: number; added: number; shownInRun?: boolean } }).__sample);
      // The views came during the run (else this proves nothing), and nothing was drawn for a warm-up then or after.
      expect(seen).toEqual({ shownInRun: true, addedInRun: 0, added: 0 });
      const frame = page.locator(`${panel} [data-np="live-diagram"]`).locator('..');
      await expect.poll(() => frame.locator('svg [data-host]').count()).toBeGreaterThan(0);
    } finally {
      release();
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await context.close();
    }
  });
});

describe('the terminal', () => {
  it('loads xterm and its CSS only when opened, and lets a keyboard user leave with Escape then Tab', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO_SERVER.lesson }, async ({ page }) => {
      await passingRun(page);
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
    });
  });
});
