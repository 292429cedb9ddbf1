/**
 * Finds where an error was thrown in the learner's file, from the engine's stack text. Programs are
 * evaluated with `//# sourceURL=<file>`, so frames name the file: V8 prints `at fn (server.ts:4:11)` or
 * `at server.ts:4:11`, Firefox and Safari `fn@server.ts:4:11`. Positions are then mapped back to the
 * TypeScript source (see `sourcePosition`).
 */
import { sourcePosition, type CompiledProgram } from './transpile';

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** The first stack frame inside one of `programs`, mapped to its TypeScript position. */
export function locateInPrograms(stack: string | undefined, programs: readonly CompiledProgram[]): SourceLocation | undefined {
  if (!stack) return undefined;
  for (const frame of stack.split('\n')) {
    for (const program of programs) {
      const position = positionInFrame(frame, program.file);
      if (position) return { file: program.file, ...sourcePosition(program, position.line, position.column) };
    }
  }
  return undefined;
}

/** `line:column` right after the file name in one frame, when the frame is in that file. */
export function positionInFrame(frame: string, file: string): { line: number; column: number } | undefined {
  let from = 0;
  for (;;) {
    const at = frame.indexOf(file, from);
    if (at < 0) return undefined;
    const before = at === 0 ? ' ' : frame[at - 1]!;
    const match = /^:(\d+):(\d+)/.exec(frame.slice(at + file.length));
    // The file name must stand alone (`(server.ts:` or ` server.ts:` or `@server.ts:`), not end another name,
    // or end a URL a browser resolved it to (`@http://host/server.ts:`). A file path is never the learner's:
    // in Node, netsim's own `faces/net/server.ts` would otherwise pass for the learner's `server.ts`.
    if (match && (/[\s(@]/.test(before) || (before === '/' && /[a-z]+:\/\/[^\s(@]*$/.test(frame.slice(0, at))))) {
      return { line: Number(match[1]), column: Number(match[2]) };
    }
    from = at + file.length;
  }
}
