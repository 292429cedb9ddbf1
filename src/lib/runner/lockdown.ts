/**
 * `lockdown()`: freezes the JavaScript intrinsics of the worker before learner code runs, in the spirit of
 * SES, so a program cannot change how the runner, netsim or the RunRecord behave (monkeypatching
 * `Array.prototype.push`, `JSON.stringify`, `Promise.prototype.then`…). Once per realm; it cannot be undone.
 *
 * Freezing a prototype makes `instance.name = …` throw when `name` is a data property of the frozen
 * prototype (the "override mistake"). As SES does, the commonly overridden properties become accessors
 * whose setter defines the property on the instance instead.
 */

/** Global names of the intrinsics frozen deeply (constructors, their prototypes, everything reachable). */
const INTRINSICS = [
  'Object', 'Function', 'Array', 'Promise', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt',
  'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError',
  'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'RegExp', 'Date', 'JSON', 'Math', 'Reflect',
  'Proxy', 'ArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Iterator',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI',
  'TextEncoder', 'TextDecoder', 'structuredClone', 'queueMicrotask',
] as const;

/** Host globals the runner and netsim use for scheduling and messaging: made read-only, not frozen. */
const HOST_BINDINGS = [
  'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'MessageChannel',
  'MessagePort', 'postMessage', 'addEventListener', 'removeEventListener', 'performance', 'console', 'globalThis',
] as const;

/** Properties that ordinary code assigns on instances, kept assignable after freezing (SES "moderate"). */
const OVERRIDABLE: Record<string, readonly (string | symbol)[]> = {
  // Each accessor costs a call on every read, so hot methods (Array#map, Promise#then) stay plain data.
  'Object.prototype': ['constructor', 'toString', 'valueOf', 'toLocaleString', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable'],
  'Function.prototype': ['constructor', 'toString'],
  'Error.prototype': ['constructor', 'name', 'message', 'toString'],
  'Array.prototype': ['constructor', 'toString', 'push'],
  'Promise.prototype': ['constructor'],
  'Uint8Array.prototype': ['constructor', 'toString'],
  'Map.prototype': ['constructor'],
  'Set.prototype': ['constructor'],
  'Date.prototype': ['constructor', 'toString', 'toJSON'],
  'RegExp.prototype': ['constructor', 'toString'],
  'String.prototype': ['constructor', 'toString'],
  'Number.prototype': ['constructor', 'toString'],
  'Boolean.prototype': ['constructor', 'toString'],
  'Symbol.prototype': ['constructor', 'toString'],
};

const ERROR_SUBCLASSES = ['TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError'];

let lockedDown = false;

export function isLockedDown(): boolean {
  return lockedDown;
}

export interface LockdownOptions {
  /**
   * Also make the host's scheduling and messaging globals read-only (default true, as in the worker). A
   * test runner that swaps `setTimeout` between tests needs them writable.
   */
  hostGlobals?: boolean;
}

export function lockdown(options: LockdownOptions = {}): void {
  if (lockedDown) return;
  const global = globalThis as unknown as Record<string, unknown>;
  const roots: unknown[] = [];
  for (const name of INTRINSICS) if (name in global) roots.push(global[name]);
  roots.push(...hiddenIntrinsics());

  for (const [path, keys] of Object.entries(OVERRIDABLE)) {
    const [owner] = path.split('.');
    const proto = (global[owner!] as { prototype?: object } | undefined)?.prototype;
    if (proto) enableOverrides(proto, keys);
  }
  for (const name of ERROR_SUBCLASSES) {
    const proto = (global[name] as { prototype?: object } | undefined)?.prototype;
    if (proto) enableOverrides(proto, ['constructor', 'name', 'message']);
  }

  for (const root of roots) deepFreeze(root);
  for (const name of INTRINSICS) makeReadOnly(global, name);
  if (options.hostGlobals ?? true) for (const name of HOST_BINDINGS) makeReadOnly(global, name);
  lockedDown = true;
}

/**
 * Freezes Node's userland libraries that every emulated process shares (readable-stream, events, buffer,
 * util…): within a run the exercise's own programs (its driver) use the same classes as the learner's, so a
 * program that patched `stream.Duplex.prototype` could change how the driver behaves. Each process's own
 * `net.Socket`, `net.Server` and `dgram.Socket` are classes of that process and stay its own to patch.
 */
export function hardenLibraries(roots: readonly unknown[]): void {
  // The classes are the roots themselves (events is EventEmitter) or their members (stream.Duplex, buffer.Buffer).
  const classes = new Set<unknown>();
  for (const root of roots) {
    if (typeof root === 'function') classes.add(root);
    if ((typeof root !== 'object' && typeof root !== 'function') || root === null) continue;
    for (const key of Reflect.ownKeys(root)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(root, key);
      if (descriptor && 'value' in descriptor && typeof descriptor.value === 'function') classes.add(descriptor.value);
    }
  }
  const prototypes = new Set<object>();
  for (const value of classes) {
    for (let proto: unknown = (value as { prototype?: unknown }).prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      prototypes.add(proto as object);
    }
  }
  // Library code assigns on its instances what their prototypes also have (`new Writable({ write })` stores
  // `this._write`, a StringDecoder for base64 its own `write`, `end` and `text`, every emitter `this._events`),
  // and programs do the same on theirs; on a frozen prototype each such assignment would throw (the override
  // mistake). So every data property of a library prototype becomes an accessor whose setter defines the
  // property on the instance (tests/netsim/differential/locked-down.test.ts runs every scenario locked down).
  for (const proto of prototypes) enableOverrides(proto, Reflect.ownKeys(proto));
  for (const root of roots) deepFreeze(root);
}

/** Intrinsics with no global name, reachable from syntax: freeze them too. */
function hiddenIntrinsics(): unknown[] {
  const proto = Object.getPrototypeOf;
  /* eslint-disable @typescript-eslint/no-empty-function */
  const asyncFunction = async function () {};
  const generator = function* () {};
  const asyncGenerator = async function* () {};
  return [
    proto(Uint8Array), // %TypedArray%
    proto(asyncFunction).constructor,
    proto(generator).constructor,
    proto(asyncGenerator).constructor,
    proto(generator.prototype),
    proto(asyncGenerator.prototype),
    proto([][Symbol.iterator]()),
    proto(new Map()[Symbol.iterator]()),
    proto(new Set()[Symbol.iterator]()),
    proto(''[Symbol.iterator]()),
    proto(/a/[Symbol.matchAll]('a')),
    proto(proto([][Symbol.iterator]())), // %IteratorPrototype%
    Object.getOwnPropertyDescriptor(Function.prototype, 'caller')?.get, // %ThrowTypeError% (sloppy hosts)
  ].filter((v) => v !== undefined);
}

/** Freezes an object and everything reachable from its own properties and prototype chain. */
function deepFreeze(root: unknown): void {
  const pending: unknown[] = [root];
  const done = new Set<unknown>();
  while (pending.length > 0) {
    const value = pending.pop();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || done.has(value)) continue;
    done.add(value);
    Object.freeze(value);
    pending.push(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
      if (!descriptor) continue;
      if ('value' in descriptor) pending.push(descriptor.value);
      else pending.push(descriptor.get, descriptor.set);
    }
  }
}

/** Replaces data properties with accessors: reading is unchanged, assigning on an instance defines it there. */
function enableOverrides(proto: object, keys: readonly (string | symbol)[]): void {
  for (const key of keys) {
    const descriptor = Reflect.getOwnPropertyDescriptor(proto, key);
    if (!descriptor || !('value' in descriptor) || !descriptor.writable || !descriptor.configurable) continue;
    const value: unknown = descriptor.value;
    const getter = function getter(): unknown {
      return value;
    };
    // As SES: the getter says what the data property held, so an inspector can still show it as data
    // (node-libs.ts patches util.inspect to read a `constructor` through it).
    Object.defineProperty(getter, 'originalValue', { value, writable: false, enumerable: false, configurable: false });
    Object.defineProperty(proto, key, {
      get: getter,
      set: function setter(this: unknown, replacement: unknown) {
        if (this === proto) throw new TypeError(`Cannot assign to read only property '${String(key)}' of a frozen prototype`);
        if (typeof this !== 'object' && typeof this !== 'function') return;
        Object.defineProperty(this, key, { value: replacement, writable: true, enumerable: true, configurable: true });
      },
      enumerable: descriptor.enumerable ?? false,
      configurable: false,
    });
  }
}

function makeReadOnly(global: Record<string, unknown>, name: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(global, name);
  if (!descriptor || !descriptor.configurable) return;
  if ('value' in descriptor) Object.defineProperty(global, name, { value: descriptor.value, writable: false, enumerable: descriptor.enumerable ?? false, configurable: false });
  else Object.defineProperty(global, name, { get: descriptor.get, set: undefined, enumerable: descriptor.enumerable ?? false, configurable: false });
}
