/**
 * An exercise's terminal, driven from the keyboard as a learner drives it; its screen is read row by row
 * from xterm's DOM. Shared by the browser tests that look at a run's network from the Terminal tab.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** The exercise's terminal, driven from the keyboard; its screen is read row by row from xterm's DOM. */
export function terminalOf(page: Page, root: string) {
  const rows = page.locator(`${root} [data-np="terminal"] .xterm-rows > div`);
  /** The rows that show something, in order. */
  const shown = async () =>
    (await rows.allTextContents()).map((row) => row.replace(/\u00a0/g, ' ').trimEnd()).filter((row) => row.trim() !== '');
  const anyPrompt = /^learner@[a-z0-9-]+:~\$$/;
  const prompt = (host: string) => new RegExp(`^learner@${host}:~\\$$`);
  return {
    async open(): Promise<void> {
      await page.locator(`${root} [role="tab"][data-tab="terminal"]`).click();
      await page.locator(`${root} [data-np="terminal"] .xterm`).waitFor();
      await page.locator(`${root} [data-np="terminal"] textarea`).focus();
    },
    /** The screen as text, one line per row (a row wider than the terminal wraps onto the next). */
    async screen(): Promise<string> {
      return (await shown()).join('\n');
    },
    /** Waits until the screen ends with a bare prompt on `host`. */
    async waitForPrompt(host: string): Promise<void> {
      await expect.poll(async () => (await shown()).at(-1) ?? '', { timeout: 15_000 }).toMatch(prompt(host));
    },
    /**
     * Clears the screen, runs one command line, and waits for the prompt that follows it (on `hostAfter`:
     * `ssh web` moves it). Returns the rows printed between the command line and that prompt.
     */
    async command(line: string, hostAfter: string): Promise<string> {
      await page.keyboard.type('clear\r');
      await expect.poll(async () => (await shown()).join('\n'), { timeout: 15_000 }).toMatch(anyPrompt);
      await page.keyboard.type(`${line}\r`);
      await expect
        .poll(async () => {
          const screen = await shown();
          return screen.length >= 2 && prompt(hostAfter).test(screen.at(-1)!);
        }, { timeout: 15_000 })
        .toBe(true);
      return (await shown()).slice(1, -1).join('\n');
    },
    /** Types text, e.g. a line for a running `nc` (`\r` is Enter). */
    async type(keys: string): Promise<void> {
      await page.keyboard.type(keys);
    },
    async interrupt(): Promise<void> {
      await page.keyboard.press('Control+C');
    },
    /** Waits until `text` shows on the screen at least `times` times (typed text echoes once, a reply shows it again). */
    async waitForText(text: string, times = 1): Promise<void> {
      await expect.poll(async () => (await shown()).join('\n').split(text).length - 1, { timeout: 15_000 }).toBeGreaterThanOrEqual(times);
    },
  };
}
