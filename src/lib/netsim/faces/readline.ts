/**
 * `node:readline` for reading lines from a stream, as Node's Interface does when it is not a terminal:
 * `createInterface({ input: socket })` decodes the bytes as UTF-8, cuts them at `\n`, `\r\n` or a lone `\r`
 * (a `\r\n` split across two chunks counts once if the `\n` comes within `crlfDelay`, in virtual time),
 * emits 'line' for each, gives the rest of the last line when the input ends, then 'close'. `for await
 * (const line of rl)` and `readline/promises` (`question`) work on top of that. Terminal features
 * (cursor movement, history, completion) are not emulated: netsim's programs have no terminal.
 */
import { invalidArgType, nodeErrors } from '../errors';
import { EventEmitter, StringDecoder } from '../node/libs';
import { named } from './named';
import type { FaceContext } from './context';

interface Readable {
  on(event: string, listener: (...args: any[]) => void): unknown;
  removeListener(event: string, listener: (...args: any[]) => void): unknown;
  pause(): unknown;
  resume(): unknown;
}

interface Writable {
  write(text: string): unknown;
}

export interface InterfaceOptions {
  input: Readable;
  output?: Writable | null;
  prompt?: string;
  crlfDelay?: number;
  terminal?: boolean;
  historySize?: number;
  signal?: AbortSignal;
}

const LINE_ENDING = /\r?\n|\r(?!\n)/g;
/** Node's kMincrlfDelay and default crlfDelay. */
const MIN_CRLF_DELAY = 100;
/** How many lines an async iteration holds before it pauses the input (Node's highWaterMark 1024). */
const ITERATOR_HIGH_WATER_MARK = 1024;

export function defineReadline(ctx: FaceContext) {
  const now = () => ctx.stack.clock.now;

  class Interface extends EventEmitter {
    readonly input: Readable;
    readonly output: Writable | null;
    readonly terminal = false;
    readonly crlfDelay: number;
    closed = false;
    paused = false;
    /** The line being read (what arrived after the last line ending). */
    line = '';
    #prompt: string;
    #oldPrompt = '';
    #buffer: string | null = null;
    #sawReturnAt = 0;
    #question: ((answer: string) => void) | null = null;
    #lines: AsyncIterableIterator<string> | undefined = undefined;
    readonly #decoder = new StringDecoder('utf8');

    constructor(input: Readable | InterfaceOptions, output?: Writable | null) {
      super();
      const options: InterfaceOptions = isReadable(input) ? { input, output } : input;
      if (!options || !isReadable(options.input)) throw invalidArgType('input', 'an instance of stream.Readable', options?.input);
      this.input = options.input;
      this.output = options.output ?? null;
      this.#prompt = options.prompt ?? '> ';
      this.crlfDelay = Math.max(MIN_CRLF_DELAY, Number(options.crlfDelay) || MIN_CRLF_DELAY);
      const onError = (error: unknown) => this.emit('error', error);
      const onData = (data: unknown) => this.#normalWrite(data);
      const onEnd = () => {
        if (typeof this.#buffer === 'string' && this.#buffer.length > 0) this.emit('line', this.#buffer);
        this.close();
      };
      this.input.on('error', onError);
      this.input.on('data', onData);
      this.input.on('end', onEnd);
      this.once('close', () => {
        this.input.removeListener('data', onData);
        this.input.removeListener('error', onError);
        this.input.removeListener('end', onEnd);
      });
      options.signal?.addEventListener('abort', () => this.close(), { once: true });
      this.input.resume();
    }

    #normalWrite(data: unknown): void {
      if (data === undefined) return;
      let text = typeof data === 'string' ? data : this.#decoder.write(data as Uint8Array);
      if (this.#sawReturnAt && now() - this.#sawReturnAt <= this.crlfDelay) {
        if (text.codePointAt(0) === 10) text = text.slice(1);
        this.#sawReturnAt = 0;
      }
      LINE_ENDING.lastIndex = 0;
      if (!LINE_ENDING.test(text)) {
        if (text) this.#buffer = (this.#buffer ?? '') + text;
        this.line = this.#buffer ?? '';
        return;
      }
      if (this.#buffer) {
        text = this.#buffer + text;
        this.#buffer = null;
      }
      this.#sawReturnAt = text.endsWith('\r') ? now() : 0;
      LINE_ENDING.lastIndex = 0;
      let start = 0;
      const lines: string[] = [];
      for (let match = LINE_ENDING.exec(text); match !== null; match = LINE_ENDING.exec(text)) {
        lines.push(text.slice(start, match.index));
        start = LINE_ENDING.lastIndex;
      }
      this.#buffer = text.slice(start);
      this.line = this.#buffer;
      for (const line of lines) this.#onLine(line);
    }

    #onLine(line: string): void {
      const answer = this.#question;
      if (answer) {
        this.#question = null;
        this.#prompt = this.#oldPrompt;
        answer(line);
      } else this.emit('line', line);
    }

    setPrompt(prompt: string): void {
      this.#prompt = prompt;
    }

    getPrompt(): string {
      return this.#prompt;
    }

    /** Writes the prompt to `output`. */
    prompt(_preserveCursor?: boolean): void {
      if (this.paused) this.resume();
      this.output?.write(this.#prompt);
    }

    /** Writes `query` to `output`; `callback` gets the next line read. */
    question(query: string, optionsOrCallback: unknown, callback?: (answer: string) => void): void {
      const answer = typeof optionsOrCallback === 'function' ? (optionsOrCallback as (answer: string) => void) : callback;
      if (typeof answer !== 'function') return;
      this.#ask(query, answer);
    }

    #ask(query: string, answer: (line: string) => void): void {
      if (this.closed) throw nodeErrors.useAfterClose('readline');
      if (this.#question) return this.prompt();
      this.#oldPrompt = this.#prompt;
      this.#prompt = query;
      this.#question = answer;
      this.prompt();
    }

    /** Feeds `data` as if it had been read from the input. */
    write(data: string): void {
      if (this.closed) throw nodeErrors.useAfterClose('readline');
      if (this.paused) this.resume();
      this.#normalWrite(data);
    }

    pause(): this | undefined {
      if (this.paused) return undefined;
      this.input.pause();
      this.paused = true;
      this.emit('pause');
      return this;
    }

    resume(): this | undefined {
      if (!this.paused) return undefined;
      this.input.resume();
      this.paused = false;
      this.emit('resume');
      return this;
    }

    /** Stops reading: 'close' follows at once; the input stream itself stays open. */
    close(): void {
      if (this.closed) return;
      this.pause();
      this.closed = true;
      this.emit('close');
    }

    /** Every line from now on, until the interface closes. Lines emitted before the loop started are gone. */
    [Symbol.asyncIterator](): AsyncIterableIterator<string> {
      this.#lines ??= lineIterator(this);
      return this.#lines;
    }

    /** @internal readline/promises' question. */
    static ask(rl: Interface, query: string): Promise<string> {
      return new Promise((resolve) => rl.#ask(query, resolve));
    }
  }
  named(Interface, 'Interface');

  const ask = Interface.ask;
  delete (Interface as { ask?: unknown }).ask;

  class PromisesInterface extends Interface {
    /** Writes `query` to `output` and resolves with the next line read. */
    override question(query: string): Promise<string> {
      return ask(this, query);
    }
  }
  named(PromisesInterface, 'Interface');

  const createInterface = (input: Readable | InterfaceOptions, output?: Writable | null) => new Interface(input, output);
  const promises = Object.freeze({
    Interface: PromisesInterface,
    createInterface: (input: Readable | InterfaceOptions, output?: Writable | null) => new PromisesInterface(input, output),
  });
  return {
    readline: Object.freeze({ Interface, createInterface, promises }),
    promises,
  };
}

function isReadable(value: unknown): value is Readable {
  return value !== null && typeof value === 'object' && typeof (value as Readable).on === 'function' && typeof (value as Readable).resume === 'function';
}

/** Node's `events.on(rl, 'line', { close: ['close'] })`: lines, then done once the interface closes. */
function lineIterator(rl: InstanceType<typeof EventEmitter> & { pause(): unknown; resume(): unknown }): AsyncIterableIterator<string> {
  const queued: string[] = [];
  const waiting: ((result: IteratorResult<string>) => void)[] = [];
  let closed = false;
  let pausedByUs = false;
  const onLine = (line: string) => {
    const next = waiting.shift();
    if (next) return next({ value: line, done: false });
    queued.push(line);
    if (queued.length >= ITERATOR_HIGH_WATER_MARK && !pausedByUs) {
      pausedByUs = true;
      rl.pause();
    }
  };
  const onClose = () => {
    closed = true;
    rl.removeListener('line', onLine);
    for (const next of waiting.splice(0)) next({ value: undefined, done: true });
  };
  rl.on('line', onLine);
  rl.once('close', onClose);
  const iterator: AsyncIterableIterator<string> = {
    next() {
      if (queued.length > 0) {
        const value = queued.shift()!;
        if (pausedByUs && queued.length < ITERATOR_HIGH_WATER_MARK / 2) {
          pausedByUs = false;
          rl.resume();
        }
        return Promise.resolve({ value, done: false });
      }
      if (closed) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return() {
      onClose();
      (rl as unknown as { close(): void }).close();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
