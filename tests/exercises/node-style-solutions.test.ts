/**
 * Right answers written the ways Node's documentation teaches — async iteration, pipe, readline,
 * process.stdout.write, events.once — must pass as the reference solutions do: the emulator is Node, not a
 * look-alike that only knows `socket.on('data')`. (Issue 10 grows this into each exercise's learner-style set.)
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grade } from '../../src/lib/grader/grade';
import { loadExercise } from '../../src/lib/exercise/load';
import { exerciseFolders, nodeFolderReader } from '../../src/lib/exercise/node-reader';
import { buildRunRequest } from '../../src/lib/exercise/request';
import type { Exercise } from '../../src/lib/exercise/schema';
import { runExercise } from '../../src/lib/runner/run';

const exercises = new Map<string, Exercise>(
  exerciseFolders(join(process.cwd(), 'src/content/exercises')).map((folder) => {
    const exercise = loadExercise(nodeFolderReader(folder));
    return [exercise.id, exercise];
  }),
);

const lines = (...source: string[]) => source.join('\n');

const solutions: { exercise: string; name: string; files: Record<string, string> }[] = [
  {
    exercise: 'echo-server',
    name: 'for await over each socket',
    files: {
      'server.ts': lines(
        "import net from 'node:net';",
        'const server = net.createServer(async (socket) => {',
        '  for await (const chunk of socket) socket.write(chunk);',
        '});',
        'server.listen(7);',
      ),
    },
  },
  {
    exercise: 'echo-server',
    name: 'pipe the socket into itself',
    files: { 'server.ts': lines("import { createServer } from 'node:net';", 'createServer((socket) => socket.pipe(socket)).listen({ port: 7 });') },
  },
  {
    exercise: 'echo-server',
    name: 'stream.pipeline with a pass-through',
    files: {
      'server.ts': lines(
        "import net from 'node:net';",
        "import { pipeline, PassThrough } from 'node:stream';",
        'net.createServer((socket) => {',
        "  pipeline(socket, new PassThrough(), socket, (err) => { if (err) console.error('pipeline', err.message); });",
        '}).listen(7, () => process.stdout.write(`listening on ${7}\\n`));',
      ),
    },
  },
  {
    exercise: 'first-client',
    name: 'readline over the socket, process.stdout.write',
    files: {
      'client.ts': lines(
        "import net from 'node:net';",
        "import readline from 'node:readline';",
        "const socket = net.connect(80, 'web', () => socket.write('HELLO ada\\n'));",
        'const rl = readline.createInterface({ input: socket });',
        // readline passes the socket's errors on to the interface: listen there (a socket-only listener would
        // leave the interface's 'error' unheard, and Node would crash on it).
        "rl.on('error', (err: NodeJS.ErrnoException) => process.stdout.write(`reset: ${err.code}\\n`));",
        "rl.on('line', (line) => process.stdout.write(`${line}\\n`));",
      ),
    },
  },
  {
    exercise: 'first-client',
    name: 'events.once and for await with a try/catch',
    files: {
      'client.ts': lines(
        "import { connect } from 'node:net';",
        "import { once } from 'node:events';",
        "const socket = connect({ host: 'web', port: 80 });",
        "await once(socket, 'connect');",
        "socket.write('HELLO ada\\n');",
        'try {',
        '  for await (const chunk of socket) console.log(String(chunk).trim());',
        '} catch (err) {',
        "  console.log('the greeter hung up:', (err as NodeJS.ErrnoException).code);",
        '}',
      ),
    },
  },
];

describe('right answers in the styles Node documents', () => {
  it.each(solutions.map((s) => [`${s.exercise}: ${s.name}`, s] as const))('%s passes every check', async (_name, solution) => {
    const exercise = exercises.get(solution.exercise)!;
    const { record } = await runExercise(buildRunRequest(exercise, { from: 'draft', files: solution.files }), () => undefined);
    const failed = grade(record, exercise.checks).filter((r) => !r.passed);
    expect({ outcome: record.outcome, failed }).toEqual({ outcome: 'finished', failed: [] });
  });
});
