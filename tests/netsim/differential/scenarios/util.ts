/**
 * node:util as a learner meets it: format() (what console.log prints), inspect() of the values a network
 * program handles (objects, Buffers from a socket, errors, getters), and promisify(). Error stacks name files
 * and lines that differ between the two sides, so stack frames are cut from inspected errors (what is left:
 * the first line and the properties block).
 */
import type { Scenario } from '../platform';
import { once } from '../observe';
import { closed, closeServer, connect, listen, LOOPBACK, unusedPort } from './helpers';

/** An inspected error without its stack frames: `Error: boom {` + the properties Node prints after them. */
function withoutFrames(inspected: string): string {
  const kept: string[] = [];
  for (const line of inspected.split('\n')) {
    const frame = /^\s+at .*?( \{)?$/.exec(line);
    if (frame === null) kept.push(line);
    else if (frame[1] !== undefined && kept.length > 0) kept[kept.length - 1] += ' {';
  }
  return kept.join('\n');
}

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

export const utilScenarios: Scenario[] = [
  {
    name: 'util-format-placeholders: %s %d %i %f %j %o %O %c %% with typical and awkward arguments',
    async run(platform) {
      const { format } = platform.util;
      const circular: Record<string, unknown> = { name: 'loop' };
      circular.self = circular;
      const cases: unknown[][] = [
        ['%s is %d years', 'Ada', 36],
        ['%s|%s|%s|%s|%s', null, undefined, -0, 10n, Symbol('s')],
        ['%s', { a: { b: { c: 1 } } }],
        ['%s', [1, [2, [3, [4]]]]],
        ['%d|%d|%d|%d|%d', '42', '4.5abc', Symbol('x'), 5n, {}],
        ['%i|%i|%i', '42.9', -3.7, Symbol('x')],
        ['%f|%f', '1.5e3', 'abc'],
        ['%j', { port: 8080, host: 'web' }],
        ['%j', circular],
        ['%o', { a: [1, 2] }],
        ['%O', { a: [1, 2] }],
        ['%c%s', 'color: red', 'styled'],
        ['100%% sure, %s', 'yes'],
        ['%s and %s', 'only one'],
        ['extra', 1, 'two', { three: 3 }],
        [1, 2, '3'],
        [{ port: 80 }, 'after an object'],
        ['%s', 'a\nb'],
        ['%x is not a placeholder', 5],
      ];
      return cases.map((args) => (format as (...values: unknown[]) => string)(...args));
    },
  },
  {
    name: 'util-inspect-values: objects, arrays, strings, Maps, Sets, dates, classes, functions, depth and line breaking',
    async run(platform) {
      const { inspect } = platform.util;
      const nullProto = Object.assign(Object.create(null) as object, { bare: true });
      const sparse = [1, , , 4]; // eslint-disable-line no-sparse-arrays
      const values: unknown[] = [
        { a: { b: { c: { d: 1 } } } },
        [1, [2, [3, [4, [5]]]]],
        Array.from({ length: 120 }, (_, i) => i),
        "it's",
        'say "hi"',
        'both \' and "',
        { multi: 'line\none' },
        new Map<string, unknown>([['port', 80], ['host', { name: 'web' }]]),
        new Set([1, 'two']),
        new Date(0),
        /ab+c/gi,
        function named() {},
        () => undefined,
        Point,
        new Point(1, 2),
        Symbol('tag'),
        { [Symbol('key')]: 'symbol keyed' },
        nullProto,
        sparse,
        [undefined, null, NaN, -0, 0, 10n, Infinity],
        { host: 'laptop.example', addresses: ['10.0.0.10', '10.0.0.11', '10.0.0.12'], ports: [22, 80, 443, 8080] },
        { short: 1, list: [1, 2, 3] },
        'x'.repeat(120),
        [],
        {},
      ];
      return values.map((value) => inspect(value));
    },
  },
  {
    name: 'util-inspect-options: depth, compact, breakLength, sorted, maxArrayLength, maxStringLength, showHidden, colors',
    async run(platform) {
      const { inspect } = platform.util;
      const nested = { a: { b: { c: { d: { e: 1 } } } }, list: [3, 1, 2], text: 'abcdefghij' };
      return {
        depth0: inspect(nested, { depth: 0 }),
        depthInfinity: inspect(nested, { depth: Infinity }),
        depthNull: inspect(nested, { depth: null }),
        compactFalse: inspect({ a: 1, b: [1, 2] }, { compact: false }),
        breakLength20: inspect({ first: 'one', second: 'two' }, { breakLength: 20 }),
        sorted: inspect({ zeta: 1, alpha: 2, mid: 3 }, { sorted: true }),
        maxArrayLength: inspect([1, 2, 3, 4, 5], { maxArrayLength: 2 }),
        maxStringLength: inspect('abcdefghij', { maxStringLength: 4 }),
        showHidden: inspect([1], { showHidden: true }),
        colors: inspect({ n: 1, s: 'x', b: true, u: undefined, nil: null }, { colors: true }),
      };
    },
  },
  {
    name: 'util-inspect-buffers: Buffers read from a socket, short and long, and a Uint8Array',
    async run(platform) {
      const { inspect } = platform.util;
      const bytes = Array.from({ length: 60 }, (_, i) => i);
      const server = platform.net.createServer((socket) => {
        socket.write('hello');
        platform.timers.setTimeout(() => socket.end(new Uint8Array(bytes)), 5);
      });
      const port = await listen(server);
      const client = await connect(platform, port);
      const [short] = (await once(client, 'data')) as [Uint8Array];
      let long = new Uint8Array(0);
      client.on('data', (chunk: Uint8Array) => (long = new Uint8Array([...long, ...chunk])));
      await closed(client);
      await closeServer(server);
      // The long one is compared as Node prints a Buffer of those bytes: chunking is the kernel's.
      const longAsBuffer = short.constructor === Uint8Array ? long : (short.constructor as unknown as { from(bytes: Uint8Array): Uint8Array }).from(long);
      return {
        short: inspect(short),
        long: inspect(longAsBuffer),
        inObject: inspect({ chunk: short }),
        uint8Array: inspect(new Uint8Array([1, 2, 3])),
      };
    },
  },
  {
    name: 'util-inspect-errors: errors with and without stack, with code and cause, nested, and a real ECONNREFUSED as console.log shows it',
    async run(platform) {
      const { inspect } = platform.util;
      const withCode = Object.assign(new Error('boom'), { code: 'E_BOOM', port: 80 });
      const noStack = new Error('no stack');
      noStack.stack = undefined;
      class ProtocolError extends Error {
        override name = 'ProtocolError';
      }
      const port = await unusedPort(platform);
      const client = platform.net.connect(port, LOOPBACK);
      const [refused] = await once(client, 'error').catch((error: unknown) => [error]);
      await closed(client);
      const inspected = {
        plain: inspect(new Error('plain')),
        typeError: inspect(new TypeError('wrong type')),
        withCode: inspect(withCode),
        noStack: inspect(noStack),
        withCause: inspect(new Error('outer', { cause: new Error('inner') })),
        subclass: inspect(new ProtocolError('bad greeting')),
        nested: inspect({ error: new Error('inside') }),
        refused: inspect(refused),
      };
      const reduced = Object.fromEntries(Object.entries(inspected).map(([key, text]) => [key, withoutFrames(text).replaceAll(String(port), '<closed>')]));
      return reduced;
    },
  },
  {
    name: 'util-inspect-getters: accessors print as [Getter], [Setter], [Getter/Setter]; getters: true shows their values',
    async run(platform) {
      const { inspect } = platform.util;
      const value = {
        plain: 1,
        get onlyGet() {
          return 'got';
        },
        set onlySet(_value: unknown) {},
        get both() {
          return 42;
        },
        set both(_value: unknown) {},
      };
      class WithPrototypeGetter {
        field = 'own';
        get derived() {
          return 'on the prototype';
        }
      }
      return {
        default: inspect(value),
        getters: inspect(value, { getters: true }),
        prototypeGetter: inspect(new WithPrototypeGetter()),
      };
    },
  },
  {
    name: 'util-inspect-custom-and-circular: [util.inspect.custom] is used; circular references print as [Circular *1]',
    async run(platform) {
      const { inspect } = platform.util;
      const custom = { [inspect.custom]: () => 'CUSTOM', other: 1 };
      const viaSymbolFor = { [Symbol.for('nodejs.util.inspect.custom')]: (depth: number) => `depth ${depth}` };
      const loop: Record<string, unknown> = { name: 'loop' };
      loop.self = loop;
      const pair: Record<string, unknown>[] = [{ id: 1 }, { id: 2 }];
      pair[0]!.other = pair[1];
      pair[1]!.other = pair[0];
      return {
        custom: inspect(custom),
        nestedCustom: inspect({ inner: custom }),
        viaSymbolFor: inspect(viaSymbolFor),
        loop: inspect(loop),
        pair: inspect(pair),
        sameObjectTwice: inspect({ a: pair[0], b: pair[0] }, { depth: 0 }),
      };
    },
  },
  {
    name: 'util-promisify: error-first callbacks become promises; the first extra value only; promisify.custom wins',
    async run(platform) {
      const { promisify } = platform.util;
      const double = (n: number, callback: (error: Error | null, result?: number) => void) => platform.timers.setTimeout(() => callback(null, n * 2), 1);
      const fail = (callback: (error: Error | null) => void) => platform.timers.setTimeout(() => callback(Object.assign(new Error('nope'), { code: 'E_NOPE' })), 1);
      const several = (callback: (error: Error | null, a?: string, b?: string) => void) => platform.timers.setTimeout(() => callback(null, 'first', 'second'), 1);
      const withCustom = Object.assign((callback: (error: Error | null, value?: string) => void) => callback(null, 'callback'), {
        [promisify.custom]: () => Promise.resolve('custom'),
      });
      const settle = (promise: Promise<unknown>) => promise.then(
        (value) => ({ resolved: value }),
        (error: Error & { code?: string }) => ({ rejected: { message: error.message, code: error.code } }),
      );
      const notAFunction = (() => {
        try {
          promisify('nope' as unknown as () => void);
          return 'did not throw';
        } catch (error) {
          return (error as { code?: string }).code;
        }
      })();
      return {
        double: await settle(promisify(double)(21)),
        fail: await settle(promisify(fail)()),
        several: await settle(promisify(several)()),
        custom: await settle((promisify(withCustom) as () => Promise<unknown>)()),
        returnsPromise: promisify(double)(1) instanceof Promise,
        notAFunction,
      };
    },
  },
];
