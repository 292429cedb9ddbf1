/**
 * The exercise format: a malformed exercise is refused with a message that names its file and says what
 * to change. Each case starts from a valid exercise in memory and breaks one thing.
 */
import { describe, expect, it } from 'vitest';
import { ExerciseError, loadExercise, type FolderReader } from '../../src/lib/exercise/load';
import { buildRunRequest } from '../../src/lib/exercise/request';

type Files = Record<string, string>;

function validFiles(): Files {
  const json = {
    id: 'tiny',
    title: 'Tiny',
    lesson: 'ports/tiny',
    summary: 'Listen on port 7.',
    topology: { version: 1, hosts: [{ name: 'web', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24 }] }, { name: 'laptop', nics: [{ name: 'eth0', ip: '10.0.0.10', prefix: 24 }] }] },
    programs: [
      { file: 'server.ts', host: 'web', processName: 'node', role: 'learner', runAs: 'root' },
      { file: 'client.ts', host: 'laptop', processName: 'node', role: 'driver' },
    ],
    checks: [{ id: 'listens', kind: 'listening', title: 'listens on 7', host: 'web', port: 7, misconceptions: [{ kind: 'wrong-port' }] }],
    hints: { nudge: 'a', pointer: 'b', nearSolution: 'c' },
    misconceptions: [{ name: 'port-80', file: 'server.ts', check: 'listens', expects: 'wrong-port', description: 'the wrong port' }],
    onYourComputer: { ports: [{ port: 7, use: 7007, listener: 'server.ts' }], prints: [{ file: 'client.ts', text: 'hello' }] },
  };
  return {
    'exercise.json': JSON.stringify(json),
    'starter/server.ts': '// todo',
    'solution/server.ts': 'server.listen(7)',
    'driver/client.ts': 'connect(7)',
    'misconceptions/port-80/server.ts': 'server.listen(80)',
  };
}

/** A FolderReader over a map of path → text, as node-reader.ts reads a real folder. */
function memoryFolder(files: Files, location = 'src/content/exercises/tiny'): FolderReader {
  return {
    location,
    readText: (path) => files[path],
    list: (dir) => [...new Set(Object.keys(files).filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1).split('/')[0]!))],
  };
}

function editJson(edit: (json: Record<string, any>) => void): Files {
  const files = validFiles();
  const json = JSON.parse(files['exercise.json']!);
  edit(json);
  files['exercise.json'] = JSON.stringify(json);
  return files;
}

function problemsOf(files: Files, location?: string): string {
  try {
    loadExercise(memoryFolder(files, location));
  } catch (error) {
    expect(error).toBeInstanceOf(ExerciseError);
    expect((error as ExerciseError).file).toBe(`${location ?? 'src/content/exercises/tiny'}/exercise.json`);
    return (error as Error).message;
  }
  throw new Error('the exercise was accepted');
}

describe('the exercise format', () => {
  it('reads a valid exercise with its files and defaults', () => {
    const exercise = loadExercise(memoryFolder(validFiles()));
    expect(exercise.timeBudgetMs).toBe(5000);
    expect(exercise.virtualTimeLimitMs).toBe(60_000);
    expect(exercise.programs.map((p) => p.runAs)).toEqual(['root', 'user']);
    expect(exercise.files).toEqual({
      starter: { 'server.ts': '// todo' },
      solution: { 'server.ts': 'server.listen(7)' },
      driver: { 'client.ts': 'connect(7)' },
      misconceptions: { 'port-80': { 'server.ts': 'server.listen(80)' } },
    });
  });

  it('builds run requests from the starter, the solution, a misconception or a draft', () => {
    const exercise = loadExercise(memoryFolder(validFiles()));
    const sources = (which: Parameters<typeof buildRunRequest>[1]) => buildRunRequest(exercise, which).programs.map((p) => p.source);
    expect(sources({ from: 'starter' })).toEqual(['// todo', 'connect(7)']);
    expect(sources({ from: 'solution' })).toEqual(['server.listen(7)', 'connect(7)']);
    expect(sources({ from: 'misconception', name: 'port-80' })).toEqual(['server.listen(80)', 'connect(7)']);
    expect(sources({ from: 'draft', files: { 'server.ts': 'mine', 'client.ts': 'not allowed' } })).toEqual(['mine', 'connect(7)']);
    expect(buildRunRequest(exercise, { from: 'starter' }, 9)).toMatchObject({ type: 'run', version: 1, runId: 9, exerciseId: 'tiny', timeBudgetMs: 5000 });
    expect(buildRunRequest(exercise, { from: 'starter' }).programs.map((p) => p.runAs)).toEqual(['root', 'user']);
  });

  it.each<[string, Files, string]>([
    ['exercise.json is not JSON', { ...validFiles(), 'exercise.json': '{ "id": ' }, 'not valid JSON'],
    ['exercise.json is missing', (() => { const f = validFiles(); delete f['exercise.json']; return f; })(), 'exercise.json is missing'],
    ['a field is misspelled', editJson((j) => { j.hint = j.hints; delete j.hints; }), 'hints'],
    ['a check names an unknown host', editJson((j) => { j.checks[0].host = 'server'; }), 'checks.0.host: unknown host "server": the topology has web, laptop'],
    ['the terminal opens on an unknown host', editJson((j) => { j.terminalHost = 'router'; }), 'terminalHost: unknown host "router"'],
    ['a program runs on an unknown host', editJson((j) => { j.programs[1].host = 'phone'; }), 'programs.1.host: unknown host "phone"'],
    ['a program file does not exist', (() => { const f = validFiles(); delete f['solution/server.ts']; return f; })(), 'program file solution/server.ts does not exist'],
    ['the driver file does not exist', (() => { const f = validFiles(); delete f['driver/client.ts']; return f; })(), 'program file driver/client.ts does not exist'],
    ['a misconception has no targeted message', editJson((j) => { j.checks[0].misconceptions = []; }), 'misconception "port-80" has no targeted message: check "listens" has no "wrong-port" detector'],
    ['a misconception names an unknown check', editJson((j) => { j.misconceptions[0].check = 'nope'; }), 'names check "nope", which does not exist'],
    ['a misconception file is missing', (() => { const f = validFiles(); delete f['misconceptions/port-80/server.ts']; return f; })(), 'misconceptions/port-80/server.ts does not exist'],
    ['a misconception replaces the driver', editJson((j) => { j.misconceptions[0].file = 'client.ts'; }), 'replaces client.ts, which is not a learner program'],
    ['a check kind is unknown', editJson((j) => { j.checks[0].kind = 'listens'; }), 'checks.0.kind'],
    ['a misconception kind is unknown', editJson((j) => { j.checks[0].misconceptions = [{ kind: 'typo' }]; }), 'checks.0.misconceptions.0.kind'],
    ['two checks share an id', editJson((j) => { j.checks.push({ ...j.checks[0] }); }), 'check id "listens" is used twice'],
    ['there are only two hints', editJson((j) => { delete j.hints.nearSolution; }), 'hints.nearSolution'],
    ['the jitter is larger than the latency', editJson((j) => { j.topology.latencyMs = 1; j.topology.jitterMs = 2; }), 'topology.jitterMs: jitterMs must be at most latencyMs'],
    ['the jitter exceeds the default latency', editJson((j) => { j.topology.jitterMs = 0.6; }), 'topology.jitterMs: jitterMs must be at most latencyMs'],
    ['a port is out of range', editJson((j) => { j.checks[0].port = 70000; }), 'checks.0.port'],
    ['the lesson is in no chapter', editJson((j) => { j.lesson = 'routing/tiny'; }), 'lesson "routing/tiny" is in no chapter: the chapters are nic, subnets, ports'],
    ['the lesson is not a slug', editJson((j) => { j.lesson = 'Ports / Tiny'; }), 'lesson: a lesson slug'],
    ['a user program listens on a privileged port', editJson((j) => { delete j.programs[0].runAs; }), 'server.ts listens on port 7, below 1024, so it must run as root here too'],
    ['the recipe names a listener that is not a program', editJson((j) => { j.onYourComputer.ports[0].listener = 'nope.ts'; }), "port 7's listener nope.ts is not a program"],
    ['the recipe moves a port below 1024', editJson((j) => { j.onYourComputer.ports[0].use = 80; }), 'onYourComputer.ports.0.use'],
    ['the recipe promises nothing', editJson((j) => { j.onYourComputer.prints = []; }), 'onYourComputer.prints'],
    ['there is no recipe', editJson((j) => { delete j.onYourComputer; }), 'onYourComputer'],
    ['nothing is for the learner', editJson((j) => { j.programs = j.programs.slice(1); j.misconceptions = []; }), 'at least one program with role "learner"'],
  ])('refuses an exercise when %s, naming the file', (_name, files, message) => {
    expect(problemsOf(files)).toContain(message);
  });

  it('refuses an id that differs from its folder name', () => {
    expect(problemsOf(validFiles(), 'src/content/exercises/other')).toContain('id "tiny" must match its folder name "other"');
  });
});
