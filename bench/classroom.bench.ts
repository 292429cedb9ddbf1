/**
 * A class of 30 on one school Wi-Fi, on old laptops: the exercise page measured in Chromium with the
 * DevTools protocol's network and CPU throttling (bench/throttle.ts), printed, never asserted.
 *
 * For each profile ("Fast 3G", "4× CPU", both):
 *   - lesson page readable: largest contentful paint of a first visit,
 *   - editor usable after "Open the editor": the learner's code shown in an editor that has the focus and takes
 *     keystrokes (the light editor while Monaco loads, or Monaco) —
 *       first visit, clicked as soon as the page has loaded (nothing fetched ahead), and when Monaco is in place,
 *       first visit, clicked after reading the page (what the page fetched while idle is there) and then
 *         the exercise's task, on screen, for 3 s,
 *       repeat visit (the same browser, the page opened again), read the same way,
 *   - first run → graded right after the solution is typed, and later runs,
 *   - a first visit clicked at once, the solution typed and run every 1.5 s while Monaco arrives (and twice
 *     after): the longest tasks of those runs (Monaco must not take over in one),
 *   - the longest main-thread task while runs go (target: none over 50 ms), and in the second after each run
 *     (the network views drawn after the results, the next run's sandbox prepared).
 * Targets: repeat visit editor usable ≤ 400 ms; first visit on Fast 3G ≤ 4 s; first run → graded ≤ 500 ms on
 * 4× CPU.
 *
 * Serves the site the way GitHub Pages does (gzip, max-age=600, ETags) with base /endpoints/. Builds it, or
 * set BENCH_DIST to a site already built with that base. BENCH_BASELINE_REF=<commit> also builds that
 * commit's site and measures it in the same run ("before" beside "after"), the two taking turns round by
 * round so a machine that gets busier or quieter meanwhile weighs on both alike.
 * BENCH_PROFILES picks profiles by name (comma-separated, e.g. "Fast 3G"); BENCH_ROUNDS sets how many rounds
 * each profile runs (3: the median is printed, with the range). The machine's load is printed with each
 * profile: on a shared machine it moves every figure.
 */
import { loadavg } from 'node:os';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/browser';
import { buildSite, e2eBasePath } from '../tests/e2e/site-build';
import { serveStatic } from '../tests/e2e/static-server';
import { baselineSite, type ServedSite } from './baseline-site';
import { fast3g, throttledContext, type Profile } from './throttle';

const LESSON = 'ports/echo-server/';
const EXERCISE = '[data-exercise-id="echo-server"]';
const SOLUTION = [
  "import net from 'node:net';",
  "net.createServer((socket) => { socket.on('data', (chunk) => socket.write(chunk)); }).listen(7);",
].join('\n');
/** The longest a learner is taken to read before opening the editor (enough for what the page fetches at idle). */
const READING_LIMIT_MS = 90_000;
/** How long a learner reads the exercise's task, on screen, before opening the editor. */
const TASK_READING_MS = 3000;
const LATER_RUNS = 3;
/** A learner's pace: from a run's results to the next click (the results read). */
const BETWEEN_RUNS_MS = 1500;

const profiles: Profile[] = [
  { name: 'Fast 3G', network: fast3g },
  { name: '4× CPU', cpuSlowdown: 4 },
  { name: 'Fast 3G + 4× CPU', network: fast3g, cpuSlowdown: 4 },
].filter((profile) => !process.env.BENCH_PROFILES || process.env.BENCH_PROFILES.split(',').map((name) => name.trim()).includes(profile.name));

let browser: Browser;
/** The sites measured: "before" (BENCH_BASELINE_REF) first when there is one, then this checkout. */
const sites: ServedSite[] = [];

beforeAll(async () => {
  if (process.env.BENCH_BASELINE_REF) sites.push(await baselineSite(process.env.BENCH_BASELINE_REF, { likeGitHubPages: true }));
  let dist = process.env.BENCH_DIST;
  if (!dist) {
    dist = '/tmp/endpoints-classroom-dist';
    await buildSite(dist);
  }
  const site = await serveStatic(dist, e2eBasePath, { likeGitHubPages: true });
  sites.push({ label: sites.length > 0 ? 'after (this checkout)' : 'this checkout', url: site.url, close: () => site.close() });
  for (const served of sites) console.log(`${served.label}: served like GitHub Pages at ${served.url}`);
  browser = await launchChromium();
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  for (const served of sites) await served.close();
});

const load = () => loadavg().map((value) => value.toFixed(1)).join(' / ');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');

/** Long tasks are recorded from the first script on, so a run's can be picked out by time. */
const recordLongTasks = () => {
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

async function largestContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = NaN;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) last = entry.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve(last), 200);
      }),
  );
}

/**
 * Clicks "Open the editor"; ms until the learner's code is in an editor that has the focus and takes
 * keystrokes — the light editor (a textarea over the highlighted code, while Monaco loads) or Monaco — and,
 * when `monacoToo`, until Monaco is in place (hover, suggestions; at once when it was here already).
 */
async function openEditor(page: Page, monacoToo = false): Promise<{ usable: number; monaco: number }> {
  return page.evaluate(
    async ({ selector, monacoToo }) => {
      const root = document.querySelector(selector)!;
      const started = performance.now();
      const when = (ready: () => boolean) =>
        new Promise<number>((resolve) => {
          const check = () => (ready() ? resolve(performance.now() - started) : requestAnimationFrame(check));
          requestAnimationFrame(check);
        });
      const monacoShown = () => !!root.querySelector('.monaco-editor .view-lines .view-line');
      const focused = () => {
        const active = document.activeElement;
        if (!active || !root.contains(active)) return false;
        if (active.closest('.monaco-editor')) return monacoShown();
        return active instanceof HTMLTextAreaElement && active.matches('[data-light-editor] textarea') && !active.readOnly;
      };
      (root.querySelector('[data-action="activate"]') as HTMLButtonElement).click();
      const usable = await when(focused);
      const monaco = monacoToo ? await Promise.race([when(monacoShown), new Promise<number>((resolve) => setTimeout(() => resolve(NaN), 120_000))]) : NaN;
      return { usable, monaco };
    },
    { selector: EXERCISE, monacoToo },
  );
}

/** Types the solution over the starter and checks Monaco took it. */
async function typeSolution(page: Page): Promise<void> {
  await page.locator(`${EXERCISE} .monaco-editor .view-lines`).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(SOLUTION);
  await page.locator(`${EXERCISE} .monaco-editor .view-lines`).getByText('socket.write(chunk)').first().waitFor({ timeout: 10_000 });
}

interface TimedRun {
  ms: number;
  longestTaskMs: number;
  tasksOver50: number;
  /** The longest task in the second after the results: the views drawn, the next sandbox prepared. */
  longestAfterMs: number;
}

/** How long after a run's results its views (and the next run's sandbox) are watched for long tasks. */
const AFTER_RUN_MS = 1000;

/** Clicks Run; wall time until the results are no longer busy, and the long tasks in between. */
async function timedRun(page: Page): Promise<TimedRun> {
  return page.evaluate(async ({ selector, afterMs }) => {
    const root = document.querySelector(selector)!;
    const region = root.querySelector('[data-results]')!;
    const started = performance.now();
    (root.querySelector('[data-action="run"]') as HTMLButtonElement).click();
    await new Promise<void>((resolve) => {
      const check = () => (region.getAttribute('aria-busy') === 'true' ? requestAnimationFrame(check) : resolve());
      requestAnimationFrame(check);
    });
    const ended = performance.now();
    // A long task is reported once it ends: the wait also lets the observer hear of the last one.
    await new Promise((resolve) => setTimeout(resolve, afterMs));
    const all = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    const tasks = all.filter((task) => task.start + task.duration >= started && task.start <= ended);
    const after = all.filter((task) => task.start > ended && task.start <= ended + afterMs - 100);
    return {
      ms: ended - started,
      longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
      tasksOver50: tasks.filter((task) => task.duration > 50).length,
      longestAfterMs: Math.max(0, ...after.map((task) => task.duration)),
    };
  }, { selector: EXERCISE, afterMs: AFTER_RUN_MS });
}

/**
 * A learner reading the lesson: until the page is quiet on the network and whatever it fetches ahead at idle
 * has arrived (`<html data-editor-ahead>`, when the build has it), within a limit; then they scroll to the
 * exercise and read its task for a moment before they click.
 */
async function readThePage(page: Page): Promise<number> {
  const started = Date.now();
  await page.waitForLoadState('networkidle', { timeout: READING_LIMIT_MS }).catch(() => undefined);
  const fetchesAhead = await page.evaluate(() => 'editorAhead' in document.documentElement.dataset);
  if (fetchesAhead) {
    await page
      .waitForFunction(() => ['done', 'skipped', 'failed'].includes(document.documentElement.dataset.editorAhead ?? ''), undefined, {
        timeout: READING_LIMIT_MS,
        polling: 250,
      })
      .catch(() => undefined);
  }
  await page.locator(`${EXERCISE} [data-action="activate"]`).scrollIntoViewIfNeeded();
  await page.waitForTimeout(TASK_READING_MS);
  return Date.now() - started;
}

/** Counts the responses a page gets over http, and how many its service worker answered. */
function countResponses(page: Page) {
  let all = 0;
  let fromServiceWorker = 0;
  page.on('response', (response) => {
    if (!/^https?:/.test(response.url())) return; // the runner's blob: URLs
    all++;
    if (response.fromServiceWorker()) fromServiceWorker++;
  });
  return () => `${all} responses, ${fromServiceWorker} from the service worker`;
}

async function runsAfterOpening(page: Page): Promise<{ first: TimedRun; later: TimedRun[] }> {
  await typeSolution(page);
  const first = await timedRun(page);
  const later: TimedRun[] = [];
  for (let run = 0; run < LATER_RUNS; run++) {
    // A learner reads the results between runs (the second after each is watched already, in timedRun); the
    // runner prepares the next sandbox meanwhile.
    await page.waitForTimeout(BETWEEN_RUNS_MS - AFTER_RUN_MS);
    later.push(await timedRun(page));
  }
  const status = await page.locator(`${EXERCISE} [data-status]`).textContent();
  if (!/pass/i.test(status ?? '')) console.log(`    (the runs did not pass: "${status?.trim()}")`);
  return { first, later };
}

/** Runs at most while Monaco arrives, in the flow below. */
const RUNS_WHILE_MONACO_ARRIVES = 12;

/**
 * A learner who opens the editor as soon as the page has loaded, types the solution into the editor they get
 * (the light editor, on a slow network) and runs it again and again while Monaco arrives, and twice after it
 * took over: the runs, and how many came before Monaco was in place.
 */
async function runsWhileMonacoArrives(page: Page): Promise<{ runs: TimedRun[]; beforeMonaco: number }> {
  const editor = page.locator(`${EXERCISE} [data-light-editor] textarea, ${EXERCISE} .monaco-editor .view-lines`).first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(SOLUTION);
  const monacoIn = () => page.locator(`${EXERCISE} .monaco-editor .view-lines`).count().then((count) => count > 0);
  const runs: TimedRun[] = [];
  let beforeMonaco = 0;
  let afterMonaco = 0;
  while (runs.length < RUNS_WHILE_MONACO_ARRIVES && afterMonaco < 2) {
    if (await monacoIn()) afterMonaco++;
    else beforeMonaco++;
    runs.push(await timedRun(page));
    await page.waitForTimeout(BETWEEN_RUNS_MS - AFTER_RUN_MS);
  }
  return { runs, beforeMonaco };
}

/** One round's figures (ms), by name; a name may hold several values (later runs). */
type Figures = Map<string, number[]>;

function record(figures: Figures, name: string, ...values: number[]): void {
  figures.set(name, [...(figures.get(name) ?? []), ...values]);
}

function recordRuns(figures: Figures, visit: string, { first, later }: { first: TimedRun; later: TimedRun[] }): void {
  record(figures, `first run → graded, ${visit}`, first.ms);
  record(figures, `later runs, ${visit}`, ...later.map((run) => run.ms));
  record(figures, `longest main-thread task during runs, ${visit}`, Math.max(...[first, ...later].map((run) => run.longestTaskMs)));
  record(figures, `longest main-thread task in the second after a run, ${visit}`, Math.max(...[first, ...later].map((run) => run.longestAfterMs)));
  record(figures, `main-thread tasks over 50 ms per run, ${visit}`, [first, ...later].reduce((sum, run) => sum + run.tasksOver50, 0) / (later.length + 1));
}

/** One round: a first visit clicked at once; a first visit read, then opened and run; a repeat visit, the same. */
async function round(profile: Profile, lessonUrl: string, figures: Figures, notes: Set<string>): Promise<void> {
  {
    const throttled = await throttledContext(browser, profile);
    await throttled.context.addInitScript(recordLongTasks);
    const page = await throttled.newPage();
    await page.goto(lessonUrl, { waitUntil: 'load' });
    record(figures, 'lesson page readable (LCP), first visit', await largestContentfulPaint(page));
    const opened = await openEditor(page, true);
    record(figures, 'editor usable, first visit, clicked at once', opened.usable);
    record(figures, 'Monaco in place (hover, suggestions), first visit, clicked at once', opened.monaco);
    await throttled.release();
  }
  {
    const throttled = await throttledContext(browser, profile);
    await throttled.context.addInitScript(recordLongTasks);
    const page = await throttled.newPage();
    await page.goto(lessonUrl, { waitUntil: 'load' });
    await openEditor(page);
    const { runs, beforeMonaco } = await runsWhileMonacoArrives(page);
    record(figures, 'runs before Monaco was in place, first visit, clicked at once', beforeMonaco);
    record(figures, 'longest main-thread task during runs, first visit, clicked at once', Math.max(...runs.map((run) => run.longestTaskMs)));
    record(figures, 'longest main-thread task in the second after a run, first visit, clicked at once', Math.max(...runs.map((run) => run.longestAfterMs)));
    await throttled.release();
  }
  const throttled = await throttledContext(browser, profile);
  await throttled.context.addInitScript(recordLongTasks);
  {
    const page = await throttled.newPage();
    await page.goto(lessonUrl, { waitUntil: 'load' });
    record(figures, 'reading before the click, first visit', await readThePage(page));
    notes.add(`editor fetched ahead on the first visit: ${await page.evaluate(() => document.documentElement.dataset.editorAhead ?? 'not by this build')}`);
    record(figures, 'editor usable, first visit, clicked after reading', (await openEditor(page)).usable);
    recordRuns(figures, 'first visit', await runsAfterOpening(page));
    await page.close();
  }
  {
    const page = await throttled.newPage();
    const responses = countResponses(page);
    await page.goto(lessonUrl, { waitUntil: 'load' });
    record(figures, 'lesson page readable (LCP), repeat visit', await largestContentfulPaint(page));
    record(figures, 'reading before the click, repeat visit', await readThePage(page));
    record(figures, 'editor usable, repeat visit, clicked after reading', (await openEditor(page)).usable);
    recordRuns(figures, 'repeat visit', await runsAfterOpening(page));
    notes.add(`repeat visit: ${responses()}`);
    await page.close();
  }
  await throttled.release();
}

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

/** `value (min–max)` of one figure's values; a count per run keeps one decimal, a count of runs none. */
function summary(name: string, values: readonly number[] | undefined): string {
  if (!values || values.length === 0) return 'n/a';
  const value = median([...values]);
  const middle = name.includes('per run') ? value.toFixed(1) : name.startsWith('runs ') ? String(value) : ms(value);
  return values.length > 1 ? `${middle} (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})` : middle;
}

describe('the exercise page in a classroom', () => {
  for (const profile of profiles) {
    it(`prints figures for ${profile.name}`, async () => {
      const loadBefore = load();
      const measured = sites.map(() => ({ figures: new Map() as Figures, notes: new Set<string>() }));
      // Turn by turn: a round of each site, then the next round.
      for (let count = 0; count < ROUNDS; count++) {
        for (const [index, site] of sites.entries()) await round(profile, new URL(LESSON, site.url).href, measured[index]!.figures, measured[index]!.notes);
      }
      const names = [...new Set(measured.flatMap(({ figures }) => [...figures.keys()]))];
      const lines = [`— ${profile.name}: median of ${ROUNDS} rounds (min–max); machine load ${loadBefore} at the start, ${load()} at the end (1 / 5 / 15 min) —`];
      for (const name of names) {
        lines.push(`${name}: ${sites.map((site, index) => `${sites.length > 1 ? `${site.label.split(' ')[0]} ` : ''}${summary(name, measured[index]!.figures.get(name))}`).join(' | ')}`);
      }
      for (const [index, site] of sites.entries()) lines.push(...[...measured[index]!.notes].map((note) => `  ${sites.length > 1 ? `${site.label}: ` : ''}${note}`));
      if (profile.cpuSlowdown) lines.push(`  (CDP slows the page's main thread ${profile.cpuSlowdown}×; Web Workers — the runner, TypeScript — run at the machine's speed)`);
      console.log(lines.join('\n'));
    }, 3_600_000);
  }
});
