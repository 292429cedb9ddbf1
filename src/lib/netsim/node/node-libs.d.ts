/**
 * Types of `endpoints:node-libs` (bundled from libs-entry.js by src/lib/build/node-libs.ts). The packages
 * are userland copies of Node's own modules, so Node's type declarations describe them.
 */
declare module 'endpoints:node-libs' {
  export const streamModule: typeof import('node:stream');
  export { Buffer, SlowBuffer, INSPECT_MAX_BYTES, kMaxLength } from 'node:buffer';
  export { EventEmitter } from 'node:events';
  export { StringDecoder } from 'node:string_decoder';
  /** The `util` package: promisify, callbackify, inherits, deprecate, types… (inspect/format come from node-inspect-extracted). */
  export const utilPackage: typeof import('node:util');
  export { inspect, format, formatWithOptions, stripVTControlCharacters } from 'node:util';
}
