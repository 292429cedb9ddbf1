/**
 * Bytes to text when a character may be split across two chunks: a UTF-8 character is 1 to 4 bytes, and TCP
 * may deliver them in different `'data'` events. `socket.setEncoding('utf8')` uses one of these.
 */

/** Decodes a stream of bytes into text, keeping an incomplete character until its last bytes arrive. */
export class StringDecoder {
  /** A decoder for `encoding` (UTF-8 unless you say otherwise). */
  constructor(encoding?: BufferEncoding);
  /** The text of `buffer`, plus what was kept from before; an incomplete character at the end is kept for the next call. */
  write(buffer: string | Uint8Array): string;
  /** The rest: what was kept (an incomplete character shows as U+FFFD), plus the text of `buffer` if given. */
  end(buffer?: string | Uint8Array): string;
}
