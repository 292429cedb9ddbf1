/**
 * `node:util`: `inspect`, `format` and `formatWithOptions` from node-inspect-extracted (Node's own
 * lib/internal/util/inspect.js, extracted), the rest from the `util` package (promisify, callbackify,
 * inherits, deprecate, types…). The console of every program prints through `formatWithOptions`, so what a
 * learner sees in the console is what Node prints.
 */
import { invalidArgType } from '../errors';
import { format, formatWithOptions, inspect, stripVTControlCharacters, utilPackage } from '../node/libs';

/** Node's promisify checks what it is given (the util package's does not). */
function promisify(original: unknown): unknown {
  if (typeof original !== 'function') throw invalidArgType('original', 'of type function', original);
  return utilPackage.promisify(original as (...args: unknown[]) => void);
}
promisify.custom = utilPackage.promisify.custom;

export const utilModule = Object.freeze({
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters,
  promisify,
  callbackify: utilPackage.callbackify,
  inherits: utilPackage.inherits,
  deprecate: utilPackage.deprecate,
  debuglog: utilPackage.debuglog,
  debug: utilPackage.debuglog,
  types: utilPackage.types,
  TextEncoder: globalThis.TextEncoder,
  TextDecoder: globalThis.TextDecoder,
});
