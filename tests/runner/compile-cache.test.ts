import { describe, expect, it } from 'vitest';
import { CompileCache } from '../../src/lib/runner/compile-cache';
import type { RunRecord } from '../../src/lib/runner/protocol';
import { compileAhead } from '../../src/lib/runner/run';
import { transpile } from '../../src/lib/runner/transpile';
import { lines, program, run } from './helpers';

const server = program(
  'server.ts',
  lines(
    "import net from 'node:net';",
    'let connections = 0;',
    "net.createServer((socket) => { connections += 1; socket.on('data', (d) => socket.write(`${connections}:${d}`)); }).listen(7);",
  ),
);
const client = program(
  'client.ts',
  lines(
    "import net from 'node:net';",
    "const socket = net.connect(7, 'web', () => socket.write('hi'));",
    "socket.on('data', (d) => { console.log('got', d.toString()); socket.end(); });",
  ),
  'laptop',
  'driver',
);

const stable = (record: RunRecord) => ({ ...record, wallMs: 0 });

/** Counts the evaluations a run makes (each is a compiled program turned into its function). */
function countingEvaluate() {
  const counter = { evaluations: 0, evaluate: (script: string) => (counter.evaluations++, (0, eval)(script), (globalThis as Record<string, unknown>).__endpointsProgram) };
  return counter;
}

describe('CompileCache: programs compiled once per realm', () => {
  it('runs the same programs again without compiling or evaluating them again, and the records are the same', async () => {
    const compileCache = new CompileCache();
    const counter = countingEvaluate();
    const uncached = await run([server, client]);
    const first = await run([server, client], {}, { compileCache, evaluate: counter.evaluate });
    const second = await run([server, client], {}, { compileCache, evaluate: counter.evaluate });
    expect(counter.evaluations).toBe(2);
    expect(compileCache.size).toBe(2);
    expect(stable(first.record)).toEqual(stable(uncached.record));
    // Each run calls the program's function anew: its top-level `let` starts from 0 again.
    expect(stable(second.record)).toEqual(stable(first.record));
    expect(second.record.console.map((line) => line.text)).toEqual(['got 1:hi']);
  });

  it('reports a program that does not compile the same way on every run', async () => {
    const compileCache = new CompileCache();
    const broken = program('server.ts', lines("import net from 'node:net';", 'net.createServer(('));
    const first = await run([broken, client], {}, { compileCache });
    const second = await run([broken, client], {}, { compileCache });
    expect(first.record.outcome).toBe('did-not-compile');
    expect(stable(second.record)).toEqual(stable(first.record));
  });

  it('keeps programs apart by file name and source text', async () => {
    const compileCache = new CompileCache();
    const changed = program('server.ts', server.source.replace('${connections}:', '${connections}-'));
    await run([server, client], {}, { compileCache });
    const after = await run([changed, client], {}, { compileCache });
    expect(after.record.console.map((line) => line.text)).toEqual(['got 1-hi']);
    expect(compileCache.size).toBe(3);
  });

  it('keeps a bounded number of programs, the least recently used going first', () => {
    const compileCache = new CompileCache();
    const compile = (index: number) => () => transpile(`p${index}.ts`, `console.log(${index});`);
    for (let index = 0; index < 100; index++) compileCache.entry(`p${index}.ts`, `console.log(${index});`, compile(index));
    expect(compileCache.size).toBeLessThanOrEqual(24);
    let compiled = 0;
    compileCache.entry('p99.ts', 'console.log(99);', () => (compiled++, transpile('p99.ts', 'console.log(99);')));
    compileCache.entry('p0.ts', 'console.log(0);', () => (compiled++, transpile('p0.ts', 'console.log(0);')));
    expect(compiled).toBe(1); // the newest was kept, the oldest was not
  });

  it('gives the learner the same run in a realm that first ran other programs (a warmed spare)', async () => {
    const compileCache = new CompileCache();
    const fresh = await run([server, client]);
    await run([program('server.ts', "import net from 'node:net'; net.createServer((s) => s.pipe(s)).listen(7);"), client], {}, { compileCache });
    const warmed = await run([server, client], {}, { compileCache });
    expect(stable(warmed.record)).toEqual(stable(fresh.record));
  });
});

describe('a draft compiled ahead of its run (at a pause in typing)', () => {
  it('is compiled and evaluated once: the run of that text uses it and gives the record an uncompiled run gives', async () => {
    const compileCache = new CompileCache();
    const counter = countingEvaluate();
    compileAhead([server], compileCache, counter.evaluate);
    expect(counter.evaluations).toBe(1);
    const fresh = await run([server, client]);
    const ahead = await run([server, client], {}, { compileCache, evaluate: counter.evaluate });
    expect(counter.evaluations, 'the run evaluated only the driver').toBe(2);
    expect(stable(ahead.record)).toEqual(stable(fresh.record));
  });

  it('runs nothing of the program: its top-level code waits for the run', () => {
    const compileCache = new CompileCache();
    const marker = '__endpointsRanAhead';
    compileAhead([program('server.ts', `(globalThis as any).${marker} = true; throw new Error('top level');`)], compileCache);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('keeps only the latest draft of each file: thirty pauses in typing do not push the drivers out', () => {
    const compileCache = new CompileCache();
    let driverCompiles = 0;
    const compileDriver = () => (driverCompiles++, transpile(client.file, client.source));
    compileCache.entry(client.file, client.source, compileDriver);
    for (let pause = 0; pause < 30; pause++) compileAhead([program('server.ts', `console.log(${pause});`)], compileCache);
    expect(compileCache.size).toBe(2);
    compileCache.entry(client.file, client.source, compileDriver);
    expect(driverCompiles).toBe(1);
  });

  it('reports a draft that does not compile as the run would', async () => {
    const compileCache = new CompileCache();
    const broken = program('server.ts', lines("import net from 'node:net';", 'net.createServer(('));
    compileAhead([broken], compileCache);
    const ahead = await run([broken, client], {}, { compileCache });
    const fresh = await run([broken, client]);
    expect(ahead.record.outcome).toBe('did-not-compile');
    expect(stable(ahead.record)).toEqual(stable(fresh.record));
  });
});
