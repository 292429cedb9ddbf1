/** Node's userland libraries, as netsim's faces use them (see node-libs.d.ts and src/lib/build/node-libs.ts). */
export {
  streamModule,
  Buffer,
  SlowBuffer,
  INSPECT_MAX_BYTES,
  kMaxLength,
  EventEmitter,
  StringDecoder,
  utilPackage,
  inspect,
  format,
  formatWithOptions,
  stripVTControlCharacters,
} from 'endpoints:node-libs';
