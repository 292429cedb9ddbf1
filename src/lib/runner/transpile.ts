/**
 * TypeScript → JavaScript for one program, with sucrase: types stripped, `import` turned into `require`,
 * lines kept (sucrase never moves code across lines), and a token-level source map for columns.
 *
 * The source is compiled with one empty line in front: sucrase puts its prelude (`"use strict"`, import
 * helpers) on the first line, and its source map misplaces the tokens that follow a prelude, so that line
 * holds only the prelude and the async wrapper (which makes top-level `await` work). Line N of the learner's
 * file is line N + 1 of the script; `sourcePosition` corrects the offset.
 */
import { transform } from 'sucrase';

/** Names the program's code sees in place of globals: its modules, console, timers, and the shadows. */
export const PROGRAM_SCOPE = [
  'require', 'module', 'exports', 'console', 'process', 'Buffer', 'globalThis',
  'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate',
  // Shadowed with `undefined`: the program talks to netsim only, never to the page or the real network.
  'self', 'window', 'postMessage', 'close', 'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream',
  'importScripts', 'indexedDB', 'caches', 'EventSource', 'BroadcastChannel', 'navigator', 'Worker',
  'SharedWorker', 'MessageChannel', 'MessagePort', 'RTCPeerConnection', 'WebTransport', 'location', 'scheduler',
  'onmessage', 'addEventListener', 'removeEventListener', 'dispatchEvent',
] as const;

/**
 * Where an evaluated script leaves its function: `eval` would return it, but a worker whose CSP forbids
 * eval must load the script with `importScripts(blob:)`, which returns nothing.
 */
export const PROGRAM_SLOT = '__endpointsProgram';

export type ProgramScopeName = (typeof PROGRAM_SCOPE)[number];

/** Lines the script has before the learner's first line. */
export const LINE_OFFSET = 1;

export interface CompileError {
  file: string;
  /** 1-based, in the learner's TypeScript. */
  line: number;
  column: number;
  message: string;
}

export interface CompiledProgram {
  file: string;
  /** A script that stores `async function (...PROGRAM_SCOPE) { … }` in `globalThis[PROGRAM_SLOT]`. */
  script: string;
  /** Per generated line (0-based): [generatedColumn, sourceColumn] pairs, sorted. */
  columns: number[][][];
}

export type TranspileResult = { ok: true; program: CompiledProgram } | { ok: false; error: CompileError };

export function transpile(file: string, source: string): TranspileResult {
  let output: { code: string; sourceMap?: { mappings: string } };
  try {
    output = transform('\n'.repeat(LINE_OFFSET) + source, {
      transforms: ['typescript', 'imports'],
      filePath: file,
      sourceMapOptions: { compiledFilename: file.replace(/\.ts$/, '.js') },
    });
  } catch (error) {
    return { ok: false, error: compileError(file, error) };
  }
  // The program's code goes in a block of its own inside the function: there its declarations may reuse a
  // scope name (`const close = …`, `const require = createRequire(…)`, `let location`), as a module's may in
  // Node; declared beside the parameters, they were a SyntaxError.
  const prefix = `globalThis.${PROGRAM_SLOT} = (async function (${PROGRAM_SCOPE.join(', ')}) { 'use strict'; {`;
  const script = `${prefix}${output.code}\n}})\n//# sourceURL=${file}`;
  return {
    ok: true,
    program: { file, script, columns: decodeColumns(output.sourceMap?.mappings ?? '') },
  };
}

function compileError(file: string, error: unknown): CompileError {
  const loc = (error as { loc?: { line: number; column: number } }).loc;
  const raw = error instanceof Error ? error.message : String(error);
  // sucrase appends " (line:column)" to the message; the position is reported separately.
  const message = raw.replace(/\s*\(\d+:\d+\)\s*$/, '');
  return { file, line: Math.max(1, (loc?.line ?? 1) - LINE_OFFSET), column: (loc?.column ?? 0) + 1, message };
}

/** Maps a 1-based position in the script back to the learner's TypeScript (a line earlier, same code). */
export function sourcePosition(program: CompiledProgram, line: number, column: number): { line: number; column: number } {
  const sourceLine = line - LINE_OFFSET;
  if (sourceLine < 1) return { line: 1, column: 1 }; // the wrapper itself
  const generated = column - 1;
  let best: number[] | undefined;
  for (const segment of program.columns[line - 1] ?? []) {
    if (segment[0]! <= generated) best = segment;
    else break;
  }
  if (!best) return { line: sourceLine, column };
  return { line: sourceLine, column: best[1]! + (generated - best[0]!) + 1 };
}

// ── source map: only the two numbers per segment we need (generated column, source column) ──

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeColumns(mappings: string): number[][][] {
  const lines: number[][][] = [];
  let sourceColumn = 0;
  for (const lineText of mappings.split(';')) {
    const segments: number[][] = [];
    let generatedColumn = 0;
    for (const segmentText of lineText.split(',')) {
      if (!segmentText) continue;
      const fields = decodeVlq(segmentText);
      generatedColumn += fields[0] ?? 0;
      if (fields.length >= 4) {
        sourceColumn += fields[3]!;
        segments.push([generatedColumn, sourceColumn]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
