/**
 * What the learner typed or pasted and the shell has not handled yet, as a tty's input buffer holds it.
 * The shell takes it piece by piece (a few thousand characters per turn of the event loop, cut at line ends
 * where it can), so a paste of any size is handled iteratively and the worker keeps answering between pieces.
 * The buffer is bounded: past `MAX_PENDING_INPUT` characters a paste is cut, and a `cut` item marks where,
 * so the shell can say so at that point of the output.
 */

/** Most characters waiting at once (about 25,000 lines of 40 characters). */
export const MAX_PENDING_INPUT = 1_000_000;
/** Characters handled per turn of the event loop. */
export const INPUT_SLICE = 4_096;

export type Cut =
  /** The paste did not fit: `dropped` of its `received` characters were left out. */
  | { kind: 'cut'; reason: 'too-long'; received: number; dropped: number }
  /** Ctrl+C dropped what was still waiting (`clear`), as a tty flushes its input on an interrupt. */
  | { kind: 'cut'; reason: 'interrupted'; dropped: number };

export type Piece = { kind: 'text'; text: string } | Cut;

type Item = { kind: 'text'; text: string } | Extract<Cut, { reason: 'too-long' }>;

/** How far back from a piece's end an escape sequence may start (longer ones are not keys). */
const LONGEST_KEY_SEQUENCE = 16;

export class InputQueue {
  private items: Item[] = [];
  /** Index of the first item not yet taken, and how much of its text is taken. */
  private head = 0;
  private offset = 0;
  private chars = 0;

  constructor(private readonly limit = MAX_PENDING_INPUT) {}

  /** Characters waiting. */
  get size(): number {
    return this.chars;
  }

  get empty(): boolean {
    return this.head >= this.items.length;
  }

  /** Adds input; what does not fit is dropped and marked with a `cut` item. */
  push(data: string): void {
    if (data.length === 0) return;
    const room = this.limit - this.chars;
    if (data.length <= room) {
      this.add({ kind: 'text', text: data });
      return;
    }
    const kept = room > 0 ? keepUpTo(data, room) : 0;
    if (kept > 0) this.add({ kind: 'text', text: data.slice(0, kept) });
    const last = this.items[this.items.length - 1];
    if (!this.empty && last?.kind === 'cut' && last.reason === 'too-long') {
      last.received += data.length;
      last.dropped += data.length - kept;
    } else {
      this.add({ kind: 'cut', reason: 'too-long', received: data.length, dropped: data.length - kept });
    }
  }

  /** Drops everything waiting (Ctrl+C); returns how many characters that was. */
  clear(): number {
    const dropped = this.chars;
    this.items = [];
    this.head = 0;
    this.offset = 0;
    this.chars = 0;
    return dropped;
  }

  /**
   * The next piece without taking it: a cut, or at most `max` characters of text, ending after a line end
   * when there is one, and never inside a key's escape sequence, a `\r\n` pair or a surrogate pair.
   */
  peek(max: number): Piece | undefined {
    const item = this.items[this.head];
    if (!item) return undefined;
    if (item.kind === 'cut') return item;
    const { text } = item;
    let end = Math.min(this.offset + Math.max(max, 1), text.length);
    if (end < text.length) end = safeEnd(text, this.offset, end);
    return { kind: 'text', text: text.slice(this.offset, end) };
  }

  /** Takes `count` characters of the text piece last peeked, or the cut it returned (`count` 0). */
  take(count: number): void {
    const item = this.items[this.head];
    if (!item) return;
    if (item.kind === 'cut') {
      this.advance();
      return;
    }
    this.offset += count;
    this.chars -= count;
    if (this.offset >= item.text.length) this.advance();
  }

  private add(item: Item): void {
    this.items.push(item);
    if (item.kind === 'text') this.chars += item.text.length;
  }

  private advance(): void {
    this.head++;
    this.offset = 0;
    // Drop taken items now and then, so the array does not grow with a long session.
    if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

/** Where to end a piece of `text` from `start` that may not go past `end` (`end < text.length`). */
function safeEnd(text: string, start: number, end: number): number {
  // After the last line end in the piece, so whole lines go together.
  const lastBreak = Math.max(text.lastIndexOf('\r', end - 1), text.lastIndexOf('\n', end - 1));
  if (lastBreak >= start) {
    const after = lastBreak + 1;
    return text[lastBreak] === '\r' && text[after] === '\n' ? after + 1 : after;
  }
  // No line end: not inside an escape sequence (a key) or a surrogate pair.
  const escape = text.lastIndexOf('\x1b', end - 1);
  if (escape > start && end - escape < LONGEST_KEY_SEQUENCE) return escape;
  if (isHighSurrogate(text.charCodeAt(end - 1)) && end - 1 > start) return end - 1;
  return end;
}

/** How much of `data` to keep within `room` characters: up to its last line end that fits, else `room`. */
function keepUpTo(data: string, room: number): number {
  return Math.min(safeEnd(data, 0, room), room);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
