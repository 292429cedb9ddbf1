/** `node:readline` with `question` returning a promise: `const answer = await rl.question('name? ')`. */
import * as readline from 'node:readline';

/** An `Interface` of `node:readline` whose `question` returns a promise. */
export class Interface extends readline.Interface {
  /** Writes `query` to `output` and resolves with the next line read. */
  question(query: string): Promise<string>;
}

/** Starts reading lines from `options.input`; `question` returns a promise. */
export function createInterface(options: readline.ReadLineOptions): Interface;
/** Starts reading lines from `input`; prompts go to `output`. */
export function createInterface(input: NodeJS.ReadableStream, output?: NodeJS.WritableStream | null): Interface;
