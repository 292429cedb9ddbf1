/**
 * The learner declarations (src/lib/netsim/learner-types/) and what a program really gets must not drift
 * apart: every member the declarations name exists at run time on `network.spawn(…).modules['node:<m>']`
 * (functions, classes, their statics and their instances' members), and every member a program can reach
 * there is declared, or listed below as left out on purpose, with the reason.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MODULE_NAMES } from '../../src/lib/netsim/process';
import { compareSurface, type Sample, type SurfaceReport } from '../support/declared-surface';
import { generateLearnerTypes } from '../support/learner-types';
import { lan } from './fixtures';

/**
 * Names of internal bookkeeping, wherever they appear: Node's own objects have them too, undocumented, and a
 * program has no business with them.
 */
const INTERNAL_NAMES: Record<string, string> = {
  _events: "EventEmitter's listener table (Node's too)",
  _eventsCount: "EventEmitter's listener count (Node's too)",
  _maxListeners: "EventEmitter's limit, read through getMaxListeners()",
  _readableState: "a stream's internal state (Node's too); its public parts are the readable* properties",
  _writableState: "a stream's internal state (Node's too); its public parts are the writable* properties",
  _undestroy: "a stream's internal reset, used by socket.connect() after a failure (Node's too)",
  _isUint8Array: "readable-stream's helper (Node's stream module has it too, undocumented)",
  _uint8ArrayToBuffer: "readable-stream's helper (Node's stream module has it too, undocumented)",
  _fromList: "readable-stream's internal buffer helper (Node's too, undocumented)",
  _isBuffer: "the buffer package's marker for Buffer.isBuffer",
};

/** Members a program can reach that the declarations leave out on purpose, by path, with the reason. */
const NOT_DECLARED: Record<string, string> = {
  'events.init': "the events package's constructor helper, not in Node's documented API",
  'buffer.Buffer.TYPED_ARRAY_SUPPORT': "the buffer package's feature flag for old browsers, not in Node",
  'buffer.Buffer#parent': 'deprecated alias of buf.buffer (DEP0002 era), undocumented in Node 22',
  'buffer.Buffer#offset': 'deprecated alias of buf.byteOffset, undocumented in Node 22',
  'buffer.Buffer#inspect': 'how util.inspect shows a buffer in the buffer package; call util.inspect(buf)',
  'buffer.Buffer#[nodejs.util.inspect.custom]': 'how util.inspect shows a buffer; call util.inspect(buf)',
  'stream.pipeline.[nodejs.util.promisify.custom]': 'the hook behind util.promisify(pipeline); stream/promises is declared',
  'stream.finished.[nodejs.util.promisify.custom]': 'the hook behind util.promisify(finished); stream/promises is declared',
  'stream.finished.finished': "readable-stream's promise version hung on finished; stream/promises is declared",
  'stream.Readable.ReadableState': 'internal state class, undocumented in Node',
  'stream.Writable.WritableState': 'internal state class, undocumented in Node',
  'stream.Readable.wrap': 'internal static behind readable.wrap(), undocumented in Node',
  'stream.Readable.fromWeb': 'web streams: readable-stream leaves the adapter out, so it throws',
  'stream.Readable.toWeb': 'web streams: readable-stream leaves the adapter out, so it throws',
  'stream.Writable.fromWeb': 'web streams: readable-stream leaves the adapter out, so it throws',
  'stream.Writable.toWeb': 'web streams: readable-stream leaves the adapter out, so it throws',
  'stream.Duplex.fromWeb': 'web streams: readable-stream leaves the adapter out, so it throws',
  'stream.Duplex.toWeb': 'web streams: readable-stream leaves the adapter out, so it throws',
  'stream.Readable.addAbortSignal': "readable-stream hangs its whole module on Readable; Node's Readable has no such static",
  'stream.Readable.destroy': "readable-stream hangs its whole module on Readable; Node's Readable has no such static",
  'stream.Readable.compose': "readable-stream hangs its whole module on Readable; Node's Readable has no such static",
  'stream.Readable.default': "readable-stream hangs its whole module on Readable; Node's Readable has no such static",
  'stream.Writable.[Symbol.hasInstance]': 'makes `socket instanceof Writable` true for Duplex streams, as in Node; nothing to call',
  'stream.isDestroyed': "undocumented in Node's stream module",
  'stream.destroy': "undocumented in Node's stream module",
  'stream.addAbortSignal': 'takes an AbortSignal, which the course does not use (no AbortController in the learner types)',
  'stream.compose': 'experimental in Node 22',
  'stream.Readable#[nodejs.rejection]': "the hook EventEmitter's captureRejections option calls; Node's streams have it, undocumented",
  'stream.Writable#[nodejs.rejection]': "the hook EventEmitter's captureRejections option calls; Node's streams have it, undocumented",
  'stream.Readable#[nodejs.asyncDispose]': '`await using stream` (explicit resource management), beyond the ES2022 the editor checks against',
  'stream.Readable#iterator': 'experimental in Node 22; `for await (const chunk of stream)` is declared',
  'stream.Readable#asIndexedPairs': 'deprecated in Node 22',
  'stream.Readable#compose': 'experimental in Node 22',
  'stream.Readable#readableBuffer': 'the internal buffer list, undocumented in Node',
  'stream.Writable#writableBuffer': 'the internal buffer list, undocumented in Node',
  'stream.Duplex#writableBuffer': 'the internal buffer list, undocumented in Node',
  'util.types.isArgumentsObject.isLegacyArguments': "the util package's internal helper",
  'util.types.isWebAssemblyCompiledModule': 'removed from Node (v14); the util package still has it',
  'util.types.isProxy': 'throws "not supported in userland": JavaScript cannot tell a Proxy from its target',
  'util.types.isExternal': 'throws "not supported in userland": there are no native externals here',
  'util.types.isModuleNamespaceObject': 'throws "not supported in userland"',
  'timers.setTimeout.[util.promisify.custom]': 'the hook behind util.promisify(setTimeout), which is declared in util',
  'timers.setImmediate.[util.promisify.custom]': 'the hook behind util.promisify(setImmediate), which is declared in util',
  'dns.lookup.[util.promisify.custom]': 'the hook behind util.promisify(dns.lookup), which is declared in util',
  'string_decoder.StringDecoder#text': "the string_decoder package's internal helper",
  'string_decoder.StringDecoder#fillLast': "the string_decoder package's internal helper",
  'string_decoder.StringDecoder#encoding': 'undocumented in Node',
  'string_decoder.StringDecoder#lastNeed': 'internal decoding state (Node has it, undocumented)',
  'string_decoder.StringDecoder#lastTotal': 'internal decoding state (Node has it, undocumented)',
  'string_decoder.StringDecoder#lastChar': 'internal decoding state (Node has it, undocumented)',
  'net.Socket#server': 'the accepting server (Node sets it too, undocumented): use the server you created',
  'net.Server#allowHalfOpen': "the server's option, read back (Node keeps it too, undocumented)",
  'net.Server#pauseOnConnect': "the server's option, read back (Node keeps it too, undocumented)",
  'net.Server#highWaterMark': "the server's option, read back (Node keeps it too, undocumented)",
  'dgram.Socket#type': "the socket's type, 'udp4' (Node keeps it too, undocumented)",
  'readline.Interface#input': 'the input stream you passed (Node keeps it too, undocumented)',
  'readline.Interface#output': 'the output stream you passed (Node keeps it too, undocumented)',
  'readline.Interface#crlfDelay': 'the option, read back (Node keeps it too, undocumented)',
  'readline.Interface#closed': 'undocumented in Node: listen for \'close\' instead',
  'readline.Interface#paused': 'undocumented in Node: listen for \'pause\' and \'resume\' instead',
  'readline.promises.Interface#input': 'as readline.Interface#input',
  'readline.promises.Interface#output': 'as readline.Interface#output',
  'readline.promises.Interface#crlfDelay': 'as readline.Interface#crlfDelay',
  'readline.promises.Interface#closed': 'as readline.Interface#closed',
  'readline.promises.Interface#paused': 'as readline.Interface#paused',
  'Immediate#refresh': "netsim makes an immediate as a Timeout; Node's Immediate has no refresh",
  'Immediate#close': "netsim makes an immediate as a Timeout; Node's Immediate has no close",
  'Immediate#[Symbol.toPrimitive]': "netsim makes an immediate as a Timeout; Node's Immediate is no number",
};

const excused = (path: string) => path in NOT_DECLARED || (path.split(/[.#]/).pop() ?? '') in INTERNAL_NAMES;

let report: SurfaceReport;

beforeAll(() => {
  const process = lan().spawn('web', 'node');
  const modules = Object.fromEntries(MODULE_NAMES.map((name) => [name, process.modules[`node:${name}`]]));
  const m = process.modules as Record<string, any>;
  const { PassThrough } = m['node:stream'];
  const timers = m['node:timers'];
  const timeout = timers.setTimeout(() => undefined, 1000);
  const immediate = timers.setImmediate(() => undefined);
  const classSamples: Record<string, unknown> = {
    'net.Socket': new m['node:net'].Socket(),
    'net.Server': new m['node:net'].Server(),
    'dgram.Socket': m['node:dgram'].createSocket('udp4'),
    events: new m['node:events'](),
    stream: new m['node:stream'].Stream(),
    'stream.Readable': new m['node:stream'].Readable(),
    'stream.Writable': new m['node:stream'].Writable(),
    'stream.Duplex': new m['node:stream'].Duplex(),
    'stream.Transform': new m['node:stream'].Transform(),
    'stream.PassThrough': new PassThrough(),
    'string_decoder.StringDecoder': new m['node:string_decoder'].StringDecoder(),
    'util.TextEncoder': new m['node:util'].TextEncoder(),
    'util.TextDecoder': new m['node:util'].TextDecoder(),
    'readline.Interface': m['node:readline'].createInterface({ input: new PassThrough() }),
    'readline.promises.Interface': m['node:readline/promises'].createInterface({ input: new PassThrough() }),
  };
  const interfaces = m['node:os'].networkInterfaces() as Record<string, unknown[]>;
  const samples: Sample[] = [
    { name: 'buffer.Buffer', type: 'Buffer', value: m['node:buffer'].Buffer.from('hi') },
    { name: 'Timeout', type: 'NodeJS.Timeout', value: timeout },
    { name: 'Immediate', type: 'NodeJS.Immediate', value: immediate },
    { name: 'process', type: 'NodeJS.Process', value: m['node:process'] },
    { name: 'process.stdout', type: 'NodeJS.Process["stdout"]', value: m['node:process'].stdout },
    { name: 'process.stdin', type: 'NodeJS.Process["stdin"]', value: m['node:process'].stdin },
    { name: 'console', type: 'Console', value: m['node:console'] },
    { name: 'os.NetworkInterfaceInfo', type: "import('node:os').NetworkInterfaceInfo", value: Object.values(interfaces)[0]![0] },
  ];
  // TextEncoder and TextDecoder are the host's (the browser's in the page, Node's here): only their declared side is checked.
  const hostPrototypes = [m['node:util'].TextEncoder.prototype, m['node:util'].TextDecoder.prototype];
  report = compareSurface(generateLearnerTypes(), modules, classSamples, samples, hostPrototypes);
  timers.clearTimeout(timeout);
  timers.clearImmediate(immediate);
}, 180_000);

describe('the learner declarations and the runtime', () => {
  it('walk every module a program can import, and a good part of each', () => {
    for (const name of MODULE_NAMES) expect([...report.checked].some((path) => path.startsWith(`${name}.`) || path.startsWith(`${name}#`)), name).toBe(true);
    expect(report.checked.size).toBeGreaterThan(500);
  });

  it('name nothing the runtime lacks', () => {
    expect(report.missing).toEqual([]);
    expect(report.mismatched).toEqual([]);
  });

  it('have a sample instance for every class a program can make', () => {
    expect(report.classesWithoutSample).toEqual([]);
  });

  it('declare every member a program can reach, or say why not', () => {
    expect(report.undeclared.filter((path) => !excused(path))).toEqual([]);
  });

  it('list no reason that no longer applies', () => {
    const stale = Object.keys(NOT_DECLARED).filter((path) => !report.undeclared.includes(path));
    expect(stale).toEqual([]);
  });
});
