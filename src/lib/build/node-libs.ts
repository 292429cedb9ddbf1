/**
 * Node's userland libraries (readable-stream, buffer, events, string_decoder, util, node-inspect-extracted)
 * as netsim uses them: one module, `endpoints:node-libs`, bundled by esbuild with the same rules everywhere.
 *
 * Why a bundle and not plain imports: the packages are CommonJS and `require('buffer')`, `require('events')`
 * and `require('process/')`. In a browser bundle those must be the npm packages (and `process/` netsim's
 * virtual-time shim); under vitest, Node would hand them its own built-ins and a `process` whose nextTick runs
 * in real time. Bundling them here gives the worker, the page and the tests the very same code.
 *
 * Two ways in:
 * - `nodeLibsVite()`: a Vite plugin (vitest, astro dev/build) serving the module as one ESM file; netsim's
 *   scheduler stays an import so that netsim and the libraries share it.
 * - `nodeLibsEsbuild()`: an esbuild plugin for code bundled whole by esbuild (the dev runner worker, the
 *   benchmarks), which resolves the module to its entry and applies the same rules.
 */
import { build, type Plugin as EsbuildPlugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plugin as VitePlugin } from 'vite';

export const NODE_LIBS_ID = 'endpoints:node-libs';
const RESOLVED_ID = `\0${NODE_LIBS_ID}`;

const require = createRequire(import.meta.url);
const entry = fileURLToPath(new URL('../netsim/node/libs-entry.js', import.meta.url));
const processShim = fileURLToPath(new URL('../netsim/node/process-shim.ts', import.meta.url));
const scheduler = fileURLToPath(new URL('../netsim/node/scheduler.ts', import.meta.url));
const streamDefaults = fileURLToPath(new URL('../netsim/node/stream-defaults.ts', import.meta.url));
/** readable-stream's browser entry: its Node entry re-exports Node's own `stream`. */
const readableStream = require.resolve('readable-stream/lib/ours/browser.js');
const utilPackage = /[\\/]node_modules[\\/]util[\\/]util\.js$/;
/** The npm packages behind Node's names: even when esbuild bundles for Node, these must not be the built-ins. */
const PACKAGES: Record<string, string> = {
  buffer: require.resolve('buffer/'),
  events: require.resolve('events/'),
  util: require.resolve('util/'),
  string_decoder: require.resolve('string_decoder/'),
};
/**
 * Where readable-stream (Node 18's streams) differs from Node 22 in what a program can see, the source is
 * patched as it is bundled. Each patch names its text exactly: if the package changes under us, the build
 * fails and says which patch to look at, rather than silently dropping it.
 */
interface SourcePatch {
  file: RegExp;
  why: string;
  replace: [from: string, to: string][];
}

const PATCHES: SourcePatch[] = [
  {
    file: /[\\/]node-inspect-extracted[\\/]dist[\\/]inspect\.js$/,
    why: 'Node 22 prints a symbol key in brackets: { [Symbol(key)]: 1 }',
    replace: [['if("symbol"==typeof r){const e=jt(On,ae(r),Un);s=t.stylize(e,"symbol")}', 'if("symbol"==typeof r){const e=jt(On,ae(r),Un);s=`[${t.stylize(e,"symbol")}]`}']],
  },
  {
    file: /[\\/]node-inspect-extracted[\\/]dist[\\/]inspect\.js$/,
    why: "in the locked-down worker a prototype's `constructor` is an accessor (lockdown.ts, the override mistake); inspect reads it as the data property it was, or every object prints as its grandparent's class (`TypedArray(3) [Uint8Array]`, `[object Object]` for %s)",
    replace: [
      ['"use strict";', '"use strict";function asData(d){return d!==void 0&&typeof d.get=="function"&&Object.prototype.hasOwnProperty.call(d.get,"originalValue")?{value:d.get.originalValue,writable:!0,enumerable:d.enumerable,configurable:d.configurable}:d}'],
      ['pt(e,"constructor")', 'asData(pt(e,"constructor"))'],
      ['pt(n,"constructor")', 'asData(pt(n,"constructor"))'],
      ['pt(o,"constructor")', 'asData(pt(o,"constructor"))'],
      ['pt(t,"constructor")', 'asData(pt(t,"constructor"))'],
    ],
  },
  {
    file: /[\\/]node_modules[\\/]buffer[\\/]index\.js$/,
    why: 'one Buffer may hold 64 MiB in an emulated program (a run must not take the browser tab down): past it, a sentence saying so',
    replace: [
      ['const K_MAX_LENGTH = 0x7fffffff', 'const K_MAX_LENGTH = 64 * 1024 * 1024'],
      [
        "    throw new RangeError('Attempt to allocate Buffer larger than maximum ' +\n                         'size: 0x' + K_MAX_LENGTH.toString(16) + ' bytes')",
        "    throw new RangeError('Cannot make a Buffer of ' + Number(length).toLocaleString('en') + ' bytes: a program here may hold at most 64 MiB (67,108,864 bytes) in one Buffer.')",
      ],
      [
        `    throw new RangeError('The value "' + length + '" is invalid for option "size"')`,
        "    throw new RangeError('Cannot make a Buffer of ' + Number(length).toLocaleString('en') + ' bytes: a program here may hold at most 64 MiB (67,108,864 bytes) in one Buffer.')",
      ],
    ],
  },
  {
    file: /[\\/]node_modules[\\/]buffer[\\/]index\.js$/,
    why: "Node's Buffer inspection says how many bytes it left out: <Buffer 00 01 … 31 ... 10 more bytes>",
    replace: [["  if (this.length > max) str += ' ... '", "  if (this.length > max) str += ` ... ${this.length - max} more byte${this.length - max > 1 ? 's' : ''}`"]],
  },
  {
    file: /[\\/]node_modules[\\/]buffer[\\/]index\.js$/,
    why: "Buffers made as Node makes them (a FastBuffer subclass of Uint8Array whose prototype chain holds Buffer.prototype), not by swapping each new array's prototype, which makes V8 slow every Buffer",
    replace: [
      [
        'Object.setPrototypeOf(Buffer, Uint8Array)\n',
        `Object.setPrototypeOf(Buffer, Uint8Array)
class FastBuffer extends Uint8Array {}
Object.setPrototypeOf(FastBuffer.prototype, Buffer.prototype)
Object.defineProperty(FastBuffer.prototype, 'constructor', { value: Buffer, writable: true, configurable: true })
`,
      ],
      ['  const buf = new Uint8Array(length)\n  Object.setPrototypeOf(buf, Buffer.prototype)\n  return buf', '  return new FastBuffer(length)'],
      [
        `  let buf
  if (byteOffset === undefined && length === undefined) {
    buf = new Uint8Array(array)
  } else if (length === undefined) {
    buf = new Uint8Array(array, byteOffset)
  } else {
    buf = new Uint8Array(array, byteOffset, length)
  }

  // Return an augmented \`Uint8Array\` instance
  Object.setPrototypeOf(buf, Buffer.prototype)
`,
        `  let buf
  if (byteOffset === undefined && length === undefined) {
    buf = new FastBuffer(array)
  } else if (length === undefined) {
    buf = new FastBuffer(array, byteOffset)
  } else {
    buf = new FastBuffer(array, byteOffset, length)
  }
`,
      ],
      ['  const newBuf = this.subarray(start, end)\n  // Return an augmented `Uint8Array` instance\n  Object.setPrototypeOf(newBuf, Buffer.prototype)\n', '  const newBuf = new FastBuffer(this.buffer, this.byteOffset + start, end - start)\n'],
    ],
  },
  {
    file: /[\\/]node_modules[\\/]buffer[\\/]index\.js$/,
    why: "UTF-8 in and out of text with the platform's TextEncoder, as Node does natively, instead of an array of numbers per string (every socket.write of a string went through it)",
    replace: [
      [
        'function utf8Write (buf, string, offset, length) {\n  return blitBuffer(utf8ToBytes(string, buf.length - offset), buf, offset, length)\n}',
        `const utf8Encoder = new TextEncoder()
function utf8Write (buf, string, offset, length) {
  // Whole characters only, as Node's write. Short text (a line of a protocol) is copied in place, without
  // the view and the call that encodeInto needs; long text goes through encodeInto, which never splits one.
  if (string.length > 64) return utf8Encoder.encodeInto(string, buf.subarray(offset, offset + length)).written
  const end = offset + length
  let at = offset
  for (let i = 0; i < string.length; i++) {
    let code = string.charCodeAt(i)
    if (code < 0x80) {
      if (at + 1 > end) break
      buf[at++] = code
      continue
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < string.length && (string.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      if (at + 4 > end) break
      code = 0x10000 + ((code - 0xd800) << 10) + (string.charCodeAt(++i) - 0xdc00)
      buf[at++] = 0xf0 | (code >> 18)
      buf[at++] = 0x80 | ((code >> 12) & 0x3f)
      buf[at++] = 0x80 | ((code >> 6) & 0x3f)
      buf[at++] = 0x80 | (code & 0x3f)
      continue
    }
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd // a lone surrogate
    if (code < 0x800) {
      if (at + 2 > end) break
      buf[at++] = 0xc0 | (code >> 6)
      buf[at++] = 0x80 | (code & 0x3f)
    } else {
      if (at + 3 > end) break
      buf[at++] = 0xe0 | (code >> 12)
      buf[at++] = 0x80 | ((code >> 6) & 0x3f)
      buf[at++] = 0x80 | (code & 0x3f)
    }
  }
  return at - offset
}
function utf8Length (string) {
  let bytes = 0
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < string.length && (string.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3 // lone surrogates become U+FFFD: 3 bytes
  }
  return bytes
}`,
      ],
      ["      case 'utf8':\n      case 'utf-8':\n        return utf8ToBytes(string).length", "      case 'utf8':\n      case 'utf-8':\n        return utf8Length(string)"],
    ],
  },
  {
    file: /[\\/]readable-stream[\\/]lib[\\/]ours[\\/]errors\.js$/,
    why: "Node's errors are plain Errors (constructor 'Error') with an own `code`, and a stack that starts `Error [ERR_…]: message`, so console.log(err) prints the code",
    replace: [
      [
        'super(getMessage(code, message, args))',
        `super(getMessage(code, message, args))
      Object.defineProperty(this, 'name', { value: Base.name + ' [' + code + ']', writable: true, configurable: true })
      void this.stack
      delete this.name
      Object.defineProperty(this, 'code', { value: code, writable: true, enumerable: true, configurable: true })`,
      ],
      ['codes[code] = NodeError', "Object.defineProperty(NodeError, 'name', { value: Base.name })\n  codes[code] = NodeError"],
    ],
  },
  {
    file: /[\\/]readable-stream[\\/]lib[\\/]internal[\\/]streams[\\/]writable\.js$/,
    why: 'Node 22 writes any TypedArray or DataView, and names them so in ERR_INVALID_ARG_TYPE',
    replace: [
      ['} else if (Stream._isUint8Array(chunk)) {', '} else if (ArrayBuffer.isView(chunk)) {'],
      ["throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk)", "throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk)"],
    ],
  },
  {
    file: /[\\/]readable-stream[\\/]lib[\\/]internal[\\/]streams[\\/]readable\.js$/,
    why: 'Node 22 pushes any TypedArray or DataView, and names them so in ERR_INVALID_ARG_TYPE',
    replace: [
      ['} else if (Stream._isUint8Array(chunk)) {', '} else if (ArrayBuffer.isView(chunk)) {'],
      ["err = new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk)", "err = new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk)"],
    ],
  },
  {
    file: /[\\/]readable-stream[\\/]lib[\\/]internal[\\/]streams[\\/]state\.js$/,
    why: "a stream's default buffer size belongs to the process making it (Node 22: 64 KiB): one program's setDefaultHighWaterMark must not reach another program's streams, nor the next run's",
    replace: [
      ['let defaultHighWaterMarkBytes = 16 * 1024\nlet defaultHighWaterMarkObjectMode = 16\n', "const perProcess = require('endpoints:stream-defaults')\n"],
      [
        'function getDefaultHighWaterMark(objectMode) {\n  return objectMode ? defaultHighWaterMarkObjectMode : defaultHighWaterMarkBytes\n}',
        'function getDefaultHighWaterMark(objectMode) {\n  return perProcess.getDefaultHighWaterMark(objectMode)\n}',
      ],
      [
        "  validateInteger(value, 'value', 0)\n  if (objectMode) {\n    defaultHighWaterMarkObjectMode = value\n  } else {\n    defaultHighWaterMarkBytes = value\n  }",
        "  validateInteger(value, 'value', 0)\n  perProcess.setDefaultHighWaterMark(objectMode, value)",
      ],
    ],
  },
  {
    file: /[\\/]node_modules[\\/]events[\\/]events\.js$/,
    why: "Node's EventEmitter.captureRejectionSymbol (Symbol.for('nodejs.rejection')): without it readable-stream names a method \"undefined\" on every stream's prototype",
    replace: [
      ['module.exports = EventEmitter;\n', "module.exports = EventEmitter;\nEventEmitter.captureRejectionSymbol = Symbol.for('nodejs.rejection');\n"],
    ],
  },
];

function applyPatch(patch: SourcePatch, path: string, source: string): string {
  let patched = source;
  for (const [from, to] of patch.replace) {
    if (!patched.includes(from)) throw new Error(`${path} changed: the patch "${patch.why}" in src/lib/build/node-libs.ts no longer applies`);
    patched = patched.split(from).join(to);
  }
  return patched;
}

/** The rules every bundle of the libraries follows. `keepScheduler`: leave scheduler.ts as an import. */
function rules(keepScheduler: boolean): EsbuildPlugin {
  return {
    name: 'endpoints-node-libs-rules',
    setup(bundle) {
      bundle.onResolve({ filter: new RegExp(`^${NODE_LIBS_ID}$`) }, () => ({ path: entry }));
      bundle.onResolve({ filter: /^process\/?$/ }, () => ({ path: processShim }));
      bundle.onResolve({ filter: /^endpoints:stream-defaults$/ }, () => ({ path: streamDefaults }));
      bundle.onResolve({ filter: /^readable-stream$/ }, () => ({ path: readableStream }));
      bundle.onResolve({ filter: /^(buffer|events|util|string_decoder)\/?$/ }, (args) => ({ path: PACKAGES[args.path.replace(/\/$/, '')]! }));
      if (keepScheduler) bundle.onResolve({ filter: /[\\/]scheduler$/ }, () => ({ path: scheduler, external: true }));
      // One onLoad for every patched file (esbuild uses the first onLoad that answers): each file's patches apply in order.
      const patchedFiles = new RegExp(PATCHES.map((patch) => patch.file.source).join('|'));
      bundle.onLoad({ filter: patchedFiles }, async (args) => {
        let contents = await readFile(args.path, 'utf8');
        for (const patch of PATCHES) if (patch.file.test(args.path)) contents = applyPatch(patch, args.path, contents);
        return { contents, loader: 'js' };
      });
      // The util package reads a global `process` (NODE_DEBUG, deprecations): give it the shim instead.
      bundle.onLoad({ filter: utilPackage }, async (args) => ({
        contents: `var process = require('process/').process;\n${await readFile(args.path, 'utf8')}`,
        loader: 'js',
      }));
    },
  };
}

/** For bundles esbuild makes whole (dev worker, benchmarks): resolves `endpoints:node-libs` and its rules. */
export function nodeLibsEsbuild(): EsbuildPlugin {
  return rules(false);
}

let cached: Promise<string> | undefined;

/** The libraries as one ES module whose only import is netsim's scheduler. */
export function bundleNodeLibs(): Promise<string> {
  cached ??= build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [rules(true)],
  }).then((result) => result.outputFiles[0]!.text);
  return cached;
}

/** For Vite and vitest: `import { … } from 'endpoints:node-libs'`. */
export function nodeLibsVite(): VitePlugin {
  return {
    name: 'endpoints:node-libs',
    enforce: 'pre',
    resolveId(id) {
      return id === NODE_LIBS_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      return bundleNodeLibs();
    },
  };
}
