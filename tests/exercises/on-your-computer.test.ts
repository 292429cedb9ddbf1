/**
 * The lessons' "Run it on your computer" recipes, tested: for every exercise, the reference solution and a
 * copy of the driver, changed exactly as the recipe says (src/lib/exercise/on-your-computer.ts, driven by the
 * exercise's `onYourComputer` data), run as plain `node FILE.ts` child processes of the Node in node_modules
 * (22, which runs .ts files as they are) on 127.0.0.1, as a normal user would run them: ports ≥ 1024 only.
 * The programs print what the recipe promises, and `ss` shows the listening socket as the recipe says.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadExercise } from '../../src/lib/exercise/load';
import { exerciseFolders, nodeFolderReader } from '../../src/lib/exercise/node-reader';
import { adaptForYourComputer, NODE_RUNS_TS, programsForYourComputer, quotedHostNames } from '../../src/lib/exercise/on-your-computer';
import type { Exercise } from '../../src/lib/exercise/schema';
import { realMachine } from '../../scripts/machine/machine';
import { toolSkipReason } from '../../scripts/machine/system-tools';

const NODE = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const exercises: Exercise[] = exerciseFolders(join(process.cwd(), 'src/content/exercises')).map((folder) => loadExercise(nodeFolderReader(folder)));

/** How long a server may take to listen, and the last program to finish (a loaded 2-core machine). */
const LISTEN_WITHIN_MS = 10_000;
const FINISH_WITHIN_MS = 15_000;
/** How long a program that is not last may take to listen before the next one starts anyway. */
const SETTLE_MS = 3000;

interface Running {
  file: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const running: Running[] = [];
const folders: string[] = [];

afterEach(() => {
  for (const program of running.splice(0)) program.child.kill('SIGKILL');
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function start(folder: string, file: string): Running {
  const child = spawn(NODE, [file], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const program = { file, child, output: () => output, exited };
  running.push(program);
  return program;
}

/** `ss -Htln` lines for a port: the listening sockets on it, as iproute2 prints them on this machine. */
function listening(port: number): string[] {
  const out = execFileSync('ss', ['-Htln', `sport = :${port}`], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.startsWith('LISTEN'));
}

async function waitForListener(port: number, program: Running): Promise<string[]> {
  const deadline = Date.now() + LISTEN_WITHIN_MS;
  for (;;) {
    const lines = listening(port);
    if (lines.length > 0) return lines;
    if (program.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`${program.file} is not listening on port ${port} (is another program using it?). It printed:\n${program.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Lets a program that is not last settle before the next starts, as the emulated run does: until `ss` shows a
 * listening socket of its process, or a moment has passed (a program that does not listen, or listens later).
 */
async function settle(program: Running): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  while (Date.now() < deadline && program.child.exitCode === null) {
    const out = execFileSync('ss', ['-Htlnp'], { encoding: 'utf8' });
    if (out.includes(`pid=${program.child.pid},`)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function withinTime<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms))]);
}

describe('the changes a recipe makes', () => {
  const greeter = exercises.find((e) => e.id === 'first-client')!;

  it.each([
    ["net.connect({ host: 'web', port: 80 })", "net.connect({ host: '127.0.0.1', port: 8008 })"],
    ['server.listen(80, () => console.log("listening on port 80"))', 'server.listen(8008, () => console.log("listening on port 8008"))'],
    ["setTimeout(done, 800); connect(8080, '10.0.0.80'); // web's port 80.", "setTimeout(done, 800); connect(8080, '10.0.0.80'); // web's port 8008."],
    ['const half = 80.5;', 'const half = 80.5;'],
    ["const HTTP_DEFAULT_PORT = 80; // the scheme's default port", "const HTTP_DEFAULT_PORT = 80; // the scheme's default port"],
    ["const names = ['webserver', \"laptop\"];", "const names = ['webserver', \"127.0.0.1\"];"],
  ])('turns %s into %s', (before, after) => {
    expect(adaptForYourComputer({ ...greeter, files: { ...greeter.files, driver: { 'x.ts': "'laptop'" } } }, before)).toBe(after);
  });

  it('finds the host names the programs quote', () => {
    expect(quotedHostNames(greeter)).toEqual(['web']);
  });
});

describe('the Node the recipes are tested with', () => {
  it(`is Node ${NODE_RUNS_TS} or later, the first to run .ts files as they are`, () => {
    const version = execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim();
    const [major, minor] = version.slice(1).split('.').map(Number) as [number, number];
    const [needMajor, needMinor] = NODE_RUNS_TS.split('.').map(Number) as [number, number];
    expect(major > needMajor || (major === needMajor && minor >= needMinor), version).toBe(true);
  });
});

// `npm test` installs iproute2 on Debian as root; elsewhere, without `ss`, these are skipped with this line.
const ssMissing = toolSkipReason(realMachine(), 'ss');
if (ssMissing !== undefined) console.warn(ssMissing);

describe.skipIf(ssMissing !== undefined).each(exercises.map((e) => [e.id, e] as const))('exercise %s on your computer', (_id, exercise) => {
  it('runs the reference solution, changed as the recipe says, against the driver on real Node on 127.0.0.1', { timeout: 40_000 }, async () => {
    const folder = mkdtempSync(join(tmpdir(), `endpoints-recipe-${exercise.id}-`));
    folders.push(folder);
    const programs = programsForYourComputer(exercise);
    for (const program of programs) writeFileSync(join(folder, program.file), program.source);
    // The recipe needs no root: every port a program listens on is 1024 or more.
    for (const { use } of exercise.onYourComputer.ports) expect(use).toBeGreaterThanOrEqual(1024);

    const started: Running[] = [];
    for (const [index, program] of programs.entries()) {
      const process = start(folder, program.file);
      started.push(process);
      if (index === programs.length - 1) break;
      for (const { use } of exercise.onYourComputer.ports.filter((p) => p.listener === program.file)) {
        const lines = await waitForListener(use, process);
        // Node listens on `::` when no host is given, which ss prints as `*`: the recipe says `*:PORT`.
        expect(lines.map((line) => line.split(/\s+/)[3]), `ss -tln printed:\n${lines.join('\n')}`).toContain(`*:${use}`);
      }
      // Its other ports (1024 and up): the next program may only start once they listen too.
      for (const { port } of (exercise.onYourComputer.listens ?? []).filter((p) => p.listener === program.file)) await waitForListener(port, process);
      await settle(process);
    }
    // The programs that finish by themselves (the last one, unless the recipe names them): each must end well.
    const ending = exercise.onYourComputer.ends ?? [started.at(-1)!.file];
    for (const program of started.filter((p) => ending.includes(p.file))) {
      const code = await withinTime(program.exited, FINISH_WITHIN_MS, `${program.file}`);
      expect(code, `${program.file} printed:\n${program.output()}`).toBe(0);
    }

    for (const { file, text } of exercise.onYourComputer.prints) {
      const program = started.find((p) => p.file === file)!;
      expect(program.output(), `${file} printed:\n${program.output()}`).toContain(text);
    }
    // Nothing crashed: the learner's programs that do not end by themselves are still running when the last
    // program is done, and the others still run or ended by themselves with exit code 0 (an old copy that
    // left, a second group of clients).
    for (const program of started.filter((p) => !ending.includes(p.file))) {
      const learner = exercise.programs.find((p) => p.file === program.file)?.role === 'learner';
      const code = program.child.exitCode;
      expect(learner ? code : code === null || code === 0 ? null : code, `${program.file} printed:\n${program.output()}`).toBeNull();
    }
  });
});
