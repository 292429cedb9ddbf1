/**
 * `node:util`: `inspect`, `format` and `formatWithOptions` from node-inspect-extracted (Node's own
 * lib/internal/util/inspect.js, extracted), the rest from the `util` package (promisify, callbackify,
 * inherits, deprecate, types…). The console of every program prints through `formatWithOptions`, so what a
 * learner sees in the console is what Node prints.
 */
import { format, formatWithOptions, inspect, stripVTControlCharacters, utilPackage } from '../node/libs';

export const utilModule = Object.freeze({
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters,
  promisify: utilPackage.promisify,
  callbackify: utilPackage.callbackify,
  inherits: utilPackage.inherits,
  deprecate: utilPackage.deprecate,
  debuglog: utilPackage.debuglog,
  debug: utilPackage.debuglog,
  types: utilPackage.types,
  TextEncoder: globalThis.TextEncoder,
  TextDecoder: globalThis.TextDecoder,
});
