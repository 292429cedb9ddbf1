/**
 * The exercise and the network views together, in a real lesson and through the real sandboxed worker: the
 * learner types a solution, runs it, and then pokes the network the run left behind from the Terminal tab
 * (`nc`, `ss`, `ssh`), and steps through their own connection's handshake in the Packets tab. A new run
 * replaces that network. Nothing here is timed: every wait is for a state of the page or the screen.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { terminalOf } from './terminal-page';
import { ECHO_SERVER as ECHO, ECHO_SERVER_SOLUTION, FIRST_CLIENT as GREETER, openEditor, runAndWait, typeProgram, withLesson } from './exercise-page';

const siteUrl = inject('siteUrl');

/** One statement per line, typed as a learner would (see exercise-page.ts). */
const CLIENT_SOLUTION = [
  "import net from 'node:net';",
  "const socket = net.connect({ host: 'web', port: 80 }, () => socket.write('HELLO ada\\n'));",
  "socket.on('data', (chunk) => console.log(chunk.toString()));",
  "socket.on('error', (err: NodeJS.ErrnoException) => console.log(`the connection failed: ${err.code}`));",
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Presses Run and waits for the graded results; returns the status line. */
const run = (page: Page, root: string) => runAndWait(page, root, 'button');

/** The screen with xterm's wrapping undone (it breaks a row wider than the terminal onto the next). */
const unwrapped = (screen: string) => screen.replace(/\n/g, '');

/** laptop's ports of the TCP connections to web:7 in an `ss -tan` listing. */
const laptopPortsTo7 = (listing: string) => [...listing.matchAll(/10\.0\.0\.10:(\d+)\s+10\.0\.0\.2:7\b/g)].map((match) => match[1]!);

describe('the echo-server exercise and the terminal', () => {
  it('passes, then the terminal on laptop reaches the learner’s server; a new run replaces the network', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO.lesson }, async ({ page, problems }) => {
      await openEditor(page, ECHO.root);
      await typeProgram(page, ECHO.root, ECHO_SERVER_SOLUTION);
      expect(await run(page, ECHO.root)).toMatch(/^All \d+ checks passed/);

      // The lesson says "open the Terminal tab: you are on laptop".
      const terminal = terminalOf(page, ECHO.root);
      await terminal.open();
      await terminal.waitForPrompt('laptop');

      await terminal.type('nc web 7\r');
      await terminal.type('bonjour\r');
      // Typed once, echoed once by the learner's server.
      await terminal.waitForText('bonjour', 2);
      await terminal.interrupt();
      await terminal.waitForPrompt('laptop');

      // nc closed first, so laptop's end of that connection waits in TIME-WAIT, as the driver's four
      // clients' ends do (TIME-WAIT lasts 60 s). Like Linux's ss, `ss -tn` hides TIME-WAIT; `-a` shows it.
      expect(laptopPortsTo7(await terminal.command('ss -tn', 'laptop'))).toEqual([]);
      const ssLaptop = await terminal.command('ss -tan', 'laptop');
      const portsBefore = laptopPortsTo7(ssLaptop);
      expect(portsBefore, `ss -tan printed:\n${ssLaptop}`).toHaveLength(5);
      expect(ssLaptop.split('\n').filter((row) => row.includes('10.0.0.2:7')).every((row) => row.startsWith('TIME-WAIT'))).toBe(true);

      // On web, the learner's server is still listening, on every address, owned by its process. The server
      // runs as root (the exercise says so), so the learner's own ss cannot see its process; sudo can.
      await terminal.command('ssh web', 'web');
      const ssWeb = await terminal.command('sudo ss -tlnp', 'web');
      expect(unwrapped(ssWeb), `sudo ss -tlnp printed:\n${ssWeb}`).toMatch(/LISTEN\s+0\s+\d+\s+0\.0\.0\.0:7\s+0\.0\.0\.0:\*\s*users:\(\("node",pid=\d+,fd=\d+\)\)/);
      await terminal.command('exit', 'laptop');

      // Another run: a fresh network, in which the terminal's nc connection never happened.
      expect(await run(page, ECHO.root)).toMatch(/^All \d+ checks passed/);
      await terminal.open();
      await terminal.waitForText('new network');
      await terminal.waitForPrompt('laptop');
      const ssAfterRun = await terminal.command('ss -tan', 'laptop');
      // The same seed gives the driver's four clients the same ports again; nc's connection is gone.
      const portsAfter = laptopPortsTo7(ssAfterRun);
      expect(portsAfter, `ss -tan printed:\n${ssAfterRun}`).toHaveLength(4);
      expect(portsBefore).toEqual(expect.arrayContaining(portsAfter));

      // Reset takes the running network down at once: the terminal says so, the diagram empties.
      await page.locator(`${ECHO.root} [data-action="reset"]`).click();
      await terminal.open();
      await terminal.waitForText('The exercise was reset');
      // Running the starter: it listens nowhere, and neither does the new network.
      expect(await run(page, ECHO.root)).not.toMatch(/^All \d+ checks passed/);
      await terminal.open();
      await terminal.waitForPrompt('laptop');
      await terminal.command('ssh web', 'web');
      const ssAfterReset = await terminal.command('ss -tln', 'web');
      expect(unwrapped(ssAfterReset)).not.toMatch(/:7\s/);
      expect(unwrapped(await terminal.command('nc -zv web 7', 'web'))).toContain('port 7 (tcp) failed: Connection refused');

      expect(problems.pageErrors).toEqual([]);
    });
  });
});

describe('the first-client exercise and the terminal', () => {
  it('passes, then nc from laptop reaches the greeter on web:80, which answers and resets as it did for the learner', async () => {
    await withLesson(browser, { siteUrl, lesson: GREETER.lesson }, async ({ page, problems }) => {
      await openEditor(page, GREETER.root);
      // Before any run the terminal has no network to be on, and says so.
      const terminal = terminalOf(page, GREETER.root);
      await terminal.open();
      await terminal.waitForText('No network yet: run your program');

      await typeProgram(page, GREETER.root, CLIENT_SOLUTION);
      expect(await run(page, GREETER.root)).toMatch(/^All \d+ checks passed/);
      await terminal.open();
      await terminal.waitForPrompt('laptop');
      await terminal.type('nc web 80\r');
      await terminal.type('HELLO grace\r');
      await terminal.waitForText('WELCOME grace, you are 10.0.0.10:');
      // The greeter hangs up with a reset: nc ends by itself, back at the prompt.
      await terminal.waitForPrompt('laptop');

      await terminal.command('ssh web', 'web');
      // The greeter runs as root: the learner's own ss shows its socket but not its process; sudo shows both.
      const ssWeb = await terminal.command('ss -tlnp', 'web');
      expect(unwrapped(ssWeb), ssWeb).toMatch(/0\.0\.0\.0:80\s+0\.0\.0\.0:\*/);
      expect(ssWeb).not.toContain('greeter');
      const sudoSsWeb = await terminal.command('sudo ss -tlnp', 'web');
      expect(unwrapped(sudoSsWeb), sudoSsWeb).toMatch(/0\.0\.0\.0:80\s+0\.0\.0\.0:\*\s*users:\(\("greeter",pid=\d+,fd=\d+\)\)/);
      expect(problems.pageErrors).toEqual([]);
    });
  });
});

describe('the Packets view inside the exercise', () => {
  it('steps through the handshake of a connection to the learner’s server, each packet lit on the diagram', async () => {
    await withLesson(browser, { siteUrl, lesson: ECHO.lesson }, async ({ page }) => {
      await openEditor(page, ECHO.root);
      await typeProgram(page, ECHO.root, ECHO_SERVER_SOLUTION);
      expect(await run(page, ECHO.root)).toMatch(/^All \d+ checks passed/);

      const panel = `${ECHO.root} [data-network-panel]`;
      await page.locator(`${panel} [role="tab"][data-tab="packets"]`).click();
      const filter = page.locator(`${panel} [data-np="filter"]`);
      const options = await filter.locator('option').allTextContents();
      const connection = options.find((option) => /^TCP 10\.0\.0\.10:\d+ .*10\.0\.0\.2:7/.test(option));
      expect(connection, `connections offered: ${options.join(' | ')}`).toBeDefined();
      await filter.selectOption({ label: connection! });
      await page.locator(`${panel} [data-panel="packets"]`).focus();

      const trace = `${panel} svg[data-np="trace-diagram"]`;
      const seen: { packet: string | null; onDiagram: string | null; litSlots: number; litWire: number }[] = [];
      for (let step = 0; step < 3; step++) {
        await page.keyboard.press('ArrowRight');
        seen.push({
          packet: await page.locator(`${panel} [data-np="packet-rows"] [role="row"][aria-current="true"]`).getAttribute('data-packet'),
          onDiagram: await page.locator(`${trace} .np-packet`).getAttribute('data-packet'),
          litSlots: await page.locator(`${trace} .np-slot.is-highlighted`).count(),
          litWire: await page.locator(`${trace} .np-wire.is-highlighted`).count(),
        });
      }
      expect(seen).toEqual([
        { packet: 'syn', onDiagram: 'SYN', litSlots: 2, litWire: 1 },
        { packet: 'syn-ack', onDiagram: 'SYN-ACK', litSlots: 2, litWire: 1 },
        { packet: 'ack', onDiagram: 'ACK', litSlots: 2, litWire: 1 },
      ]);
      await expect(page.locator(`${panel} [data-np="status"]`).innerText()).resolves.toMatch(/^Packet 3 of \d+: ACK from 10\.0\.0\.10:\d+ to 10\.0\.0\.2:7/);
    });
  });
});
