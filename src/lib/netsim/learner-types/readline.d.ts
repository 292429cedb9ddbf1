/**
 * Reading text line by line from a stream, the usual way to read a line protocol from a socket:
 * `for await (const line of readline.createInterface({ input: socket })) …`. Lines end at `\n`, `\r\n` or
 * `\r`; the line ending is not part of the line. The programs here have no terminal, so the terminal
 * features of Node's readline (cursor moves, history, tab completion, `readline.clearLine`…) are absent.
 */
import { EventEmitter } from 'node:events';
import * as promises from 'node:readline/promises';

/** What `createInterface` reads from and writes prompts to. */
export interface ReadLineOptions {
  /** The stream to read lines from: a socket, `process.stdin`, any Readable. */
  input: NodeJS.ReadableStream;
  /** Where `prompt()` and `question()` write (a socket, `process.stdout`); none: prompts are not shown. */
  output?: NodeJS.WritableStream | null;
  /** The text `prompt()` writes (default `'> '`). */
  prompt?: string;
  /** How long a `\n` after a `\r` still counts as the same line ending (at least 100 ms). */
  crlfDelay?: number;
  /** Accepted; the programs here have no terminal, so it is always false. */
  terminal?: boolean;
  /** Accepted and ignored: there is no history without a terminal. */
  historySize?: number;
}

interface InterfaceEventMap {
  /** `'line'`: a whole line was read (without its line ending). */
  line: [line: string];
  /** `'close'`: the input ended or `close()` was called: no more lines. */
  close: [];
  /** `'pause'`: reading was paused. */
  pause: [];
  /** `'resume'`: reading goes on after a pause. */
  resume: [];
  /** `'error'`: the input stream failed with `err`. */
  error: [err: Error];
}

/**
 * Reads lines from its `input` stream: a `'line'` event per line, or `for await (const line of rl)`. When
 * the input ends, the last line (even without a line ending) comes, then `'close'`.
 */
export class Interface extends EventEmitter {
  /** Always false: the programs here have no terminal. */
  readonly terminal: boolean;
  /** The part of the next line read so far. */
  readonly line: string;
  /** The text `prompt()` writes. */
  getPrompt(): string;
  /** Changes the text `prompt()` writes. */
  setPrompt(prompt: string): void;
  /** Writes the prompt to `output` (and resumes reading if it was paused). */
  prompt(preserveCursor?: boolean): void;
  /** Writes `query` to `output`; `callback` gets the next line read (that line is not emitted as `'line'`). */
  question(query: string, callback: (answer: string) => void): void;
  question(query: string, options: object, callback: (answer: string) => void): void;
  /** Reads `data` as if it had come from the input. Throws ERR_USE_AFTER_CLOSE once closed. */
  write(data: string): void;
  /** Pauses the input stream. */
  pause(): this;
  /** Resumes the input stream. */
  resume(): this;
  /** Stops reading: `'close'` comes at once. The input stream itself stays open (end the socket yourself). */
  close(): void;
  /** Every line from now on, for `for await (const line of rl)`, until the input ends. Lines read before the loop started are not repeated. */
  [Symbol.asyncIterator](): AsyncIterableIterator<string>;

  // @events InterfaceEventMap
}

/**
 * Starts reading lines from `options.input`.
 * @example
 * const rl = readline.createInterface({ input: socket });
 * for await (const line of rl) socket.write(`you said ${line}\n`);
 */
export function createInterface(options: ReadLineOptions): Interface;
/** Starts reading lines from `input`; prompts go to `output`. */
export function createInterface(input: NodeJS.ReadableStream, output?: NodeJS.WritableStream | null): Interface;

export { promises };
