/**
 * A minimal Node-like Buffer (`node:buffer` and the global `Buffer` for programs): a Uint8Array with
 * Node's constructors and `toString(encoding)`. Enough for sockets; not the whole Node API.
 */
import { invalidArgType } from '../errors';

export type BufferEncoding = 'utf8' | 'utf-8' | 'latin1' | 'binary' | 'ascii' | 'hex' | 'base64';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function normalise(encoding: string | undefined): BufferEncoding {
  if (encoding === undefined || encoding === 'utf8') return 'utf8'; // every write of a string: no lower-casing
  const e = encoding.toLowerCase();
  if (e === 'utf8' || e === 'utf-8' || e === 'latin1' || e === 'binary' || e === 'ascii' || e === 'hex' || e === 'base64') return e;
  const error = new TypeError(`Unknown encoding: ${encoding}`) as TypeError & { code: string };
  error.code = 'ERR_UNKNOWN_ENCODING';
  throw error;
}

function encode(text: string, encoding: BufferEncoding): Uint8Array {
  switch (encoding) {
    case 'utf8':
    case 'utf-8':
      return text.length <= 64 ? shortUtf8(text) : encoder.encode(text);
    case 'latin1':
    case 'binary':
    case 'ascii': {
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 255;
      return bytes;
    }
    case 'hex': {
      const n = text.length >> 1;
      const bytes = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const b = parseInt(text.slice(i * 2, i * 2 + 2), 16);
        if (Number.isNaN(b)) return bytes.subarray(0, i);
        bytes[i] = b;
      }
      return bytes;
    }
    case 'base64': {
      const clean = text.replace(/[^A-Za-z0-9+/\-_]/g, '').replace(/-/g, '+').replace(/_/g, '/');
      const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
      let bits = 0;
      let value = 0;
      let out = 0;
      for (const ch of clean) {
        value = (value << 6) | BASE64.indexOf(ch);
        bits += 6;
        if (bits >= 8) {
          bits -= 8;
          bytes[out++] = (value >> bits) & 255;
        }
      }
      return bytes.subarray(0, out);
    }
    default: {
      const never: never = encoding;
      return never;
    }
  }
}

/** Short ASCII text byte by byte (cheaper than TextEncoder for a small write); anything else via TextEncoder. */
function shortUtf8(text: string): Uint8Array {
  const bytes = new Buffer(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return encoder.encode(text);
    bytes[i] = c;
  }
  return bytes;
}

function decode(bytes: Uint8Array, encoding: BufferEncoding): string {
  switch (encoding) {
    case 'utf8':
    case 'utf-8':
      return decoder.decode(bytes);
    case 'latin1':
    case 'binary': {
      let text = '';
      for (let i = 0; i < bytes.length; i += 4096) text += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 4096)));
      return text;
    }
    case 'ascii': {
      let text = '';
      for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]! & 127);
      return text;
    }
    case 'hex': {
      let text = '';
      for (let i = 0; i < bytes.length; i++) text += bytes[i]!.toString(16).padStart(2, '0');
      return text;
    }
    case 'base64': {
      let text = '';
      for (let i = 0; i < bytes.length; i += 3) {
        const a = bytes[i]!;
        const b = bytes[i + 1];
        const c = bytes[i + 2];
        text += BASE64[a >> 2]! + BASE64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
        text += b === undefined ? '=' : BASE64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
        text += c === undefined ? '=' : BASE64[c & 63]!;
      }
      return text;
    }
    default: {
      const never: never = encoding;
      return never;
    }
  }
}

/** Bytes, as Node's Buffer: `Buffer.from('hi')`, `buf.toString('hex')`. */
// @ts-ignore -- Node's Buffer.from(string, encoding) differs from Uint8Array.from (as in @types/node)
export class Buffer extends Uint8Array {
  /** Bytes from a string (UTF-8 unless told), an array of numbers, or other bytes (copied). */
  static from(value: string | ArrayLike<number> | ArrayBuffer | Uint8Array, encoding?: BufferEncoding): Buffer {
    if (typeof value === 'string') {
      const bytes = encode(value, normalise(encoding));
      return bytes instanceof Buffer ? bytes : Buffer.#wrap(bytes);
    }
    if (value instanceof ArrayBuffer) return new Buffer(value);
    if (value !== null && typeof value === 'object' && typeof (value as ArrayLike<number>).length === 'number') {
      const copy = new Buffer((value as ArrayLike<number>).length);
      copy.set(value as ArrayLike<number>);
      return copy;
    }
    throw invalidArgType(
      'first argument',
      'of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object',
      value,
    );
  }

  /** `size` zeroed bytes (or filled with `fill`). */
  static alloc(size: number, fill?: number | string): Buffer {
    const buffer = new Buffer(size);
    if (typeof fill === 'number') buffer.fill(fill);
    else if (typeof fill === 'string' && fill.length) {
      const pattern = encode(fill, 'utf8');
      for (let i = 0; i < size; i++) buffer[i] = pattern[i % pattern.length]!;
    }
    return buffer;
  }

  static allocUnsafe(size: number): Buffer {
    return new Buffer(size);
  }

  /** One buffer holding every given one in order. */
  static concat(list: readonly Uint8Array[], totalLength?: number): Buffer {
    const total = totalLength ?? list.reduce((n, b) => n + b.length, 0);
    const out = new Buffer(total);
    let offset = 0;
    for (const b of list) {
      if (offset >= total) break;
      out.set(b.subarray(0, total - offset), offset);
      offset += b.length;
    }
    return out;
  }

  /** Bytes a string takes in an encoding (UTF-8 unless told). */
  static byteLength(value: string | Uint8Array, encoding?: BufferEncoding): number {
    return typeof value === 'string' ? encode(value, normalise(encoding)).length : value.byteLength;
  }

  static isBuffer(value: unknown): value is Buffer {
    return value instanceof Buffer;
  }

  static isEncoding(encoding: string): boolean {
    try {
      normalise(encoding);
      return true;
    } catch {
      return false;
    }
  }

  static #wrap(bytes: Uint8Array): Buffer {
    return new Buffer(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length);
  }

  /** Wraps bytes without copying (netsim's own use). */
  static view(bytes: Uint8Array): Buffer {
    return bytes instanceof Buffer ? bytes : Buffer.#wrap(bytes);
  }

  /** Decodes bytes `start`…`end` (UTF-8 unless told). */
  override toString(encoding?: BufferEncoding, start = 0, end = this.length): string {
    return decode(this.subarray(start, end), normalise(encoding));
  }

  equals(other: Uint8Array): boolean {
    if (other.length !== this.length) return false;
    for (let i = 0; i < this.length; i++) if (this[i] !== other[i]) return false;
    return true;
  }

  override subarray(start?: number, end?: number): Buffer {
    return Uint8Array.prototype.subarray.call(this, start, end) as Buffer; // species: a Buffer view
  }

  /** Like Node (unlike Uint8Array): a view sharing the bytes, not a copy. */
  override slice(start?: number, end?: number): Buffer {
    return this.subarray(start, end);
  }

  write(text: string, offset = 0): number {
    const bytes = encode(text, 'utf8').subarray(0, this.length - offset);
    this.set(bytes, offset);
    return bytes.length;
  }

  toJSON(): { type: 'Buffer'; data: number[] } {
    return { type: 'Buffer', data: Array.from(this) };
  }
}

export const bufferModule = { Buffer, default: { Buffer } };

export { encode as encodeText };
