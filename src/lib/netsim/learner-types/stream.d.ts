/**
 * Streams: data that comes in pieces over time. A TCP socket is a `Duplex` stream (you read what the peer
 * sends and write what it receives); `process.stdout` is a `Writable`. As in Node, the module is the legacy
 * `Stream` class, carrying `Readable`, `Writable`, `Duplex`, `Transform`, `PassThrough`, `pipeline`,
 * `finished` and `promises`. They are Node's own streams (the readable-stream package), so everything
 * below behaves as in Node.
 */
import { EventEmitter } from 'node:events';
import internal = require('node:stream');

interface ReadableEventMap {
  /** `'close'`: the stream is closed and everything it held is released. Nothing happens after it. */
  close: [];
  /**
   * `'data'`: a chunk was read. Adding a `'data'` listener starts the flow; until someone reads, the chunks
   * wait in the stream's buffer.
   */
  data: [chunk: any];
  /** `'end'`: everything was read: no more `'data'` will come. */
  end: [];
  /** `'error'`: something failed; the stream is destroyed. Without a listener, the program crashes with it. */
  error: [err: Error];
  /** `'pause'`: `pause()` stopped the flow of `'data'`. */
  pause: [];
  /** `'readable'`: there is data to `read()`, or the end was reached (then `read()` returns null). */
  readable: [];
  /** `'resume'`: `resume()` restarted the flow of `'data'`. */
  resume: [];
}

interface WritableEventMap {
  /** `'close'`: the stream is closed and everything it held is released. Nothing happens after it. */
  close: [];
  /** `'drain'`: the buffer emptied: after `write()` returned false, you may write again. */
  drain: [];
  /** `'error'`: something failed; the stream is destroyed. Without a listener, the program crashes with it. */
  error: [err: Error];
  /** `'finish'`: after `end()`, every chunk was handed on. */
  finish: [];
  /** `'pipe'`: a readable stream started piping into this one. */
  pipe: [src: import('node:stream').Readable];
  /** `'unpipe'`: a readable stream stopped piping into this one. */
  unpipe: [src: import('node:stream').Readable];
}

interface DuplexEventMap extends ReadableEventMap, WritableEventMap {}

declare global {
  namespace NodeJS {
    /** Anything you can read from as a stream: a Readable, a socket, `process.stdin`. */
    interface ReadableStream extends EventEmitter {
      /** True while reading is possible. */
      readonly readable: boolean;
      /** Takes up to `size` bytes out of the buffer, or null if there are not that many yet. */
      read(size?: number): any;
      /** Decodes the chunks into strings from now on. */
      setEncoding(encoding: BufferEncoding): this;
      /** Stops the flow of `'data'`. */
      pause(): this;
      /** Starts the flow of `'data'` again. */
      resume(): this;
      /** True after `pause()`. */
      isPaused(): boolean;
      /** Sends everything read into `destination`, with backpressure; returns `destination`. */
      pipe<T extends WritableStream>(destination: T, options?: { end?: boolean }): T;
      /** Stops piping into `destination` (or into every destination). */
      unpipe(destination?: WritableStream): this;
      /** Puts `chunk` back at the front of the buffer. */
      unshift(chunk: any, encoding?: BufferEncoding): void;
      /** Every chunk, for `for await`. */
      [Symbol.asyncIterator](): AsyncIterableIterator<any>;
    }

    /** Anything you can write to as a stream: a Writable, a socket, `process.stdout`. */
    interface WritableStream extends EventEmitter {
      /** True while `write()` is allowed. */
      readonly writable: boolean;
      /** Queues `chunk`; false once the buffer is full (wait for `'drain'`). */
      write(chunk: any, callback?: (err?: Error | null) => void): boolean;
      write(chunk: any, encoding: BufferEncoding, callback?: (err?: Error | null) => void): boolean;
      /** Says there is nothing more to write (after writing `chunk`, if given). */
      end(callback?: () => void): this;
      end(chunk: any, callback?: () => void): this;
      end(chunk: any, encoding: BufferEncoding, callback?: () => void): this;
    }

    /** A stream with both sides: a Duplex, a socket. */
    interface ReadWriteStream extends ReadableStream, WritableStream {}
  }
}

/** The legacy base class of every stream: an EventEmitter with `pipe`. */
declare class Stream extends EventEmitter {
  /** The legacy base stream: use Readable, Writable, Duplex or Transform instead. */
  constructor();
  /**
   * Sends everything this stream reads into `destination`, pausing when `destination` is full (its `write()`
   * returned false) and going on at its `'drain'`; ends `destination` when this stream ends (unless
   * `{ end: false }`). Errors are not forwarded: prefer `stream.pipeline`, which also destroys both on an
   * error. Returns `destination`, so pipes can be chained.
   * @example socket.pipe(socket); // an echo server
   */
  pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T;
}

declare namespace Stream {
  export { internal as Stream };

  /** How a Readable stream is made. */
  export interface ReadableOptions<T extends Stream = Readable> {
    /** How many bytes (or objects) to buffer before `push()` returns false (64 KiB, or 16 objects). */
    highWaterMark?: number;
    /** Decode the chunks into strings with this encoding. */
    encoding?: BufferEncoding;
    /** Chunks are any JavaScript values, not bytes. */
    objectMode?: boolean;
    /** Destroy the stream once it ended (default true). */
    autoDestroy?: boolean;
    /** Emit `'close'` once destroyed (default true). */
    emitClose?: boolean;
    /** Your `_read`: called when the stream wants data; call `this.push(chunk)` (or `this.push(null)` at the end). */
    read?(this: T, size: number): void;
    /** Your `_destroy`. */
    destroy?(this: T, error: Error | null, callback: (error?: Error | null) => void): void;
    /** Your `_construct`: runs before anything is read; call `callback` when ready. */
    construct?(this: T, callback: (error?: Error | null) => void): void;
  }

  /**
   * A stream you read from. Data waits in its buffer until someone reads it, by a `'data'` listener (which
   * starts the flow), `for await`, `pipe`, or `read()` after `'readable'`.
   */
  export class Readable extends Stream {
    /**
     * A Readable that gives the values of `iterable` (an array, a generator, an async generator…) one by one.
     * @example Readable.from(['one\n', 'two\n']).pipe(socket);
     */
    static from(iterable: Iterable<any> | AsyncIterable<any>, options?: ReadableOptions): Readable;
    /** True if `stream` was ever read from or cancelled. */
    static isDisturbed(stream: NodeJS.ReadableStream | NodeJS.WritableStream): boolean;

    /** A Readable of your own: give `read` in `options` (or subclass and write `_read`). */
    constructor(options?: ReadableOptions);
    /** True while reading is possible: false once it ended, errored or was destroyed. */
    readonly readable: boolean;
    /** True if the stream was destroyed or errored before it emitted `'end'`. */
    readonly readableAborted: boolean;
    /** True once `'data'` was emitted. */
    readonly readableDidRead: boolean;
    /** The encoding set by `setEncoding`, or null. */
    readonly readableEncoding: BufferEncoding | null;
    /** True once `'end'` was emitted. */
    readonly readableEnded: boolean;
    /** Whether data flows: null before anyone reads, true while flowing, false after `pause()`. */
    readonly readableFlowing: boolean | null;
    /** The `highWaterMark` the stream was made with. */
    readonly readableHighWaterMark: number;
    /** How many bytes (or objects) wait in the buffer to be read. */
    readonly readableLength: number;
    /** True if the stream was made with `objectMode`. */
    readonly readableObjectMode: boolean;
    /** True once `destroy()` was called. */
    destroyed: boolean;
    /** True once `'close'` was emitted. */
    readonly closed: boolean;
    /** The error the stream was destroyed with, or null. */
    readonly errored: Error | null;

    /** For stream implementers: runs before the first `_read`; call `callback` when ready. */
    _construct?(callback: (error?: Error | null) => void): void;
    /** For stream implementers: the stream wants up to `size` more bytes; `push` them when you have them. */
    _read(size: number): void;
    /**
     * Takes up to `size` bytes (all that are buffered, without `size`) out of the buffer, or null if there
     * are not that many yet. Use it in a `'readable'` listener; a null means wait for the next `'readable'`.
     */
    read(size?: number): any;
    /** Decodes the chunks into strings from now on (`'data'` gives strings); a character split across two chunks is kept whole. */
    setEncoding(encoding: BufferEncoding): this;
    /** Stops emitting `'data'`; incoming data waits in the buffer (and, on a socket, in the kernel). */
    pause(): this;
    /** Starts (again) emitting `'data'`. */
    resume(): this;
    /** True after `pause()`. */
    isPaused(): boolean;
    /** Stops piping into `destination` (or into every destination). */
    unpipe(destination?: NodeJS.WritableStream): this;
    /** Puts `chunk` back at the front of the buffer, to be read again (for example the bytes after a header you parsed). */
    unshift(chunk: any, encoding?: BufferEncoding): void;
    /** Reads from an old-style stream (from before Node 0.10) through this one. */
    wrap(stream: NodeJS.ReadableStream): this;
    /**
     * For stream implementers: adds `chunk` to the buffer (`null` ends the stream). Returns false once the buffer
     * is full: stop pushing until the next `_read`.
     */
    push(chunk: any, encoding?: BufferEncoding): boolean;
    /** For stream implementers: releases what the stream holds, then calls `callback`. */
    _destroy(error: Error | null, callback: (error?: Error | null) => void): void;
    /** Closes the stream at once; buffered data is dropped. With `error`, emits `'error'` then `'close'`. */
    destroy(error?: Error): this;
    /** Every chunk, for `for await (const chunk of stream)`. Leaving the loop early destroys the stream. */
    [Symbol.asyncIterator](): AsyncIterableIterator<any>;

    /** A Readable of `fn(chunk)` for every chunk (awaited if it returns a promise). Experimental in Node. */
    map(fn: (chunk: any) => any, options?: { concurrency?: number }): Readable;
    /** A Readable of the chunks for which `fn(chunk)` is truthy. Experimental in Node. */
    filter(fn: (chunk: any) => boolean | Promise<boolean>, options?: { concurrency?: number }): Readable;
    /** Calls `fn` for every chunk; resolves once the stream ended. Experimental in Node. */
    forEach(fn: (chunk: any) => void | Promise<void>, options?: { concurrency?: number }): Promise<void>;
    /** Resolves with every chunk, once the stream ended. Experimental in Node. */
    toArray(): Promise<any[]>;
    /** Resolves true as soon as `fn(chunk)` is truthy for a chunk. Experimental in Node. */
    some(fn: (chunk: any) => boolean | Promise<boolean>, options?: { concurrency?: number }): Promise<boolean>;
    /** Resolves with the first chunk for which `fn(chunk)` is truthy, or undefined. Experimental in Node. */
    find(fn: (chunk: any) => boolean | Promise<boolean>, options?: { concurrency?: number }): Promise<any>;
    /** Resolves true if `fn(chunk)` is truthy for every chunk. Experimental in Node. */
    every(fn: (chunk: any) => boolean | Promise<boolean>, options?: { concurrency?: number }): Promise<boolean>;
    /** A Readable of every value of the iterables (or streams) `fn(chunk)` returns. Experimental in Node. */
    flatMap(fn: (chunk: any) => any, options?: { concurrency?: number }): Readable;
    /** A Readable without the first `limit` chunks. Experimental in Node. */
    drop(limit: number): Readable;
    /** A Readable of the first `limit` chunks only. Experimental in Node. */
    take(limit: number): Readable;
    /** Folds the chunks into one value, as `Array.prototype.reduce`. Experimental in Node. */
    reduce(fn: (previous: any, chunk: any) => any, initial?: any): Promise<any>;

    // @events ReadableEventMap
  }

  /** How a Writable stream is made. */
  export interface WritableOptions<T extends Stream = Writable> {
    /** How many bytes (or objects) to buffer before `write()` returns false (64 KiB, or 16 objects). */
    highWaterMark?: number;
    /** Turn strings into Buffers before `_write` (default true). */
    decodeStrings?: boolean;
    /** The encoding of strings written without one (default `'utf8'`). */
    defaultEncoding?: BufferEncoding;
    /** Chunks are any JavaScript values, not bytes. */
    objectMode?: boolean;
    /** Destroy the stream once it finished (default true). */
    autoDestroy?: boolean;
    /** Emit `'close'` once destroyed (default true). */
    emitClose?: boolean;
    /** Your `_write`: handle one chunk, then call `callback` (with an error if it failed). */
    write?(this: T, chunk: any, encoding: BufferEncoding, callback: (error?: Error | null) => void): void;
    /** Your `_writev`: handle several buffered chunks at once. */
    writev?(this: T, chunks: { chunk: any; encoding: BufferEncoding }[], callback: (error?: Error | null) => void): void;
    /** Your `_final`: runs after the last write, before `'finish'`. */
    final?(this: T, callback: (error?: Error | null) => void): void;
    /** Your `_destroy`. */
    destroy?(this: T, error: Error | null, callback: (error?: Error | null) => void): void;
    /** Your `_construct`: runs before anything is written; call `callback` when ready. */
    construct?(this: T, callback: (error?: Error | null) => void): void;
  }

  /** A stream you write to. Chunks are buffered and handed on in order; `end()` says there is no more. */
  export class Writable extends Stream {
    /** A Writable of your own: give `write` in `options` (or subclass and write `_write`). */
    constructor(options?: WritableOptions);
    /** True while `write()` is allowed: false after `end()`, an error, or `destroy()`. */
    readonly writable: boolean;
    /** True if the stream was destroyed or errored before it emitted `'finish'`. */
    readonly writableAborted: boolean;
    /** True once `end()` was called. */
    readonly writableEnded: boolean;
    /** True once `'finish'` was emitted: every chunk was handed on. */
    readonly writableFinished: boolean;
    /** The `highWaterMark` the stream was made with. */
    readonly writableHighWaterMark: number;
    /** How many bytes (or objects) wait in the buffer to be handed on. */
    readonly writableLength: number;
    /** True if the stream was made with `objectMode`. */
    readonly writableObjectMode: boolean;
    /** How many times `cork()` was called without `uncork()` yet. */
    readonly writableCorked: number;
    /** True if `write()` returned false and `'drain'` has not come yet: stop writing. */
    readonly writableNeedDrain: boolean;
    /** True once `destroy()` was called. */
    destroyed: boolean;
    /** True once `'close'` was emitted. */
    readonly closed: boolean;
    /** The error the stream was destroyed with, or null. */
    readonly errored: Error | null;

    /** For stream implementers: runs before the first `_write`; call `callback` when ready. */
    _construct?(callback: (error?: Error | null) => void): void;
    /** For stream implementers: hand one chunk on, then call `callback`. */
    _write(chunk: any, encoding: BufferEncoding, callback: (error?: Error | null) => void): void;
    /** For stream implementers: hand several buffered chunks on at once. */
    _writev?(chunks: { chunk: any; encoding: BufferEncoding }[], callback: (error?: Error | null) => void): void;
    /** For stream implementers: runs after the last chunk, before `'finish'`. */
    _final?(callback: (error?: Error | null) => void): void;
    /** For stream implementers: releases what the stream holds, then calls `callback`. */
    _destroy(error: Error | null, callback: (error?: Error | null) => void): void;
    /**
     * Queues `chunk`. Returns false once the buffer holds `writableHighWaterMark` or more: the chunk is kept,
     * but wait for `'drain'` before writing more. `callback` runs once the chunk was handed on (or failed).
     * Writing after `end()` fails with ERR_STREAM_WRITE_AFTER_END; writing `null` throws ERR_STREAM_NULL_VALUES.
     */
    write(chunk: any, callback?: (error: Error | null | undefined) => void): boolean;
    write(chunk: any, encoding: BufferEncoding, callback?: (error: Error | null | undefined) => void): boolean;
    /** The encoding of strings written without one. */
    setDefaultEncoding(encoding: BufferEncoding): this;
    /** Says there is nothing more to write (after writing `chunk`, if given). `callback` runs at `'finish'`, or with the error. */
    end(callback?: () => void): this;
    end(chunk: any, callback?: () => void): this;
    end(chunk: any, encoding: BufferEncoding, callback?: () => void): this;
    /** Holds writes in the buffer until `uncork()`, so several small writes go on together. */
    cork(): void;
    /** Hands on what was held since `cork()` (once every `cork()` has its `uncork()`). */
    uncork(): void;
    /** Closes the stream at once; buffered chunks are dropped. With `error`, emits `'error'` then `'close'`. */
    destroy(error?: Error): this;

    // @events WritableEventMap
  }

  /** How a Duplex stream is made: the options of both sides. */
  export interface DuplexOptions<T extends Duplex = Duplex> extends ReadableOptions<T>, WritableOptions<T> {
    /** Keep the writable side open after the readable side ended (default true). */
    allowHalfOpen?: boolean;
    /** Start with the readable side ended. */
    readable?: boolean;
    /** Start with the writable side ended. */
    writable?: boolean;
    /** The readable side carries any JavaScript values, not bytes. */
    readableObjectMode?: boolean;
    /** The writable side carries any JavaScript values, not bytes. */
    writableObjectMode?: boolean;
    /** The `highWaterMark` of the readable side. */
    readableHighWaterMark?: number;
    /** The `highWaterMark` of the writable side. */
    writableHighWaterMark?: number;
  }

  /**
   * A stream with two independent sides: what you read and what you write are different data (a TCP socket:
   * you read what the peer sent and write what it will receive).
   */
  export class Duplex extends Readable {
    /**
     * A Duplex made from something else: a stream, an iterable, an async generator function (which becomes the
     * writable side's consumer), a promise, or `{ readable, writable }`.
     */
    static from(source: NodeJS.ReadableStream | NodeJS.WritableStream | Iterable<any> | AsyncIterable<any> | ((source: AsyncIterable<any>) => any) | Promise<any> | { readable?: NodeJS.ReadableStream; writable?: NodeJS.WritableStream }): Duplex;

    /** A Duplex of your own: give `read` and `write` in `options` (or subclass). */
    constructor(options?: DuplexOptions);
    /** If false, the writable side is ended as soon as the readable side ends. */
    allowHalfOpen: boolean;
    /** True while `write()` is allowed: false after `end()`, an error, or `destroy()`. */
    readonly writable: boolean;
    /** True once `end()` was called. */
    readonly writableEnded: boolean;
    /** True once `'finish'` was emitted: every chunk was handed on. */
    readonly writableFinished: boolean;
    /** The `highWaterMark` of the writable side. */
    readonly writableHighWaterMark: number;
    /** How many bytes (or objects) wait in the buffer to be handed on. */
    readonly writableLength: number;
    /** True if the writable side is in `objectMode`. */
    readonly writableObjectMode: boolean;
    /** How many times `cork()` was called without `uncork()` yet. */
    readonly writableCorked: number;
    /** True if `write()` returned false and `'drain'` has not come yet: stop writing. */
    readonly writableNeedDrain: boolean;

    /** For stream implementers: hand one chunk on, then call `callback`. */
    _write(chunk: any, encoding: BufferEncoding, callback: (error?: Error | null) => void): void;
    /** For stream implementers: hand several buffered chunks on at once. */
    _writev?(chunks: { chunk: any; encoding: BufferEncoding }[], callback: (error?: Error | null) => void): void;
    /** For stream implementers: runs after the last chunk, before `'finish'`. */
    _final?(callback: (error?: Error | null) => void): void;
    /**
     * Queues `chunk`. Returns false once the buffer holds `writableHighWaterMark` or more: the chunk is kept,
     * but wait for `'drain'` before writing more. `callback` runs once the chunk was handed on (or failed).
     */
    write(chunk: any, callback?: (error: Error | null | undefined) => void): boolean;
    write(chunk: any, encoding: BufferEncoding, callback?: (error: Error | null | undefined) => void): boolean;
    /** The encoding of strings written without one. */
    setDefaultEncoding(encoding: BufferEncoding): this;
    /** Ends the writable side (after writing `chunk`, if given). `callback` runs at `'finish'`, or with the error. */
    end(callback?: () => void): this;
    end(chunk: any, callback?: () => void): this;
    end(chunk: any, encoding: BufferEncoding, callback?: () => void): this;
    /** Holds writes in the buffer until `uncork()`, so several small writes go on together. */
    cork(): void;
    /** Hands on what was held since `cork()` (once every `cork()` has its `uncork()`). */
    uncork(): void;

    // @events DuplexEventMap
  }

  /** How a Transform stream is made. */
  export interface TransformOptions<T extends Transform = Transform> extends DuplexOptions<T> {
    /** Your `_transform`: turn one chunk into output (`this.push(…)` or `callback(null, output)`), then call `callback`. */
    transform?(this: T, chunk: any, encoding: BufferEncoding, callback: TransformCallback): void;
    /** Your `_flush`: push what is left once the input ended, then call `callback`. */
    flush?(this: T, callback: TransformCallback): void;
  }

  /** Called when a chunk is transformed: `callback(error)` or `callback(null, output)`. */
  export type TransformCallback = (error?: Error | null, data?: any) => void;

  /**
   * A Duplex whose output is computed from its input: what you write comes out transformed (upper-cased,
   * split into lines, compressed…).
   */
  export class Transform extends Duplex {
    /** A Transform of your own: give `transform` in `options` (or subclass and write `_transform`). */
    constructor(options?: TransformOptions);
    /** For stream implementers: turn one chunk into output, then call `callback`. */
    _transform(chunk: any, encoding: BufferEncoding, callback: TransformCallback): void;
    /** For stream implementers: push what is left once the input ended, then call `callback`. */
    _flush?(callback: TransformCallback): void;
  }

  /** A Transform that passes every chunk through unchanged. */
  export class PassThrough extends Transform {}

  /** Where a pipeline starts: a readable stream, an iterable, or a function returning one. */
  export type PipelineSource = NodeJS.ReadableStream | Iterable<any> | AsyncIterable<any> | (() => Iterable<any> | AsyncIterable<any>);
  /** A step in the middle of a pipeline: a Duplex (Transform), or an async generator function of the chunks before it. */
  export type PipelineTransform = NodeJS.ReadWriteStream | ((source: AsyncIterable<any>) => AsyncIterable<any>);
  /** Where a pipeline ends: a writable stream, or an async function that consumes the chunks. */
  export type PipelineDestination = NodeJS.WritableStream | ((source: AsyncIterable<any>) => Promise<any> | AsyncIterable<any>);
  /** Called once, when the pipeline finished (`err` null) or failed. */
  export type PipelineCallback = (err: NodeJS.ErrnoException | null) => void;
  /** What `pipeline` returns: the last stream, or a stream of what the last function gives. */
  export type PipelineResult<D> = D extends NodeJS.WritableStream ? D : Duplex;

  /**
   * Pipes `source` through every transform into `destination`, with backpressure, and destroys all of them
   * if one fails; `callback` runs once, when everything finished or with the first error (which no longer
   * crashes the program). Returns the last stream.
   * @example pipeline(socket, socket, (err) => { if (err) console.error(err.message); }); // an echo server
   */
  export function pipeline<D extends PipelineDestination>(source: PipelineSource, destination: D, callback: PipelineCallback): PipelineResult<D>;
  export function pipeline<D extends PipelineDestination>(source: PipelineSource, transform: PipelineTransform, destination: D, callback: PipelineCallback): PipelineResult<D>;
  export function pipeline<D extends PipelineDestination>(source: PipelineSource, transform1: PipelineTransform, transform2: PipelineTransform, destination: D, callback: PipelineCallback): PipelineResult<D>;
  export function pipeline(...streams: [PipelineSource, ...PipelineTransform[], PipelineDestination, PipelineCallback]): NodeJS.WritableStream;
  export function pipeline(streams: readonly (PipelineSource | PipelineTransform | PipelineDestination)[], callback: PipelineCallback): NodeJS.WritableStream;

  /** What `finished` waits for. */
  export interface FinishedOptions {
    /** Also call back on an `'error'` (default true). */
    error?: boolean;
    /** Wait for the readable side to end (default true). */
    readable?: boolean;
    /** Wait for the writable side to finish (default true). */
    writable?: boolean;
  }

  /**
   * Calls `callback` once `stream` is done: ended, finished, errored or closed too early (then with an error,
   * such as ERR_STREAM_PREMATURE_CLOSE). Returns a function that removes the listeners it added.
   */
  export function finished(stream: NodeJS.ReadableStream | NodeJS.WritableStream, callback: (err?: NodeJS.ErrnoException | null) => void): () => void;
  export function finished(stream: NodeJS.ReadableStream | NodeJS.WritableStream, options: FinishedOptions, callback: (err?: NodeJS.ErrnoException | null) => void): () => void;

  /** True if `stream` was ever read from or cancelled. */
  export function isDisturbed(stream: NodeJS.ReadableStream | NodeJS.WritableStream): boolean;
  /** True if `stream` was destroyed with an error. */
  export function isErrored(stream: NodeJS.ReadableStream | NodeJS.WritableStream): boolean;
  /** True if `stream` can still be read from; null if it is not a readable stream. */
  export function isReadable(stream: NodeJS.ReadableStream): boolean | null;
  /** True if `stream` can still be written to; null if it is not a writable stream. */
  export function isWritable(stream: NodeJS.WritableStream): boolean | null;
  /** The `highWaterMark` new streams get: 65536 bytes, or 16 objects in `objectMode`. */
  export function getDefaultHighWaterMark(objectMode: boolean): number;
  /** Changes the `highWaterMark` new streams get. */
  export function setDefaultHighWaterMark(objectMode: boolean, value: number): void;

  /** `pipeline` and `finished` returning promises (the same as `node:stream/promises`). */
  export const promises: typeof import('node:stream/promises');
}

export = Stream;
