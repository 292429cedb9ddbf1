/**
 * The prompt's line editor (what readline does for bash): turns raw xterm input into an edited line,
 * echoing as it goes. It knows nothing about commands; the shell asks it for lines.
 *
 * Redrawing follows linenoise's multi-line refresh: go back to the prompt's first row, rewrite prompt and
 * buffer, clear what is below, then put the cursor where it belongs, so long lines wrap correctly.
 */
import { CLEAR_SCREEN, CLEAR_TO_END_OF_SCREEN, cursorForward, cursorUp, stripAnsi } from './ansi';

/** Why the editor stopped reading: a finished line, Ctrl+C, or Ctrl+D on an empty line. */
export type EditorEvent = { kind: 'line'; text: string } | { kind: 'interrupt' } | { kind: 'eof' };

/** Words that can finish the word under the cursor. `start` is where that word begins in `before`. */
export interface Completion {
  start: number;
  candidates: string[];
}

export type Completer = (before: string) => Completion;

export interface LineEditorOptions {
  write: (ansi: string) => void;
  complete?: Completer;
  cols?: number;
}

/** A key, decoded from the raw input. */
type Key =
  | { kind: 'text'; text: string }
  | { kind: 'enter' | 'backspace' | 'delete' | 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'tab' }
  | { kind: 'ctrl'; letter: string }
  | { kind: 'ignored' };

const ESCAPE_SEQUENCES: Record<string, Key['kind']> = {
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left',
  'OA': 'up', 'OB': 'down', 'OC': 'right', 'OD': 'left',
  '[H': 'home', '[F': 'end', 'OH': 'home', 'OF': 'end',
  '[1~': 'home', '[7~': 'home', '[4~': 'end', '[8~': 'end', '[3~': 'delete',
};

/** A key's escape sequence at `lastIndex` (sticky: no copy of the rest of the input per key). */
const ESCAPE_SEQUENCE = /\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/y;

/** Reads one key from `data` at `i`; returns it and how many characters it used. */
export function readKey(data: string, i: number): { key: Key; length: number } {
  const ch = data[i]!;
  if (ch === '\x1b') {
    ESCAPE_SEQUENCE.lastIndex = i;
    const match = ESCAPE_SEQUENCE.exec(data);
    if (!match) return { key: { kind: 'ignored' }, length: 1 };
    const kind = ESCAPE_SEQUENCES[match[1]!];
    return { key: kind ? ({ kind } as Key) : { kind: 'ignored' }, length: match[0].length };
  }
  if (ch === '\r') return { key: { kind: 'enter' }, length: data[i + 1] === '\n' ? 2 : 1 };
  if (ch === '\n') return { key: { kind: 'enter' }, length: 1 };
  if (ch === '\x7f' || ch === '\b') return { key: { kind: 'backspace' }, length: 1 };
  if (ch === '\t') return { key: { kind: 'tab' }, length: 1 };
  const code = ch.charCodeAt(0);
  if (code < 0x20) return { key: { kind: 'ctrl', letter: String.fromCharCode(code + 0x60) }, length: 1 };
  // A run of printable characters (typing fast, or a paste) is one key.
  let end = i + 1;
  while (end < data.length && data.charCodeAt(end) >= 0x20 && data[end] !== '\x7f') end++;
  return { key: { kind: 'text', text: data.slice(i, end) }, length: end - i };
}

export class LineEditor {
  private prompt = '';
  private promptWidth = 0;
  private text = '';
  private pos = 0;
  /** Row of the terminal cursor, counted from the prompt's first row. */
  private cursorRow = 0;
  private cols: number;
  private readonly entries: string[] = [];
  /** Position while browsing history; `entries.length` means the line being typed. */
  private historyIndex = 0;
  private draft = '';
  private lastKeyWasTab = false;
  private active = false;

  constructor(private readonly options: LineEditorOptions) {
    this.cols = options.cols ?? 80;
  }

  get buffer(): string {
    return this.text;
  }

  get cursor(): number {
    return this.pos;
  }

  get history(): readonly string[] {
    return this.entries;
  }

  get reading(): boolean {
    return this.active;
  }

  /** Prints the prompt and starts a new, empty line. */
  begin(prompt: string): void {
    this.prompt = prompt;
    this.promptWidth = stripAnsi(prompt).length;
    this.text = '';
    this.pos = 0;
    this.cursorRow = 0;
    this.historyIndex = this.entries.length;
    this.draft = '';
    this.active = true;
    this.options.write(prompt);
    this.cursorRow = Math.floor(this.promptWidth / this.cols);
  }

  resize(cols: number): void {
    this.cols = Math.max(cols, 1);
  }

  /** Clears the screen and redraws the prompt and the line at the top (Ctrl+L). */
  clearScreen(): void {
    this.options.write(CLEAR_SCREEN);
    this.cursorRow = 0;
    if (this.active) this.refresh();
  }

  /**
   * Feeds raw input. Stops at the first event (a line, Ctrl+C, Ctrl+D) and returns it with the input that
   * followed it, which belongs to whatever runs next.
   */
  feed(data: string): { event?: EditorEvent; rest: string } {
    let i = 0;
    while (i < data.length && this.active) {
      const { key, length } = readKey(data, i);
      i += length;
      const event = this.handle(key);
      if (event) {
        this.active = false;
        return { event, rest: data.slice(i) };
      }
    }
    return { rest: data.slice(i) };
  }

  /** Prints `text` on its own lines above the line being edited, then redraws the prompt and the line. */
  printAbove(text: string): void {
    if (!this.active) {
      this.options.write(`${text}\r\n`);
      return;
    }
    if (this.text === '') {
      // Nothing typed yet: the text takes the prompt's place, and the prompt comes back below it.
      this.options.write(`${cursorUp(this.cursorRow)}\r${CLEAR_TO_END_OF_SCREEN}${text}\r\n`);
      this.cursorRow = 0;
      this.refresh();
      return;
    }
    this.moveTo(this.text.length);
    this.options.write(`\r\n${text}\r\n`);
    this.cursorRow = 0;
    this.refresh();
  }

  private handle(key: Key): EditorEvent | undefined {
    const wasTab = this.lastKeyWasTab;
    this.lastKeyWasTab = key.kind === 'tab';
    switch (key.kind) {
      case 'text':
        this.insert(key.text);
        return undefined;
      case 'enter':
        return this.finishLine();
      case 'backspace':
        if (this.pos > 0) this.edit(this.text.slice(0, this.pos - 1) + this.text.slice(this.pos), this.pos - 1);
        return undefined;
      case 'delete':
        if (this.pos < this.text.length) this.edit(this.text.slice(0, this.pos) + this.text.slice(this.pos + 1), this.pos);
        return undefined;
      case 'left':
        if (this.pos > 0) this.moveTo(this.pos - 1);
        return undefined;
      case 'right':
        if (this.pos < this.text.length) this.moveTo(this.pos + 1);
        return undefined;
      case 'home':
        this.moveTo(0);
        return undefined;
      case 'end':
        this.moveTo(this.text.length);
        return undefined;
      case 'up':
        this.browseHistory(-1);
        return undefined;
      case 'down':
        this.browseHistory(1);
        return undefined;
      case 'tab':
        this.complete(wasTab);
        return undefined;
      case 'ctrl':
        return this.control(key.letter);
      case 'ignored':
        return undefined;
      default: {
        const never: never = key;
        return never;
      }
    }
  }

  /** Emacs-style control keys, as bash's readline binds them. */
  private control(letter: string): EditorEvent | undefined {
    switch (letter) {
      case 'c':
        this.moveTo(this.text.length);
        this.options.write('^C\r\n');
        return { kind: 'interrupt' };
      case 'd':
        if (this.text === '') {
          this.options.write('\r\n');
          return { kind: 'eof' };
        }
        if (this.pos < this.text.length) this.edit(this.text.slice(0, this.pos) + this.text.slice(this.pos + 1), this.pos);
        return undefined;
      case 'l':
        this.clearScreen();
        return undefined;
      case 'a':
        this.moveTo(0);
        return undefined;
      case 'e':
        this.moveTo(this.text.length);
        return undefined;
      case 'b':
        if (this.pos > 0) this.moveTo(this.pos - 1);
        return undefined;
      case 'f':
        if (this.pos < this.text.length) this.moveTo(this.pos + 1);
        return undefined;
      case 'u':
        this.edit(this.text.slice(this.pos), 0);
        return undefined;
      case 'k':
        this.edit(this.text.slice(0, this.pos), this.pos);
        return undefined;
      case 'w': {
        const before = this.text.slice(0, this.pos).replace(/\S+\s*$/, '');
        this.edit(before + this.text.slice(this.pos), before.length);
        return undefined;
      }
      case 'p':
        this.browseHistory(-1);
        return undefined;
      case 'n':
        this.browseHistory(1);
        return undefined;
      default:
        return undefined;
    }
  }

  private finishLine(): EditorEvent {
    this.moveTo(this.text.length);
    this.options.write('\r\n');
    const line = this.text;
    // bash's HISTCONTROL=ignoreboth (Debian's default): no lines starting with a space, no repeats.
    if (line.trim() !== '' && !line.startsWith(' ') && this.entries[this.entries.length - 1] !== line) {
      this.entries.push(line);
    }
    return { kind: 'line', text: line };
  }

  private insert(text: string): void {
    const atEnd = this.pos === this.text.length;
    this.text = this.text.slice(0, this.pos) + text + this.text.slice(this.pos);
    this.pos += text.length;
    const end = this.promptWidth + this.text.length;
    if (!atEnd) {
      this.refresh();
      return;
    }
    // Typing (or pasting) at the end only needs the new characters echoed: the terminal wraps them itself,
    // so a long pasted line costs its length once, not a redraw per piece. At an exact multiple of the
    // width the terminal holds the cursor on the last column: force the wrap, as `refresh` does.
    this.options.write(end % this.cols === 0 ? `${text}\r\n` : text);
    this.cursorRow = Math.floor(end / this.cols);
  }

  private edit(text: string, pos: number): void {
    this.text = text;
    this.pos = pos;
    this.refresh();
  }

  private moveTo(pos: number): void {
    if (pos === this.pos) return;
    this.pos = pos;
    this.refresh();
  }

  private browseHistory(direction: -1 | 1): void {
    const next = this.historyIndex + direction;
    if (next < 0 || next > this.entries.length) return;
    if (this.historyIndex === this.entries.length) this.draft = this.text;
    this.historyIndex = next;
    const text = next === this.entries.length ? this.draft : this.entries[next]!;
    this.edit(text, text.length);
  }

  /** First Tab completes as far as all candidates agree; a second Tab lists them, as bash does. */
  private complete(secondTab: boolean): void {
    if (!this.options.complete) return;
    const before = this.text.slice(0, this.pos);
    const { start, candidates } = this.options.complete(before);
    if (candidates.length === 0) return;
    const typed = before.slice(start);
    if (candidates.length === 1) {
      this.insert(candidates[0]!.slice(typed.length) + ' ');
      return;
    }
    const common = commonPrefix(candidates);
    if (common.length > typed.length) {
      this.insert(common.slice(typed.length));
      return;
    }
    if (secondTab) {
      this.moveTo(this.text.length);
      this.options.write(`\r\n${[...candidates].sort().join('  ')}\r\n`);
      this.cursorRow = 0;
      this.refresh();
    }
  }

  private refresh(): void {
    // Erase first, then write: erasing after a full last row would also erase its last character.
    let out = cursorUp(this.cursorRow) + '\r' + CLEAR_TO_END_OF_SCREEN + this.prompt + this.text;
    const end = this.promptWidth + this.text.length;
    // At an exact multiple of the width the terminal holds the cursor on the last column: force the wrap.
    if (end > 0 && end % this.cols === 0) out += '\r\n';
    const endRow = Math.floor(end / this.cols);
    const target = this.promptWidth + this.pos;
    const targetRow = Math.floor(target / this.cols);
    out += cursorUp(endRow - targetRow) + '\r' + cursorForward(target % this.cols);
    this.cursorRow = targetRow;
    this.options.write(out);
  }
}

function commonPrefix(words: string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) {
    while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}
