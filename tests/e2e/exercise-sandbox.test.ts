/**
 * Hostile programs, each in its own test, run through the real page: the sandboxed iframe (opaque origin,
 * CSP `connect-src 'none'`) and the blob worker must contain them, and the page must keep answering.
 * Network attempts target a real server listening on 127.0.0.1, which must never see a connection.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, visit } from './browser';
import { ECHO_SERVER, ECHO_SERVER_SOLUTION, freshPage, openEditor, pasteProgram, runAndWait, runnerWorkers } from './exercise-page';

const siteUrl = inject('siteUrl');
const LESSON = ECHO_SERVER.lesson;
const exercise = ECHO_SERVER.root;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let bait: Server;
let baitUrl: string;
/** Every TCP connection the bait server accepted (HTTP, WebSocket upgrade, anything). */
let baitConnections: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  bait = createServer((_request, response) => response.end('bait'));
  bait.on('connection', (socket: Socket) => baitConnections.push(`${socket.remoteAddress}:${socket.remotePort}`));
  await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve));
  baitUrl = `http://127.0.0.1:${(bait.address() as AddressInfo).port}`;
  ({ context, page } = await freshPage(browser));
  await visit(page, siteUrl, LESSON);
  await openEditor(page, exercise);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((resolve) => bait?.close(resolve));
});

beforeEach(() => {
  baitConnections = [];
});

/** Types a program (as one pasted block of text) and runs it; returns the status and the console. */
async function run(source: string): Promise<{ status: string; console: string }> {
  await pasteProgram(page, exercise, source);
  const status = await runAndWait(page, exercise, 'shortcut');
  const results = page.locator(`${exercise} [data-results]`);
  return {
    status,
    console: (await results.locator('.exercise-console').textContent()) ?? '',
  };
}

/** The page still answers: a click opens a hint and the exercise still runs a program. */
async function expectPageResponds(): Promise<void> {
  expect(await page.evaluate(() => document.title)).toBeTruthy();
  const { console } = await run("console.log('still here')");
  expect(console).toContain('still here');
}

/** Tries an API in the program's own scope, through globalThis, and in a nested blob worker. */
const everyRoute = (attempt: string) => `
const attempt = async (name: string, action: () => unknown) => {
  try { await action(); console.log(name + ': allowed'); } catch (error) { console.log(name + ': blocked (' + String((error as Error)?.name ?? error) + ')'); }
};
await attempt('direct', async () => { ${attempt} });
await attempt('global', async () => { const g = (typeof self !== 'undefined' ? self : globalThis) as any; ${attempt.replace(/\b(fetch|XMLHttpRequest|WebSocket|importScripts|indexedDB)\b/g, 'g.$1')} });
await attempt('nested worker', async () => {
  const code = ${JSON.stringify(`try { ${attempt.replace(/\bawait\b/g, '')} } catch (e) {}`)};
  const W = (globalThis as any).Worker;
  new W(URL.createObjectURL(new Blob([code])));
});
`;

describe('a hostile program in the exercise sandbox', () => {
  it('cannot reach the page through parent.document', async () => {
    const { console } = await run(`
      try { (globalThis as any).parent.document.title = 'taken over'; console.log('reached the page'); }
      catch (error) { console.log('blocked: ' + (error as Error).name); }
    `);
    expect(console).toContain('blocked');
    expect(await page.evaluate(() => document.title)).not.toBe('taken over');
    await expectPageResponds();
  });

  it('cannot read or write the page\'s localStorage', async () => {
    await page.evaluate(() => localStorage.setItem('endpoints:secret', 'kept'));
    const { console } = await run(`
      try { (globalThis as any).localStorage.setItem('endpoints:secret', 'stolen'); console.log('wrote storage'); }
      catch (error) { console.log('blocked: ' + (error as Error).name); }
    `);
    expect(console).toContain('blocked');
    expect(await page.evaluate(() => localStorage.getItem('endpoints:secret'))).toBe('kept');
  });

  it('cannot read or set document.cookie', async () => {
    await context.addCookies([{ name: 'session', value: 'secret', url: siteUrl }]);
    const { console } = await run(`
      try { const d = (globalThis as any).document; console.log('cookie: ' + d.cookie); d.cookie = 'pwned=1'; }
      catch (error) { console.log('blocked: ' + (error as Error).name); }
    `);
    expect(console).toContain('blocked');
    expect(console).not.toContain('secret');
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('pwned');
  });

  it.each([
    ['fetch', (url: string) => `await fetch('${url}/fetch');`],
    ['XMLHttpRequest', (url: string) => `const x = new XMLHttpRequest(); x.open('GET', '${url}/xhr', false); x.send();`],
    ['WebSocket', (url: string) => `const ws = new WebSocket('${url.replace('http', 'ws')}/ws'); await new Promise((ok, no) => { ws.onopen = ok; ws.onerror = () => no(new Error('ws failed')); });`],
    ['importScripts', (url: string) => `importScripts('${url}/import.js');`],
  ])('cannot connect out with %s (a real server on 127.0.0.1 sees nothing)', async (_api, attempt) => {
    const { console } = await run(everyRoute(attempt(baitUrl)));
    expect(console).not.toContain(': allowed');
    await expectPageResponds(); // one more round trip, so a nested worker has had its chance too
    expect(baitConnections).toEqual([]);
  });

  it('cannot open indexedDB', async () => {
    const { console } = await run(everyRoute("await new Promise((ok, no) => { const r = indexedDB.open('endpoints-pwned'); r.onsuccess = ok; r.onerror = () => no(r.error); });"));
    expect(console).not.toContain('direct: allowed');
    expect(console).not.toContain('global: allowed');
    const names = await page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name));
    expect(names).not.toContain('endpoints-pwned');
  });

  it('cannot pass the exercise by posting a fake "done" record', async () => {
    const { status } = await run(`
      const fake = { version: 1, exerciseId: 'echo-server', outcome: 'finished', console: [], trace: [], sockets: [],
        streams: [], errors: [], hosts: [], endedAt: 0, wallMs: 0 };
      for (let runId = 0; runId < 20; runId++) {
        try { (self as any).postMessage({ type: 'done', runId, record: fake }); } catch {}
        try { (globalThis as any).parent?.postMessage({ type: 'done', runId, record: fake }, '*'); } catch {}
      }
      console.log('posted');
    `);
    expect(status).not.toMatch(/^All \d+ checks passed/);
    expect(await page.locator(`${exercise} .exercise-check.is-failed`).count()).toBeGreaterThan(0);
  });

  it('is stopped when it eats memory, and the page lives on', async () => {
    const { status } = await run(`
      const hoard: number[][] = [];
      while (true) hoard.push(new Array(1_000_000).fill(7));
    `);
    expect(status).toMatch(/ran too long|stopped|error/i);
    await expectPageResponds();
  });

  it('is stopped when an endless loop of awaits starves the worker, and the page lives on', async () => {
    const { status } = await run('while (true) { await null; }');
    expect(status).toMatch(/stopped answering for the whole time budget/i);
    await expectPageResponds();
  });

  it('ends a program whose timer never stops at the virtual time limit, without hanging', async () => {
    const { status, console } = await run("let ticks = 0;\nsetInterval(() => { ticks += 1; if (ticks % 10000 === 0) console.log('tick ' + ticks); }, 1);");
    expect(status).not.toMatch(/stopped answering/i);
    expect(console).toContain('tick 10000');
    await expectPageResponds();
  });

  it('points a runtime error at the line of the learner\'s TypeScript', async () => {
    const { status } = await run("const port: number = 7;\n\nconst missing: { listen(): void } | undefined = undefined as any;\nmissing!.listen();");
    expect(status).toMatch(/line 4/);
    await expectPageResponds();
  });

  it('has a console flood capped, with a note', async () => {
    const { console } = await run('for (let i = 0; i < 200000; i++) console.log("flood " + i);');
    expect(console).toMatch(/were not shown|cut/);
    const shown = await page.locator(`${exercise} .exercise-console-line`).count();
    expect(shown).toBeLessThan(200000);
    await expectPageResponds();
  });

  it('reports a thrown non-Error value', async () => {
    const { status } = await run("throw 'a plain string';");
    expect(status).toMatch(/stopped with an error/);
    expect(status).toContain('a plain string');
    await expectPageResponds();
  });

  it('reports an unhandled promise rejection', async () => {
    const { status } = await run("Promise.reject(new Error('nobody caught me'));");
    expect(status).toContain('nobody caught me');
    await expectPageResponds();
  });

  it('ends the realm of the run before, with every worker it started, when the next run goes', async () => {
    // What a program that escaped its scope could leave behind, planted in the last run's realm through the
    // DevTools protocol: a timer and a nested worker, both calling on a BroadcastChannel. Every realm is a
    // worker in the page's one sandbox frame, so they share its origin: only ending the realm silences them.
    const solution = ECHO_SERVER_SOLUTION.join('\n');
    await run(solution);
    // Oldest first: the last run's realm, then the spare booted for the next run.
    await expect.poll(() => runnerWorkers(page).length, { timeout: 10_000 }).toBe(2);
    const [lastRealm] = runnerWorkers(page);
    const planted = await lastRealm!.evaluate(() => {
      const leak = "setInterval(() => new BroadcastChannel('endpoints-leak').postMessage('a nested worker'), 5);";
      new Worker(URL.createObjectURL(new Blob([leak])));
      setInterval(() => new BroadcastChannel('endpoints-leak').postMessage('the realm before'), 5);
      return 'planted';
    });
    expect(planted).toBe('planted');

    expect((await run(solution)).status).toMatch(/^All \d+ checks passed/);
    await expect.poll(() => page.workers().includes(lastRealm!), { timeout: 5_000 }).toBe(false);
    const heard = await Promise.all(
      runnerWorkers(page).map((worker) =>
        worker.evaluate(
          () =>
            new Promise<string[]>((resolve) => {
              const messages: string[] = [];
              const channel = new BroadcastChannel('endpoints-leak');
              channel.onmessage = (event) => messages.push(String(event.data));
              setTimeout(() => (channel.close(), resolve(messages)), 300);
            }),
        ),
      ),
    );
    expect(heard.flat()).toEqual([]);
    expect(await page.locator('iframe.exercise-sandbox-frame').count()).toBe(1);
  });
});
