/**
 * The `process` that Node's userland libraries see when they are bundled for netsim (readable-stream
 * requires `process/`; the `util` package reads a global `process`). Only what they use: `nextTick` on
 * netsim's virtual clock (see scheduler.ts), an empty environment, no deprecation noise. A program's own
 * `process` is a different object, made per process (faces/process.ts).
 */
import { nextTick } from './scheduler';

const processShim = Object.freeze({
  nextTick,
  env: Object.freeze({}) as Record<string, string | undefined>,
  argv: Object.freeze([]) as readonly string[],
  version: 'v22.0.0',
  versions: Object.freeze({}),
  platform: 'linux',
  browser: false,
  noDeprecation: true,
  throwDeprecation: false,
  traceDeprecation: false,
  pid: 1,
});

export { processShim as process, nextTick };
export default processShim;
