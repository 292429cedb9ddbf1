/**
 * A grading makes several runs (one per seed) and shows the first that fails. The results, the diagram and
 * the terminal must all show that run, not the one before it. The program here is right under the
 * exercise's own seed and wrong under any other (it reads the run's seed, as a driver does), so run 1 passes
 * and run 2 fails: the page must say so and show run 2's network everywhere.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeFindings, describeFindings, launchChromium, saveScreenshot, type Theme } from './browser';
import { ECHO_SERVER as ECHO, openEditor, pasteProgram, runAndWait, withLesson } from './exercise-page';
import { terminalOf } from './terminal-page';
import { gradingSeeds } from '../../src/lib/exercise/seeds';
import { readFileSync } from 'node:fs';

const siteUrl = inject('siteUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Echoes right on port 7 under the exercise's own seed; under any other seed it listens on port 8. */
const seedDependent = (firstSeed: number) => `import net from 'node:net';

const port = process.env.EXERCISE_SEED === '${firstSeed}' ? 7 : 8;
const server = net.createServer((socket) => {
  socket.on('data', (chunk) => socket.write(chunk));
  socket.on('end', () => socket.end());
  socket.on('error', () => undefined);
});
server.listen(port);
`;

describe('a grading whose second run fails', () => {
  const exercise = JSON.parse(readFileSync(new URL('../../src/content/exercises/echo-server/exercise.json', import.meta.url), 'utf8')) as { topology: { seed?: number } };
  const seeds = gradingSeeds(exercise.topology.seed ?? 1);

  for (const [theme, width] of [['light', 1280], ['dark', 390]] as [Theme, number][]) {
    it(`shows run 2 in the results, the diagram and the terminal (${theme}, ${width} px)`, async () => {
      await withLesson(browser, { siteUrl, lesson: ECHO.lesson, theme }, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await openEditor(page, ECHO.root);
        await pasteProgram(page, ECHO.root, seedDependent(seeds[0]!));
        const status = await runAndWait(page, ECHO.root, 'button');
        expect(status).not.toMatch(/^All/);

        // The results: run 2 of 3 failed after run 1 passed, under the second grading seed.
        const note = (await page.locator(`${ECHO.root} .exercise-seeds`).textContent()) ?? '';
        expect(note).toContain(`Run 1 passed, but run 2 of ${seeds.length} failed`);
        expect(note).toContain(`(seed ${seeds[1]})`);
        const checklist = (await page.locator(`${ECHO.root} [data-results]`).innerText()).replace(/\s+/g, ' ');
        expect(checklist).toContain("Your server listens on port 8, but the clients connect to port 7.");

        // The diagram: run 2's server, listening on port 8.
        const doors = await page
          .locator(`${ECHO.root} svg[data-np="live-diagram"] .np-slot[data-kind="door"]`)
          .evaluateAll((groups) => groups.map((group) => group.getAttribute('data-endpoint')));
        expect(doors).toEqual(['0.0.0.0:8']);

        // The terminal: run 2's network, where web listens on 8 and nothing on 7.
        const terminal = terminalOf(page, ECHO.root);
        await terminal.open();
        await terminal.waitForPrompt('laptop');
        await terminal.command('ssh web', 'web');
        const listening = await terminal.command('ss -tln', 'web');
        expect(listening, `ss -tln printed:\n${listening}`).toMatch(/LISTEN\s+\d+\s+\d+\s+0\.0\.0\.0:8\s/);
        expect(listening).not.toMatch(/0\.0\.0\.0:7\s/);

        await page.locator(`${ECHO.root} [role="tab"][data-tab="diagram"]`).click();
        await page.locator(`${ECHO.root} .exercise-seeds`).scrollIntoViewIfNeeded();
        await saveScreenshot(page, `seeded-run-2-failed-${theme}-${width}`);
        const findings = await axeFindings(page);
        expect(findings, describeFindings(findings)).toEqual([]);
      });
    }, 180_000); // a lesson, the editor, three runs, a terminal session and axe: minutes on a loaded machine
  }
});
