// The entry of the Node-libraries bundle (see src/lib/build/node-libs.ts): Node's own userland copies of its
// modules, bundled once for every environment (Vite, esbuild, vitest) with the same aliases, so netsim's faces
// extend exactly the same `Duplex`, `EventEmitter` and `Buffer` in the browser and in tests.
// Plain JavaScript because the packages have no types; node-libs.d.ts types what this exports.
import 'readable-stream'; // its browser entry defines `stream.promises`
import streamModule from 'readable-stream/lib/stream.js';
import { Buffer, SlowBuffer, INSPECT_MAX_BYTES, kMaxLength } from 'buffer';
import EventEmitter from 'events';
import { StringDecoder } from 'string_decoder';
import * as utilPackage from 'util';
import { inspect, format, formatWithOptions, stripVTControlCharacters } from 'node-inspect-extracted';

// Node 22 buffers 64 KiB per stream by default (readable-stream keeps Node 18's 16 KiB): its state.js is
// patched to ask the running process (node/scheduler.ts), whose defaults start at Node 22's.

// Programs see these names (`console.log(buf)` prints `<Buffer …>`, a stream prints `Duplex {…}`): a bundler
// that renames or minifies must not change them.
for (const [name, value] of [
  ['Stream', streamModule.Stream],
  ['Readable', streamModule.Readable],
  ['Writable', streamModule.Writable],
  ['Duplex', streamModule.Duplex],
  ['Transform', streamModule.Transform],
  ['PassThrough', streamModule.PassThrough],
  ['Buffer', Buffer],
  ['SlowBuffer', SlowBuffer],
  ['EventEmitter', EventEmitter],
  ['StringDecoder', StringDecoder],
]) {
  Object.defineProperty(value, 'name', { value: name, configurable: true });
}

export { streamModule, Buffer, SlowBuffer, INSPECT_MAX_BYTES, kMaxLength, EventEmitter, StringDecoder, utilPackage, inspect, format, formatWithOptions, stripVTControlCharacters };
