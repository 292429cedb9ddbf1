/**
 * Bytes. What a socket reads arrives as a `Buffer`: a `Uint8Array` with Node's methods for text, numbers and
 * searching. `Buffer` is also a global: no import needed.
 */
declare global {
  /**
   * How bytes and text convert: `'utf8'` (the default), `'hex'` (two digits per byte), `'base64'`, `'latin1'`
   * (one character per byte), `'ascii'`, `'utf16le'`.
   */
  type BufferEncoding = 'ascii' | 'utf8' | 'utf-8' | 'utf16le' | 'utf-16le' | 'ucs2' | 'ucs-2' | 'base64' | 'latin1' | 'binary' | 'hex';

  /** Makes buffers: `Buffer.from('hi')`, `Buffer.alloc(4)`, `Buffer.concat([a, b])`. */
  interface BufferConstructor {
    /** The bytes of `text` in `encoding` (UTF-8 unless you say otherwise): `Buffer.from('GET /')`, `Buffer.from('0a0d', 'hex')`. */
    from(text: string, encoding?: BufferEncoding): Buffer;
    /** A buffer holding these byte values (each taken modulo 256): `Buffer.from([0x48, 0x69])`. */
    from(bytes: readonly number[] | Uint8Array): Buffer;
    /** A buffer over the same memory as `arrayBuffer` (no copy), from `byteOffset` for `length` bytes. */
    from(arrayBuffer: ArrayBuffer, byteOffset?: number, length?: number): Buffer;
    /** `size` bytes, all 0 (or filled with `fill`). */
    alloc(size: number, fill?: string | number | Uint8Array, encoding?: BufferEncoding): Buffer;
    /** `size` bytes whose content is whatever was in memory: fill them before you send them. */
    allocUnsafe(size: number): Buffer;
    /** `size` bytes, not taken from the shared pool; whatever was in memory. */
    allocUnsafeSlow(size: number): Buffer;
    /** True for a Buffer. */
    isBuffer(value: unknown): value is Buffer;
    /** True if `encoding` names an encoding Buffer knows. */
    isEncoding(encoding: string): encoding is BufferEncoding;
    /** How many bytes `text` takes in `encoding` (not its number of characters: `'é'` is 2 bytes in UTF-8). */
    byteLength(text: string | Uint8Array | ArrayBuffer, encoding?: BufferEncoding): number;
    /** One buffer with the bytes of all of `list`, in order (cut to `totalLength` bytes if given). */
    concat(list: readonly Uint8Array[], totalLength?: number): Buffer;
    /** Compares byte by byte, for sorting: -1 if `a` comes first, 1 if `b` does, 0 if they are equal. */
    compare(a: Uint8Array, b: Uint8Array): -1 | 0 | 1;
    /** The size of the shared pool `allocUnsafe` takes small buffers from (8192 bytes). */
    poolSize: number;
  }

  /**
   * Bytes, as a `Uint8Array` with Node's methods: `buf[0]` is the first byte (0–255), `buf.length` the
   * number of bytes, `buf.toString()` the text (UTF-8).
   */
  interface Buffer extends Uint8Array<ArrayBuffer> {
    /**
     * The bytes as text in `encoding` (UTF-8 unless you say otherwise), from byte `start` to `end`.
     * `buf.toString('hex')` shows each byte as two hex digits.
     */
    toString(encoding?: BufferEncoding, start?: number, end?: number): string;
    /** `{ type: 'Buffer', data: [bytes…] }`, what `JSON.stringify` writes. */
    toJSON(): { type: 'Buffer'; data: number[] };
    /** True if `other` has exactly the same bytes. */
    equals(other: Uint8Array): boolean;
    /** Compares with `target` byte by byte, for sorting: -1, 0 or 1. */
    compare(target: Uint8Array, targetStart?: number, targetEnd?: number, sourceStart?: number, sourceEnd?: number): -1 | 0 | 1;
    /** Copies bytes `sourceStart`…`sourceEnd` into `target` from `targetStart`; returns how many were copied. */
    copy(target: Uint8Array, targetStart?: number, sourceStart?: number, sourceEnd?: number): number;
    /** The bytes `start`…`end` as a Buffer over the same memory (no copy: a change shows in both). */
    subarray(start?: number, end?: number): Buffer;
    /**
     * The bytes `start`…`end` over the same memory, as `subarray` (unlike `Uint8Array.prototype.slice`, no copy).
     * @deprecated Use `subarray`.
     */
    slice(start?: number, end?: number): Buffer;
    /** Writes `text` in `encoding` at `offset`, at most `length` bytes; returns how many bytes were written. */
    write(text: string, encoding?: BufferEncoding): number;
    write(text: string, offset: number, encoding?: BufferEncoding): number;
    write(text: string, offset: number, length: number, encoding?: BufferEncoding): number;
    /** Fills the buffer (or `offset`…`end`) with `value`, repeated. */
    fill(value: string | number | Uint8Array, offset?: number, end?: number, encoding?: BufferEncoding): this;
    /** Where `value` (a byte, text or bytes) first occurs, from `byteOffset`; -1 if nowhere. `buf.indexOf('\n')` finds a line end. */
    indexOf(value: string | number | Uint8Array, byteOffset?: number, encoding?: BufferEncoding): number;
    /** Where `value` last occurs, searching backwards from `byteOffset`; -1 if nowhere. */
    lastIndexOf(value: string | number | Uint8Array, byteOffset?: number, encoding?: BufferEncoding): number;
    /** True if `value` occurs in the buffer. */
    includes(value: string | number | Uint8Array, byteOffset?: number, encoding?: BufferEncoding): boolean;
    /** Reverses the byte order of every 16-bit pair, in place. */
    swap16(): Buffer;
    /** Reverses the byte order of every 32-bit group, in place. */
    swap32(): Buffer;
    /** Reverses the byte order of every 64-bit group, in place. */
    swap64(): Buffer;

    /** The byte at `offset` (0–255). */
    readUInt8(offset?: number): number;
    /** Same as `readUInt8`. */
    readUint8(offset?: number): number;
    /** A signed byte at `offset` (−128–127). */
    readInt8(offset?: number): number;
    /** Two bytes at `offset` as an unsigned number, most significant first (network byte order): port numbers are read this way. */
    readUInt16BE(offset?: number): number;
    /** Same as `readUInt16BE`. */
    readUint16BE(offset?: number): number;
    /** Two bytes at `offset` as an unsigned number, least significant first. */
    readUInt16LE(offset?: number): number;
    /** Same as `readUInt16LE`. */
    readUint16LE(offset?: number): number;
    /** Four bytes at `offset` as an unsigned number, most significant first (network byte order). */
    readUInt32BE(offset?: number): number;
    /** Same as `readUInt32BE`. */
    readUint32BE(offset?: number): number;
    /** Four bytes at `offset` as an unsigned number, least significant first. */
    readUInt32LE(offset?: number): number;
    /** Same as `readUInt32LE`. */
    readUint32LE(offset?: number): number;
    /** Two bytes at `offset` as a signed number, most significant first. */
    readInt16BE(offset?: number): number;
    /** Two bytes at `offset` as a signed number, least significant first. */
    readInt16LE(offset?: number): number;
    /** Four bytes at `offset` as a signed number, most significant first. */
    readInt32BE(offset?: number): number;
    /** Four bytes at `offset` as a signed number, least significant first. */
    readInt32LE(offset?: number): number;
    /** `byteLength` (1–6) bytes at `offset` as an unsigned number, most significant first. */
    readUIntBE(offset: number, byteLength: number): number;
    /** Same as `readUIntBE`. */
    readUintBE(offset: number, byteLength: number): number;
    /** `byteLength` (1–6) bytes at `offset` as an unsigned number, least significant first. */
    readUIntLE(offset: number, byteLength: number): number;
    /** Same as `readUIntLE`. */
    readUintLE(offset: number, byteLength: number): number;
    /** `byteLength` (1–6) bytes at `offset` as a signed number, most significant first. */
    readIntBE(offset: number, byteLength: number): number;
    /** `byteLength` (1–6) bytes at `offset` as a signed number, least significant first. */
    readIntLE(offset: number, byteLength: number): number;
    /** Eight bytes at `offset` as an unsigned bigint, most significant first. */
    readBigUInt64BE(offset?: number): bigint;
    /** Eight bytes at `offset` as an unsigned bigint, least significant first. */
    readBigUInt64LE(offset?: number): bigint;
    /** Eight bytes at `offset` as a signed bigint, most significant first. */
    readBigInt64BE(offset?: number): bigint;
    /** Eight bytes at `offset` as a signed bigint, least significant first. */
    readBigInt64LE(offset?: number): bigint;
    /** A 32-bit float at `offset`, most significant byte first. */
    readFloatBE(offset?: number): number;
    /** A 32-bit float at `offset`, least significant byte first. */
    readFloatLE(offset?: number): number;
    /** A 64-bit float at `offset`, most significant byte first. */
    readDoubleBE(offset?: number): number;
    /** A 64-bit float at `offset`, least significant byte first. */
    readDoubleLE(offset?: number): number;

    /** Writes one byte (0–255) at `offset`; returns the offset after it. */
    writeUInt8(value: number, offset?: number): number;
    /** Same as `writeUInt8`. */
    writeUint8(value: number, offset?: number): number;
    /** Writes a signed byte (−128–127) at `offset`; returns the offset after it. */
    writeInt8(value: number, offset?: number): number;
    /** Writes `value` as two bytes, most significant first (network byte order); returns the offset after them. */
    writeUInt16BE(value: number, offset?: number): number;
    /** Same as `writeUInt16BE`. */
    writeUint16BE(value: number, offset?: number): number;
    /** Writes `value` as two bytes, least significant first; returns the offset after them. */
    writeUInt16LE(value: number, offset?: number): number;
    /** Same as `writeUInt16LE`. */
    writeUint16LE(value: number, offset?: number): number;
    /** Writes `value` as four bytes, most significant first (network byte order); returns the offset after them. */
    writeUInt32BE(value: number, offset?: number): number;
    /** Same as `writeUInt32BE`. */
    writeUint32BE(value: number, offset?: number): number;
    /** Writes `value` as four bytes, least significant first; returns the offset after them. */
    writeUInt32LE(value: number, offset?: number): number;
    /** Same as `writeUInt32LE`. */
    writeUint32LE(value: number, offset?: number): number;
    /** Writes a signed `value` as two bytes, most significant first; returns the offset after them. */
    writeInt16BE(value: number, offset?: number): number;
    /** Writes a signed `value` as two bytes, least significant first; returns the offset after them. */
    writeInt16LE(value: number, offset?: number): number;
    /** Writes a signed `value` as four bytes, most significant first; returns the offset after them. */
    writeInt32BE(value: number, offset?: number): number;
    /** Writes a signed `value` as four bytes, least significant first; returns the offset after them. */
    writeInt32LE(value: number, offset?: number): number;
    /** Writes `value` as `byteLength` (1–6) bytes, most significant first; returns the offset after them. */
    writeUIntBE(value: number, offset: number, byteLength: number): number;
    /** Same as `writeUIntBE`. */
    writeUintBE(value: number, offset: number, byteLength: number): number;
    /** Writes `value` as `byteLength` (1–6) bytes, least significant first; returns the offset after them. */
    writeUIntLE(value: number, offset: number, byteLength: number): number;
    /** Same as `writeUIntLE`. */
    writeUintLE(value: number, offset: number, byteLength: number): number;
    /** Writes a signed `value` as `byteLength` (1–6) bytes, most significant first; returns the offset after them. */
    writeIntBE(value: number, offset: number, byteLength: number): number;
    /** Writes a signed `value` as `byteLength` (1–6) bytes, least significant first; returns the offset after them. */
    writeIntLE(value: number, offset: number, byteLength: number): number;
    /** Writes an unsigned bigint as eight bytes, most significant first; returns the offset after them. */
    writeBigUInt64BE(value: bigint, offset?: number): number;
    /** Writes an unsigned bigint as eight bytes, least significant first; returns the offset after them. */
    writeBigUInt64LE(value: bigint, offset?: number): number;
    /** Writes a signed bigint as eight bytes, most significant first; returns the offset after them. */
    writeBigInt64BE(value: bigint, offset?: number): number;
    /** Writes a signed bigint as eight bytes, least significant first; returns the offset after them. */
    writeBigInt64LE(value: bigint, offset?: number): number;
    /** Writes a 32-bit float, most significant byte first; returns the offset after it. */
    writeFloatBE(value: number, offset?: number): number;
    /** Writes a 32-bit float, least significant byte first; returns the offset after it. */
    writeFloatLE(value: number, offset?: number): number;
    /** Writes a 64-bit float, most significant byte first; returns the offset after it. */
    writeDoubleBE(value: number, offset?: number): number;
    /** Writes a 64-bit float, least significant byte first; returns the offset after it. */
    writeDoubleLE(value: number, offset?: number): number;
  }

  /** Bytes, as Node's Buffer: `Buffer.from('hi')`, `Buffer.alloc(4)`, `Buffer.concat([a, b])`. */
  var Buffer: BufferConstructor;
}

export { Buffer };

/**
 * A buffer of `size` bytes outside the shared pool.
 * @deprecated Use `Buffer.allocUnsafeSlow(size)`.
 */
export function SlowBuffer(size: number): Buffer;
/** How many bytes `util.inspect` and `console.log` show of a buffer before `… N more bytes` (50). */
export const INSPECT_MAX_BYTES: number;
/** The largest buffer that can be made, in bytes. */
export const kMaxLength: number;
/** Buffer's limits. */
export const constants: {
  /** The largest buffer that can be made, in bytes. */
  readonly MAX_LENGTH: number;
  /** The longest string that can be made, in UTF-16 code units. */
  readonly MAX_STRING_LENGTH: number;
};
/** True if the bytes are valid UTF-8 text. */
export function isUtf8(input: ArrayBuffer | ArrayBufferView): boolean;
/**
 * Decodes base64 text to a "binary string" (one character per byte).
 * @deprecated Legacy in Node: use `Buffer.from(data, 'base64')`.
 */
export function atob(data: string): string;
/**
 * Encodes a "binary string" (one character per byte) as base64.
 * @deprecated Legacy in Node: use `buf.toString('base64')`.
 */
export function btoa(data: string): string;
