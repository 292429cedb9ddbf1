/**
 * Issue 9's hostile suite for runs, in Chromium against the built site: a program that tries to forge a pass
 * (through netsim's objects, or by faking its own listeners), one that poisons the shared classes for the
 * runs after it, and programs that go past a run's limits. Each asserts the safe outcome, the sentence the
 * learner reads, and that the page answers a click on another tab within 1 s afterwards.
 * (tests/runner/hostile.test.ts and tests/netsim/integrity.test.ts hold the same attacks in Node.)
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clickAnswerMs, launchChromium, visit } from './browser';
import { ECHO_SERVER, ECHO_SERVER_SOLUTION, FIRST_CLIENT, freshPage, openEditor, pasteProgram, runAndWait, runnerWorkers, type LessonExercise } from './exercise-page';

const siteUrl = inject('siteUrl');

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** One lesson open in its own context, the editor ready. */
interface Lesson {
  context: BrowserContext;
  page: Page;
  root: string;
}

async function openLesson(exercise: LessonExercise): Promise<Lesson> {
  const { context, page } = await freshPage(browser);
  await visit(page, siteUrl, exercise.lesson);
  await openEditor(page, exercise.root);
  return { context, page, root: exercise.root };
}

/** Pastes `source`, runs it, and returns the status line, the console, and which checks passed. */
async function run(lesson: Lesson, source: string): Promise<{ status: string; console: string; failed: number; passed: number }> {
  const { page, root } = lesson;
  await pasteProgram(page, root, source);
  const status = await runAndWait(page, root, 'shortcut');
  const results = page.locator(`${root} [data-results]`);
  return {
    status,
    console: (await results.locator('.exercise-console').textContent().catch(() => '')) ?? '',
    failed: await page.locator(`${root} .exercise-check.is-failed`).count(),
    passed: await page.locator(`${root} .exercise-check.is-passed`).count(),
  };
}

/** The page answers a click on the network panel's packets tab within 1 s. */
async function expectClickAnswered(lesson: Lesson, label: string): Promise<void> {
  expect(await clickAnswerMs(lesson.page, `${lesson.root} [role="tab"][data-tab="packets"]`, label)).toBeLessThan(1000);
}

const ALL_PASSED = /^All \d+ checks passed/;

describe('a program cannot forge a pass', () => {
  let lesson: Lesson;
  beforeAll(async () => {
    lesson = await openLesson(ECHO_SERVER);
  });
  afterAll(async () => {
    await lesson?.context.close();
  });

  it("walks every object it can reach from Node's modules, its sockets and globalThis, and finds none of netsim's internals", async () => {
    const { status, console, failed } = await run(
      lesson,
      `import net from 'node:net';
import dgram from 'node:dgram';
import stream from 'node:stream';
import events from 'node:events';
const server = net.createServer().listen(7);
const socket = net.connect(7, '127.0.0.1');
const udp = dgram.createSocket('udp4');
const seen = new Set<unknown>();
const pending: unknown[] = [net, dgram, stream, events, process, console, server, socket, udp, globalThis];
const names = new Set<string>();
while (pending.length > 0 && seen.size < 30000) {
  const value = pending.pop();
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
  seen.add(value);
  try {
    const name = (value as any).constructor?.name;
    if (typeof name === 'string') names.add(name);
    pending.push(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value as object)) {
      const d = Reflect.getOwnPropertyDescriptor(value as object, key);
      if (!d) continue;
      if ('value' in d) pending.push(d.value);
      else { pending.push(d.get, d.set); try { pending.push(Reflect.get(value as object, key)); } catch {} }
    }
  } catch {}
}
const internals = ['Stack', 'Recorder', 'TraceStore', 'Clock', 'FaceContext', 'TcpSocket', 'UdpSocket', 'TcpHandle', 'ProcessCore', 'PortTable', 'Hold', 'ConsoleLog'].filter((n) => names.has(n));
console.log('walked ' + (seen.size > 500 ? 'many' : 'few') + ' objects; internals reached: ' + (internals.length === 0 ? 'none' : internals.join(', ')));
server.close(); socket.destroy(); udp.close();`,
    );
    expect(console).toContain('walked many objects; internals reached: none');
    // The server closed at once: no client found it, and the verdict says so.
    expect(status).not.toMatch(ALL_PASSED);
    expect(failed).toBeGreaterThan(0);
    await expectClickAnswered(lesson, 'hostile runs: after the object walk');
  });

  it("a client that fakes its 'error' listeners still dies of the reset, and the check says it was not handled", async () => {
    const client = await openLesson(FIRST_CLIENT);
    try {
      const { status, page, root } = { ...(await run(client, `import net from 'node:net';
const socket = net.connect(80, 'web', () => socket.write('HELLO ada\\n'));
// Claims listeners it does not have: netsim decides from its own record, not from the socket's answers.
(socket as any).listenerCount = () => 5;
(socket as any).listeners = () => [() => undefined];
socket.on('data', (chunk) => console.log(chunk.toString()));`)), page: client.page, root: client.root };
      expect(status).toMatch(/stopped with an error/);
      expect(status).toContain('ECONNRESET');
      const check = page.locator(`${root} .exercise-check`, { hasText: /error/i }).filter({ hasText: /reset/i }).first();
      await expect(check.getAttribute('class')).resolves.toContain('is-failed');
      await expectClickAnswered(client, 'hostile runs: after a faked error listener');
    } finally {
      await client.context.close();
    }
  });
});

describe('a program cannot poison the runs after it', () => {
  let lesson: Lesson;
  beforeAll(async () => {
    lesson = await openLesson(ECHO_SERVER);
  });
  afterAll(async () => {
    await lesson?.context.close();
  });

  it('patches to the shared classes and intrinsics are refused; its own net.Socket is its own; the next run of the reference solution passes', async () => {
    const { console, status } = await run(
      lesson,
      `import net from 'node:net';
import stream from 'node:stream';
import events from 'node:events';
import { Buffer } from 'node:buffer';
const tries: Record<string, () => void> = {
  'net.Socket.prototype.write': () => { (net.Socket.prototype as any).write = () => false; },
  'stream.Duplex.prototype.write': () => { (stream.Duplex.prototype as any).write = () => false; },
  'stream.Readable.prototype.push': () => { (stream.Readable.prototype as any).push = () => false; },
  'events.EventEmitter.prototype.emit': () => { (events.EventEmitter.prototype as any).emit = () => false; },
  'Buffer.prototype.toString': () => { (Buffer.prototype as any).toString = () => 'forged'; },
  'stream.setDefaultHighWaterMark': () => { stream.setDefaultHighWaterMark(false, 1); },
  'Array.prototype.push': () => { (Array.prototype as any).push = () => 0; },
  'Object.prototype.injected': () => { (Object.prototype as any).injected = 1; },
  'JSON.stringify': () => { (JSON as any).stringify = () => '{}'; },
  'Promise.prototype.then': () => { (Promise.prototype as any).then = () => undefined; },
};
for (const [name, attempt] of Object.entries(tries)) {
  try { attempt(); console.log(name + ': changed'); } catch (error) { console.log(name + ': refused'); }
}
// A nested worker that would burn CPU forever, and a timer that would fire in a later run.
try { new (globalThis as any).Worker(URL.createObjectURL(new Blob(['for (;;) {}']))); console.log('worker: started'); } catch { console.log('worker: refused'); }
setTimeout(() => console.log('a timer from the poisoning run'), 10);`,
    );
    // Its own class is its own to patch (as in Node); what every program shares is not.
    expect(console).toContain('net.Socket.prototype.write: changed');
    expect(console).toContain('stream.setDefaultHighWaterMark: changed');
    for (const shared of ['stream.Duplex.prototype.write', 'stream.Readable.prototype.push', 'events.EventEmitter.prototype.emit', 'Buffer.prototype.toString', 'Array.prototype.push', 'Object.prototype.injected', 'JSON.stringify', 'Promise.prototype.then']) {
      expect(console).toContain(`${shared}: refused`);
    }
    expect(status).not.toMatch(ALL_PASSED);

    for (const attempt of [1, 2]) {
      const next = await run(lesson, ECHO_SERVER_SOLUTION.join('\n'));
      expect(next.status, `reference solution, run ${attempt} after the poisoning run`).toMatch(ALL_PASSED);
      expect(next.console).not.toContain('a timer from the poisoning run');
    }
    // The realms of the runs before are gone: the last run's (its network is the terminal's) and the spare
    // for the next run are all that is left, workers in the page's one sandbox frame.
    await expect.poll(() => runnerWorkers(lesson.page).length, { timeout: 10_000 }).toBeLessThanOrEqual(2);
    expect(await lesson.page.locator('iframe.exercise-sandbox-frame').count()).toBe(1);
    await expectClickAnswered(lesson, 'hostile runs: after the poisoning run');
  });
});

describe("a run's limits, each in its own words", () => {
  let lesson: Lesson;
  beforeAll(async () => {
    lesson = await openLesson(ECHO_SERVER);
  });
  afterAll(async () => {
    await lesson?.context.close();
  });

  it('100,000 sockets: stopped at 5,000, said so, not "ran too long"', async () => {
    const { status, console } = await run(lesson, "import net from 'node:net';\nfor (let i = 0; i < 100000; i++) net.connect(7, 'web').on('error', () => {});");
    expect(`${status}\n${console}`).toMatch(/opened more than 5,000 sockets; a run may open 5,000/);
    expect(status).not.toMatch(/ran too long|stopped answering/i);
    await expectClickAnswered(lesson, 'hostile runs: after 100,000 sockets');
  });

  it('a 2 GB Buffer: refused with a sentence naming the 64 MiB a Buffer may hold', async () => {
    const { status, console } = await run(lesson, "import { Buffer } from 'node:buffer';\nconst huge = Buffer.alloc(2 * 1024 ** 3);\nconsole.log(huge.length);");
    expect(`${status}\n${console}`).toMatch(/at most 64 MiB/);
    expect(status).not.toMatch(/ran too long|stopped answering/i);
    await expectClickAnswered(lesson, 'hostile runs: after a 2 GB Buffer');
  });

  it('timers without end: the sentence names clearTimeout', async () => {
    const { status, console } = await run(lesson, 'for (let i = 0; i < 50000; i++) setTimeout(() => {}, 60000);');
    expect(`${status}\n${console}`).toMatch(/more than 10,000 timers at once.*clearTimeout/s);
    await expectClickAnswered(lesson, 'hostile runs: after 50,000 timers');
  });
});
