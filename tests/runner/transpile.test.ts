import { describe, expect, it } from 'vitest';
import { locateInPrograms, positionInFrame } from '../../src/lib/runner/stack';
import { PROGRAM_SCOPE, PROGRAM_SLOT, sourcePosition, transpile, type CompiledProgram } from '../../src/lib/runner/transpile';
import { lines } from './helpers';

function compile(file: string, source: string): CompiledProgram {
  const result = transpile(file, source);
  if (!result.ok) throw new Error(result.error.message);
  return result.program;
}

/** Evaluates a compiled program and calls it with a `require` and a console, as program.ts does. */
async function execute(program: CompiledProgram, modules: Record<string, unknown> = {}) {
  (0, eval)(program.script);
  const start = (globalThis as Record<string, unknown>)[PROGRAM_SLOT] as (...args: unknown[]) => Promise<unknown>;
  delete (globalThis as Record<string, unknown>)[PROGRAM_SLOT];
  const scope: Record<string, unknown> = { require: (name: string) => modules[name], exports: {}, module: {} };
  return start(...PROGRAM_SCOPE.map((name) => scope[name]));
}

describe('transpile', () => {
  it('strips types and turns imports into require calls of the same module names', async () => {
    const program = compile('server.ts', lines("import net from 'node:net';", 'const port: number = 7;', 'export const answer = net.listen(port);'));
    const exportsSeen = await execute(program, { 'node:net': { listen: (p: number) => `listening on ${p}` } });
    expect(exportsSeen).toBeUndefined();
    expect(program.script).toContain("require('node:net')");
    expect(program.script).not.toContain(': number');
  });

  it('lets the program use top-level await', async () => {
    const program = compile('main.ts', lines('const value = await Promise.resolve(41);', 'globalThis.done = value + 1;'));
    const done: Record<string, number> = {};
    (0, eval)(program.script);
    const start = (globalThis as Record<string, unknown>)[PROGRAM_SLOT] as (...args: unknown[]) => Promise<unknown>;
    await start(...PROGRAM_SCOPE.map((name) => (name === 'globalThis' ? done : undefined)));
    expect(done.done).toBe(42);
  });

  it('keeps every line where it was, one line down (the first holds the wrapper)', () => {
    const source = lines("import net from 'node:net';", 'interface Port { n: number }', '', 'const a: Port = { n: 1 };', 'type X = string;', 'console.log(a);');
    const program = compile('a.ts', source);
    const script = program.script.split('\n');
    expect(script[1 + 3]).toContain('const a');
    expect(script[1 + 5]).toContain('console.log(a)');
  });

  it.each([
    ['an unclosed brace (reported at the end of the file)', lines('const a = 1;', 'function f() {', '  return a;'), 3],
    ['a stray token', lines('const a = 1;', 'const b = ;'), 2],
    ['a missing parenthesis', lines('', '', 'console.log("x";'), 3],
  ])('reports %s with the file, line and column', (_name, source, line) => {
    const result = transpile('server.ts', source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ file: 'server.ts', line });
    expect(result.error.column).toBeGreaterThan(0);
    expect(result.error.message).not.toMatch(/\(\d+:\d+\)$/);
  });

  it('maps a column after removed type annotations back to the TypeScript column', () => {
    const source = lines('const value: number = 1;', 'const label: string = String(value); undefinedFunction();');
    const program = compile('a.ts', source);
    const generatedLine = program.script.split('\n')[2]!;
    const generatedColumn = generatedLine.indexOf('undefinedFunction') + 1;
    const sourceColumn = source.split('\n')[1]!.indexOf('undefinedFunction') + 1;
    expect(generatedColumn).not.toBe(sourceColumn);
    expect(sourcePosition(program, 3, generatedColumn)).toEqual({ line: 2, column: sourceColumn });
  });
});

describe('locating an error in the learner file from a stack', () => {
  it.each([
    ['V8 with a function name', '    at Socket.<anonymous> (server.ts:4:11)', { line: 4, column: 11 }],
    ['V8 without a function name', '    at server.ts:2:3', { line: 2, column: 3 }],
    ['V8 inside eval', '    at eval (server.ts:7:1)', { line: 7, column: 1 }],
    ['Firefox and Safari', 'onData@server.ts:5:9', { line: 5, column: 9 }],
    ['a URL the browser resolved the name to', '    at x (http://127.0.0.1:4321/server.ts:6:2)', { line: 6, column: 2 }],
  ])('reads %s', (_name, frame, position) => {
    expect(positionInFrame(frame, 'server.ts')).toEqual(position);
  });

  it('ignores a file whose name only ends like the program', () => {
    expect(positionInFrame('    at x (myserver.ts:6:2)', 'server.ts')).toBeUndefined();
  });

  it("ignores a file path: netsim's own faces/net/server.ts is not the learner's server.ts", () => {
    expect(positionInFrame('    at Server.listen (/work/endpoints/src/lib/netsim/faces/net/server.ts:136:9)', 'server.ts')).toBeUndefined();
  });

  it('finds the first frame inside a program and maps it to TypeScript', () => {
    const program = compile('server.ts', lines('const a: number = 1;', 'throw new Error("x");'));
    const stack = ['Error: x', '    at runtime (src/lib/netsim/tcp.ts:100:5)', '    at eval (server.ts:3:7)', '    at client.ts:1:1'].join('\n');
    expect(locateInPrograms(stack, [program])).toEqual({ file: 'server.ts', line: 2, column: 7 });
  });

  it('maps the first line of the file, after the prelude', () => {
    const program = compile('server.ts', lines("import net from 'node:net';", 'undefinedFunction();'));
    const column = program.script.split('\n')[2]!.indexOf('undefinedFunction') + 1;
    expect(sourcePosition(program, 2, 1)).toEqual({ line: 1, column: 1 });
    expect(sourcePosition(program, 3, column)).toEqual({ line: 2, column: 1 });
    expect(sourcePosition(program, 1, 5)).toEqual({ line: 1, column: 1 });
  });
});
