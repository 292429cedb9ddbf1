/**
 * Re-grading with the real runner and grader (in Node here; in the browser each runner is a sandbox), and
 * the gradebook made from it: verdicts, claims that disagree with the re-run, quiz answers graded again,
 * groups of identical and near-identical code, sorting, filtering, and CSV that a spreadsheet cannot abuse.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { islandData } from '../../src/components/exercise/page-data';
import { csvField, csvText } from '../../src/lib/classroom/csv';
import { buildGradebook, gradebookCsv, jobKey, needsRun, visibleRows, type ExerciseFiles, type QuizGrader, type RunState } from '../../src/lib/classroom/gradebook';
import type { Accepted } from '../../src/lib/classroom/intake';
import { regradeAll, seedsOf, type GradableExercise, type Job, type JobResult, type Runner } from '../../src/lib/classroom/regrade';
import { shapeOf, similarGroups, tokens } from '../../src/lib/classroom/similarity';
import { assignmentId } from '../../src/lib/classroom/assignment';
import { loadExercise } from '../../src/lib/exercise/load';
import { nodeFolderReader } from '../../src/lib/exercise/node-reader';
import { gradingSeeds } from '../../src/lib/exercise/seeds';
import { PROTOCOL_VERSION } from '../../src/lib/runner/protocol';
import { runExercise } from '../../src/lib/runner/run';
import { AT, ECHO_SOLUTION, course, handInOf, portsAssignment } from './fixtures';

const echo = loadExercise(nodeFolderReader(join(process.cwd(), 'src/content/exercises/echo-server')));
const echoData: GradableExercise = islandData(echo);
const exercises = new Map([[echo.id, echoData]]);
const echoFiles: ExerciseFiles = { files: ['server.ts'], starter: echo.files.starter, solution: echo.files.solution };

/** The runner called directly, counting runs and which of them asked for the realm of the run before. */
function directRunner() {
  const calls: { seed: number; sameRealm: boolean }[] = [];
  let runId = 0;
  const runner: Runner = {
    async run(order, options) {
      calls.push({ seed: order.topology.seed!, sameRealm: options?.sameRealm === true });
      const { record } = await runExercise({ ...order, type: 'run', version: PROTOCOL_VERSION, runId: ++runId }, () => undefined);
      return record;
    },
  };
  return { runner, calls };
}

const accepted = (index: number, learner: string, server?: string, extra: Parameters<typeof handInOf>[2] = {}): Accepted => ({
  index,
  source: `${learner}.endpoints.json`,
  handIn: handInOf(learner, server, extra),
  assignmentId: assignmentId(portsAssignment),
  notes: [],
});

const LOOPBACK = ECHO_SOLUTION.replace('.listen(7)', ".listen(7, '127.0.0.1')");
const RENAMED = "import net from 'node:net';\n// my echo server\nnet.createServer((conn) => {\n  conn.on('data', (bytes) => conn.write(bytes));\n}).listen(7);\n";

const rightAnswers: Record<string, Record<string, string>> = { 'ports-echo-server': { 'which-port': '7', 'who-chooses': 'os' } };
const gradeAnswer: QuizGrader = (quiz, question, answer) => rightAnswers[quiz]?.[question] === answer;

describe('re-grading', () => {
  it('runs every job under the grading seeds, one realm per grading, and reports each verdict', async () => {
    const { runner, calls } = directRunner();
    const jobs: Job[] = [
      { handIn: 0, exercise: 'echo-server', files: { 'server.ts': ECHO_SOLUTION } },
      { handIn: 1, exercise: 'echo-server', files: { 'server.ts': LOOPBACK } },
      { handIn: 2, exercise: 'gone', files: {} },
    ];
    const results: [Job, JobResult][] = [];
    await regradeAll(jobs, [runner], exercises, { onResult: (job, result) => results.push([job, result]) });
    const seeds = seedsOf(echoData);
    expect(seeds).toEqual(gradingSeeds(7));
    // The right one runs under every seed, the later runs in the realm of the first; the wrong one stops at its first failure.
    expect(calls).toEqual([...seeds.map((seed, i) => ({ seed, sameRealm: i > 0 })), { seed: seeds[0], sameRealm: false }]);
    const [right, wrong, gone] = results.map(([, result]) => result);
    expect(right).toMatchObject({ ok: true, verdict: { passed: true, outcome: 'finished', checksPassed: 5, run: 3, runs: 3, seed: seeds[2] } });
    expect(wrong).toMatchObject({ ok: true, verdict: { passed: false, run: 1, seed: seeds[0] } });
    expect(wrong!.ok && wrong.verdict.results.find((r) => r.id === 'listens-on-7')).toMatchObject({ passed: false, misconception: 'listened-on-loopback-only' });
    expect(gone).toEqual({ ok: false, problem: 'this page has no exercise gone' });
  });

  it('shares the jobs among runners, and a runner that fails fails only its own job', async () => {
    const broken: Runner = { run: () => Promise.reject(new Error('The runner sandbox failed: no worker')) };
    const { runner } = directRunner();
    const jobs: Job[] = Array.from({ length: 4 }, (_, i) => ({ handIn: i, exercise: 'echo-server', files: { 'server.ts': ECHO_SOLUTION } }));
    const results = new Map<number, JobResult>();
    await regradeAll(jobs, [runner, broken], exercises, { onResult: (job, result) => results.set(job.handIn, result) });
    expect(results.size).toBe(4);
    const failed = [...results.values()].filter((r) => !r.ok);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toEqual({ ok: false, problem: 'The runner sandbox failed: no worker' });
    expect([...results.values()].some((r) => r.ok && r.verdict.passed)).toBe(true);
  });

  it('stops handing out jobs when told to', async () => {
    const { runner, calls } = directRunner();
    const controller = new AbortController();
    const jobs: Job[] = Array.from({ length: 5 }, (_, i) => ({ handIn: i, exercise: 'echo-server', files: { 'server.ts': LOOPBACK } }));
    let done = 0;
    await regradeAll(jobs, [runner], exercises, { signal: controller.signal, onResult: () => ++done === 2 && controller.abort() });
    expect(done).toBe(2);
    expect(calls).toHaveLength(2);
  });
});

describe('the gradebook', () => {
  async function graded(hands: Accepted[]) {
    const { runner } = directRunner();
    const runs = new Map<string, RunState>();
    const jobs = hands.filter((h) => needsRun(h, 'echo-server')).map((h) => ({ handIn: h.index, exercise: 'echo-server', files: h.handIn.exercises['echo-server']!.files }));
    await regradeAll(jobs, [runner], exercises, { onResult: (job, result) => runs.set(jobKey(job.handIn, job.exercise), result) });
    return buildGradebook(assignmentId(portsAssignment), hands, course, runs, gradeAnswer, new Map([['echo-server', echoFiles]]));
  }

  it('shows each learner × item, flags a claimed pass that fails the re-run, and grades quiz answers again', async () => {
    const book = await graded([
      accepted(0, 'Ada', ECHO_SOLUTION),
      accepted(1, 'Bob', LOOPBACK),
      accepted(2, 'Cy', ECHO_SOLUTION, {
        exercises: { 'echo-server': { draft: { 'server.ts': RENAMED } } },
        quizzes: { 'ports-echo-server': { 'which-port': { answer: '80', correct: true, at: AT } } },
      }),
      accepted(3, 'Dee', undefined, { exercises: {}, visited: {}, quizzes: {} }),
    ]);
    expect(book.columns.map((item) => item.kind)).toEqual(['lesson', 'exercise', 'quiz']);
    const view = (name: string) => book.rows.find((row) => row.handIn.handIn.learner === name)!.cells.map((cell) => `${cell.state}: ${cell.text}`);
    expect(view('Ada')).toEqual(['done: opened 30 Nov', 'done: passed, 5 of 5 checks', 'done: 2 of 2 right']);
    expect(view('Bob')[1]).toMatch(/^failed: \d of 5 checks$/);
    expect(view('Cy')).toEqual(['done: opened 30 Nov', 'done: passed, 5 of 5 checks', 'started: 0 of 2 right']);
    expect(view('Dee')).toEqual(['not-started: not opened', 'not-started: not started', 'not-started: not answered']);
    const flags = (name: string) => book.rows.find((row) => row.handIn.handIn.learner === name)!.cells.flatMap((cell) => cell.flags.map((flag) => flag.kind));
    expect(flags('Bob')).toContain('claim-fails');
    // Cy's code is Ada's with other names and layout: the two are grouped.
    expect(flags('Cy')).toEqual(['passes-unclaimed', 'near-identical', 'quiz-claim']);
    expect(flags('Ada')).toEqual(['near-identical']);
  });

  it('groups identical and near-identical code, names the reference solution, and leaves the starter alone', async () => {
    const solution = echo.files.solution['server.ts']!;
    const book = await graded([
      accepted(0, 'Ada', LOOPBACK),
      accepted(1, 'Bob', `${LOOPBACK}\n\n`),
      accepted(2, 'Cy', ECHO_SOLUTION),
      accepted(3, 'Dee', RENAMED),
      accepted(4, 'Eve', solution),
      accepted(5, 'Fay', echo.files.starter['server.ts']!),
      accepted(6, 'Gil', echo.files.starter['server.ts']!),
    ]);
    expect(book.groups.map(({ kind, handIns, isSolution, label }) => ({ kind, handIns, isSolution, label }))).toEqual([
      { kind: 'identical', handIns: [0, 1], isSolution: false, label: 'A' },
      { kind: 'near-identical', handIns: [2, 3], isSolution: false, label: 'B' },
    ]);
    const eve = book.rows[4]!.cells[1]!;
    expect(eve.flags).toEqual([]);
    expect(book.rows[0]!.cells[1]!.flags.map((flag) => flag.text)).toContain('Group A: the same code as 1 other hand-in.');
  });

  it('names a group that handed in the reference solution', () => {
    const solution = ['SOLUTION'];
    const groups = similarGroups([{ handIn: 0, files: solution }, { handIn: 1, files: solution }, { handIn: 2, files: ['other(1)'] }], ['starter'], solution);
    expect(groups).toEqual([{ kind: 'identical', handIns: [0, 1], isSolution: true }]);
  });

  it('sorts by any column both ways and filters by name and by what a row shows', async () => {
    const book = await graded([accepted(0, 'bob', LOOPBACK), accepted(1, 'Ada', ECHO_SOLUTION), accepted(2, 'Cy', undefined, { exercises: {} }), accepted(3, 'ada', ECHO_SOLUTION)]);
    const names = (rows: ReturnType<typeof visibleRows>) => rows.map((row) => row.handIn.handIn.learner);
    const all = { name: '', show: 'all' as const };
    expect(names(visibleRows(book, all, { by: 'learner' }, 'ascending'))).toEqual(['Ada', 'ada', 'bob', 'Cy']);
    expect(names(visibleRows(book, all, { by: 'learner' }, 'descending'))).toEqual(['Cy', 'bob', 'Ada', 'ada']);
    expect(names(visibleRows(book, all, { by: 'column', index: 1 }, 'descending'))).toEqual(['Ada', 'ada', 'bob', 'Cy']);
    expect(names(visibleRows(book, { name: 'AD', show: 'all' }, { by: 'learner' }, 'ascending'))).toEqual(['Ada', 'ada']);
    expect(names(visibleRows(book, { name: '', show: 'failed' }, { by: 'learner' }, 'ascending'))).toEqual(['bob']);
    expect(names(visibleRows(book, { name: '', show: 'unfinished' }, { by: 'learner' }, 'ascending'))).toEqual(['bob', 'Cy']);
    expect(book.rows.filter((row) => row.sameName).map((row) => row.handIn.handIn.learner)).toEqual(['Ada', 'ada']);
    expect(names(visibleRows(book, { name: '', show: 'flagged' }, { by: 'learner' }, 'ascending'))).toEqual(['Ada', 'ada', 'bob']);
  });

  it('downloads as CSV, one row per hand-in', async () => {
    const book = await graded([accepted(0, '=HYPERLINK("http://x","click")', ECHO_SOLUTION), accepted(1, 'Zoë, "the" one', LOOPBACK)]);
    const lines = gradebookCsv(book).split('\r\n');
    expect(lines[0]).toBe(
      "\ufeffLearner,Hand-in,Made at,Items done,Items,lesson:ports/echo-server opened at,exercise:echo-server re-run,exercise:echo-server checks passed,exercise:echo-server checks,exercise:echo-server passed at (learner's page),quiz:ports-echo-server right,quiz:ports-echo-server questions,quiz:ports-echo-server answered right at,Flags",
    );
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""click"")","=HYPERLINK(""http://x"",""click"").endpoints.json",2026-12-01T09:00:00.000Z,3,3,${AT},passed,5,5,${AT},2,2,${AT},`.replace('"=HYPERLINK', `"'=HYPERLINK`));
    expect(lines[2]).toMatch(/^"Zoë, ""the"" one",/);
    expect(lines[2]).toMatch(/,failed,\d,5,/);
    expect(lines[2]).toMatch(/exercise:echo-server: The learner's page saw this exercise pass on 30 Nov/);
    expect(lines.at(-1)).toBe('');
  });
});

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+SUM(A1)')).toBe("'+SUM(A1)");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField(-2)).toBe('-2');
    expect(csvField(undefined)).toBe('');
    expect(csvText([['a'], ['b']])).toBe('\ufeffa\r\nb\r\n');
  });
});

describe('code shapes', () => {
  it('drops comments and layout and numbers the names a learner chose, keeping properties and keywords', () => {
    expect(tokens("const s = 'a // not a comment'; // a comment\n/* block */ s.write(`x${1}`)")).toEqual(['const', 's', '=', "'a // not a comment'", ';', 's', '.', 'write', '(', '`x${1}`', ')']);
    expect(shapeOf('const server = net.createServer((socket) => socket.pipe(socket));')).toBe(shapeOf('const s   = net.createServer((c) =>\n  c.pipe(c)); // echo'));
    expect(shapeOf('socket.write(x)')).not.toBe(shapeOf('socket.end(x)'));
    expect(tokens('"unterminated')).toEqual(['"unterminated']);
  });
});
