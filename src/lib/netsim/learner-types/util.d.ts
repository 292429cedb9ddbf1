/**
 * Helpers: `format` and `inspect` (how `console.log` shows values), `promisify` (a callback function as one
 * returning a promise), `types` (what kind of value is this?). They are Node's own code, so a value prints
 * as in Node.
 */

declare global {
  /** Turns strings into UTF-8 bytes. A global, and `util.TextEncoder`. */
  class TextEncoder {
    /** A UTF-8 encoder. */
    constructor();
    /** Always `'utf-8'`. */
    readonly encoding: string;
    /** The UTF-8 bytes of `input`. */
    encode(input?: string): Uint8Array;
    /** Writes the UTF-8 bytes of `source` into `destination`; says how much was read and written. */
    encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
  }

  /** Turns bytes into a string. A global, and `util.TextDecoder`. */
  class TextDecoder {
    /** `label`: the encoding (`'utf-8'` by default); `fatal`: throw on invalid bytes instead of writing U+FFFD. */
    constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
    /** The encoding, such as `'utf-8'`. */
    readonly encoding: string;
    /** True if invalid bytes throw. */
    readonly fatal: boolean;
    /** True if a byte order mark at the start is kept. */
    readonly ignoreBOM: boolean;
    /** The text of `input`. With `{ stream: true }`, a character split at the end is kept for the next call. */
    decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string;
  }
}

export { TextEncoder, TextDecoder };

/** How `inspect` shows a value. */
export interface InspectOptions {
  /** How deep to show nested objects (default 2; `null` or `Infinity`: all the way). */
  depth?: number | null;
  /** Colour the output with terminal escape codes. */
  colors?: boolean;
  /** Also show non-enumerable properties. */
  showHidden?: boolean;
  /** Put short objects on one line (default 3); false: every property on its own line. */
  compact?: boolean | number;
  /** Break lines longer than this (default 80). */
  breakLength?: number;
  /** Show at most this many array items (default 100). */
  maxArrayLength?: number | null;
  /** Show at most this many characters of a string (default 10,000). */
  maxStringLength?: number | null;
  /** Sort the properties of objects, Maps and Sets. */
  sorted?: boolean | ((a: string, b: string) => number);
  /** Show the values of getters. */
  getters?: boolean | 'get' | 'set';
  /** Call the objects' own `[util.inspect.custom]` methods (default true). */
  customInspect?: boolean;
  /** Show the target and handler of a Proxy. */
  showProxy?: boolean;
  /** Separate the thousands of numbers with `_`. */
  numericSeparator?: boolean;
}

/**
 * Builds a string as `console.log` does: `%s` (string), `%d` (number), `%i` (integer), `%f` (float), `%j`
 * (JSON), `%o`/`%O` (inspected object), `%%` in `format` are replaced by the next arguments; the rest are
 * appended, separated by spaces.
 * @example util.format('%s:%d', '10.0.0.2', 80) // '10.0.0.2:80'
 */
export function format(format?: any, ...params: any[]): string;
/** Same as `format`, with `inspect` options for the values it shows. */
export function formatWithOptions(inspectOptions: InspectOptions, format?: any, ...params: any[]): string;

/**
 * A value as Node shows it: `{ address: '10.0.0.2', port: 80 }`, `<Buffer 68 69>`, `[Function: f]`…
 * `console.log` prints objects this way.
 */
export function inspect(value: any, options?: InspectOptions): string;
export function inspect(value: any, showHidden?: boolean, depth?: number | null, color?: boolean): string;
export namespace inspect {
  /** The key of an object's own method that says how `inspect` shows it: `[util.inspect.custom]() { return 'Point(1, 2)'; }`. */
  const custom: unique symbol;
  /** The options `inspect` uses unless told otherwise. */
  let defaultOptions: InspectOptions;
  /** The terminal colours `inspect` knows, as [start, end] escape code numbers. */
  let colors: Record<string, [number, number]>;
  /** Which colour each kind of value gets with `colors: true`. */
  let styles: Record<string, string>;
}

/** `text` without its terminal escape codes (colours, cursor moves). */
export function stripVTControlCharacters(text: string): string;

/**
 * A version of `fn` that returns a promise instead of taking a callback. `fn` must take an error-first
 * callback last (`(err, result) => …`, Node's convention); the promise resolves with `result` or rejects with
 * `err`. Throws ERR_INVALID_ARG_TYPE if `fn` is not a function. `util.promisify(setTimeout)` gives
 * `timers/promises`' `setTimeout`, and `util.promisify(dns.lookup)` resolves with `{ address, family }`.
 * @example
 * const lookup = util.promisify(dns.lookup);
 * const address = await lookup('web');
 */
export function promisify(fn: typeof globalThis.setTimeout): typeof import('node:timers/promises').setTimeout;
export function promisify(fn: typeof globalThis.setImmediate): typeof import('node:timers/promises').setImmediate;
export function promisify(fn: typeof import('node:dns').lookup): typeof import('node:dns/promises').lookup;
export function promisify<TCustom extends Function>(fn: { [promisify.custom]: TCustom }): TCustom;
export function promisify<TResult>(fn: (callback: (err: any, result: TResult) => void) => void): () => Promise<TResult>;
export function promisify(fn: (callback: (err?: any) => void) => void): () => Promise<void>;
export function promisify<T1, TResult>(fn: (arg1: T1, callback: (err: any, result: TResult) => void) => void): (arg1: T1) => Promise<TResult>;
export function promisify<T1>(fn: (arg1: T1, callback: (err?: any) => void) => void): (arg1: T1) => Promise<void>;
export function promisify<T1, T2, TResult>(fn: (arg1: T1, arg2: T2, callback: (err: any, result: TResult) => void) => void): (arg1: T1, arg2: T2) => Promise<TResult>;
export function promisify<T1, T2>(fn: (arg1: T1, arg2: T2, callback: (err?: any) => void) => void): (arg1: T1, arg2: T2) => Promise<void>;
export function promisify<T1, T2, T3, TResult>(fn: (arg1: T1, arg2: T2, arg3: T3, callback: (err: any, result: TResult) => void) => void): (arg1: T1, arg2: T2, arg3: T3) => Promise<TResult>;
export function promisify<T1, T2, T3>(fn: (arg1: T1, arg2: T2, arg3: T3, callback: (err?: any) => void) => void): (arg1: T1, arg2: T2, arg3: T3) => Promise<void>;
export function promisify(fn: Function): Function;
export namespace promisify {
  /** The key under which a function keeps its own promise version, which `promisify` returns as it is. */
  const custom: unique symbol;
}

/**
 * A version of the async function `fn` that takes an error-first callback last instead of returning a
 * promise: `callback(null, result)`, or `callback(err)` if the promise rejects.
 */
export function callbackify<TArgs extends any[], TResult>(fn: (...args: TArgs) => Promise<TResult>): (...args: [...TArgs, (err: NodeJS.ErrnoException | null, result: TResult) => void]) => void;

/**
 * Makes `constructor` inherit the prototype methods of `superConstructor` (the way before `class … extends`).
 * @deprecated Legacy: use `class … extends`.
 */
export function inherits(constructor: unknown, superConstructor: unknown): void;
/** `fn`, which in Node would warn once that it is deprecated; no warning is printed here. */
export function deprecate<T extends Function>(fn: T, message: string, code?: string): T;
/** A logging function for `section` that prints only when NODE_DEBUG names it: here it never prints. */
export function debuglog(section: string): (message: string, ...params: any[]) => void;
/** Same as `debuglog`. */
export function debug(section: string): (message: string, ...params: any[]) => void;

/** What kind of value is this? Checks JavaScript's built-in types. */
export namespace types {
  /** True for an `arguments` object. */
  function isArgumentsObject(value: unknown): value is IArguments;
  /** True for a `function*`. */
  function isGeneratorFunction(value: unknown): boolean;
  /** True for an `async function`. */
  function isAsyncFunction(value: unknown): boolean;
  /** True for the object a generator function returned. */
  function isGeneratorObject(value: unknown): value is Generator;
  /** True for a Promise. */
  function isPromise(value: unknown): value is Promise<unknown>;
  /** True for a Map. */
  function isMap(value: unknown): value is Map<unknown, unknown>;
  /** True for a Set. */
  function isSet(value: unknown): value is Set<unknown>;
  /** True for a WeakMap. */
  function isWeakMap(value: unknown): value is WeakMap<object, unknown>;
  /** True for a WeakSet. */
  function isWeakSet(value: unknown): value is WeakSet<object>;
  /** True for an iterator of a Map (`map.entries()`…). */
  function isMapIterator(value: unknown): boolean;
  /** True for an iterator of a Set. */
  function isSetIterator(value: unknown): boolean;
  /** True for a RegExp. */
  function isRegExp(value: unknown): value is RegExp;
  /** True for a Date. */
  function isDate(value: unknown): value is Date;
  /** True for an Error made by JavaScript itself (Error, TypeError, RangeError…). */
  function isNativeError(value: unknown): value is Error;
  /** True for an ArrayBuffer. */
  function isArrayBuffer(value: unknown): value is ArrayBuffer;
  /** True for a SharedArrayBuffer. */
  function isSharedArrayBuffer(value: unknown): value is SharedArrayBuffer;
  /** True for an ArrayBuffer or a SharedArrayBuffer. */
  function isAnyArrayBuffer(value: unknown): value is ArrayBufferLike;
  /** True for a typed array or a DataView (a Buffer too). */
  function isArrayBufferView(value: unknown): value is ArrayBufferView;
  /** True for a DataView. */
  function isDataView(value: unknown): value is DataView;
  /** True for any typed array (a Buffer too). */
  function isTypedArray(value: unknown): boolean;
  /** True for a Uint8Array (a Buffer too). */
  function isUint8Array(value: unknown): value is Uint8Array;
  /** True for a Uint8ClampedArray. */
  function isUint8ClampedArray(value: unknown): value is Uint8ClampedArray;
  /** True for a Uint16Array. */
  function isUint16Array(value: unknown): value is Uint16Array;
  /** True for a Uint32Array. */
  function isUint32Array(value: unknown): value is Uint32Array;
  /** True for an Int8Array. */
  function isInt8Array(value: unknown): value is Int8Array;
  /** True for an Int16Array. */
  function isInt16Array(value: unknown): value is Int16Array;
  /** True for an Int32Array. */
  function isInt32Array(value: unknown): value is Int32Array;
  /** True for a Float32Array. */
  function isFloat32Array(value: unknown): value is Float32Array;
  /** True for a Float64Array. */
  function isFloat64Array(value: unknown): value is Float64Array;
  /** True for a BigInt64Array. */
  function isBigInt64Array(value: unknown): value is BigInt64Array;
  /** True for a BigUint64Array. */
  function isBigUint64Array(value: unknown): value is BigUint64Array;
  /** True for a boxed number (`new Number(1)`). */
  function isNumberObject(value: unknown): value is Number;
  /** True for a boxed string (`new String('a')`). */
  function isStringObject(value: unknown): value is String;
  /** True for a boxed boolean (`new Boolean(true)`). */
  function isBooleanObject(value: unknown): value is Boolean;
  /** True for a boxed bigint (`Object(1n)`). */
  function isBigIntObject(value: unknown): value is BigInt;
  /** True for a boxed symbol (`Object(Symbol())`). */
  function isSymbolObject(value: unknown): value is Symbol;
  /** True for any boxed primitive (`new Number(1)`, `new String('a')`…). */
  function isBoxedPrimitive(value: unknown): boolean;
}
