/**
 * A compact, URL-safe text for a JSON value — an assignment link's `#a=…`, a hand-in to paste where only
 * text is accepted: `<PREFIX>.<payload>.<checksum>`, where the payload is the JSON text compressed
 * (deflate-raw) and written in base64url, and the checksum is the CRC-32 of the payload in 8 hex digits.
 * The checksum catches a bad paste (a character lost or changed, the end cut off); it is no seal: anyone can
 * compute it. Whitespace inside a code (a line wrapped by an e-mail or a class tool) is ignored.
 *
 * Decoding is bounded: a code longer than its limit is refused before it is read, and decompression stops as
 * soon as the output passes its limit, so a small code that would inflate to gigabytes costs nothing.
 */

/** base64url without padding (RFC 4648 §5): letters, digits, `-` and `_`. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** The bytes of a base64url text, or null when it holds a character outside the alphabet or cannot end where it does. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? VALUE[code]! : -1;
    if (v < 0) return null;
    value = ((value << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE, as zip and PNG use) of a text's UTF-16 code units taken as bytes when below 256, else as two bytes. */
export function crc32(text: string): string {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit > 0xff) crc = CRC_TABLE[(crc ^ (unit >> 8)) & 0xff]! ^ (crc >>> 8);
    crc = CRC_TABLE[(crc ^ unit) & 0xff]! ^ (crc >>> 8);
  }
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

async function collect(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | 'too-big'> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return 'too-big';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

// The DOM typings give these streams BufferSource inputs; the bytes passed are always Uint8Array.
const compressor = () => new CompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>;
const decompressor = () => new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>;

export async function deflate(text: string): Promise<Uint8Array> {
  const out = await collect(streamOf(new TextEncoder().encode(text)).pipeThrough(compressor()), Number.MAX_SAFE_INTEGER);
  if (out === 'too-big') throw new Error('unreachable');
  return out;
}

/** The text inside compressed bytes; `'too-big'` as soon as it passes `maxBytes`; null when the bytes are not deflate data. */
export async function inflate(bytes: Uint8Array, maxBytes: number): Promise<string | 'too-big' | null> {
  try {
    const out = await collect(streamOf(bytes).pipeThrough(decompressor()), maxBytes);
    if (out === 'too-big') return out;
    return new TextDecoder('utf-8', { fatal: true }).decode(out);
  } catch {
    return null;
  }
}

/** Why a text is not a code that can be read, in a sentence part a teacher or learner reads: "is cut off: …". */
export type CodeProblem =
  | { kind: 'not-a-code'; message: string }
  | { kind: 'other-kind'; message: string }
  | { kind: 'wrong-version'; message: string }
  | { kind: 'truncated'; message: string }
  | { kind: 'damaged'; message: string }
  | { kind: 'huge'; message: string };

export type Decoded = { ok: true; json: string } | { ok: false; problem: CodeProblem };

export interface CodeKind {
  /** `EPH` (a hand-in), `EPA` (an assignment). */
  prefix: string;
  /** The format version this page writes and reads. */
  version: number;
  /** "a hand-in code". */
  noun: string;
  /** Longest code read at all, in characters (whitespace excluded). */
  maxChars: number;
  /** Longest JSON text the payload may inflate to, in bytes. */
  maxJsonBytes: number;
}

/** `EPH1.` for version 1 of hand-ins. */
export const codeHead = (kind: CodeKind, version = kind.version) => `${kind.prefix}${version}.`;

export async function encodeCode(kind: CodeKind, json: string): Promise<string> {
  const payload = toBase64Url(await deflate(json));
  return `${codeHead(kind)}${payload}.${crc32(payload)}`;
}

const amount = (n: number) => n.toLocaleString('en-US');

/** Reads a code back to its JSON text, or says what is wrong with it. `text` may carry whitespace anywhere. */
export async function decodeCode(kind: CodeKind, text: string, others: readonly CodeKind[] = []): Promise<Decoded> {
  const fail = (problem: CodeProblem): Decoded => ({ ok: false, problem });
  // A length check first, on the text as given: never strip or scan a text past the limit.
  if (text.length > kind.maxChars * 2) {
    return fail({ kind: 'huge', message: `is ${amount(text.length)} characters long; ${kind.noun} is at most ${amount(kind.maxChars)}` });
  }
  const code = text.replace(/\s+/g, '');
  if (code.length > kind.maxChars) {
    return fail({ kind: 'huge', message: `is ${amount(code.length)} characters long; ${kind.noun} is at most ${amount(kind.maxChars)}` });
  }
  const head = /^([A-Z]{3})(\d{1,3})\./.exec(code);
  if (!head) return fail({ kind: 'not-a-code', message: `does not start like ${kind.noun} (${codeHead(kind)}…)` });
  const [, prefix, versionText] = head;
  if (prefix !== kind.prefix) {
    const other = others.find((candidate) => candidate.prefix === prefix);
    return fail({ kind: 'other-kind', message: other ? `is ${other.noun}, not ${kind.noun}` : `does not start like ${kind.noun} (${codeHead(kind)}…)` });
  }
  const version = Number(versionText);
  if (version !== kind.version) {
    return fail({
      kind: 'wrong-version',
      message:
        version > kind.version
          ? `was made by a newer version of the course (format ${version}); this page reads format ${kind.version}: reload the page to get the newest version`
          : `is in format ${version}, which this version of the course no longer reads (it reads format ${kind.version})`,
    });
  }
  const rest = code.slice(head[0].length);
  const dot = rest.lastIndexOf('.');
  if (dot < 0 || !/^[0-9a-f]{8}$/.test(rest.slice(dot + 1))) {
    return fail({ kind: 'truncated', message: 'is cut off: its end (the checksum after the last dot) is missing — copy the whole code again' });
  }
  const payload = rest.slice(0, dot);
  if (crc32(payload) !== rest.slice(dot + 1)) {
    return fail({ kind: 'damaged', message: 'does not match its checksum: part of it was lost or changed while it was copied — copy the whole code again' });
  }
  const bytes = fromBase64Url(payload);
  if (!bytes) return fail({ kind: 'damaged', message: 'holds characters a code never has: copy the whole code again' });
  const json = await inflate(bytes, kind.maxJsonBytes);
  if (json === 'too-big') return fail({ kind: 'huge', message: `unpacks to more than ${amount(kind.maxJsonBytes)} bytes; ${kind.noun} is never that large` });
  if (json === null) return fail({ kind: 'damaged', message: 'cannot be unpacked: it was not made by this course' });
  return { ok: true, json };
}
