/**
 * The terminal's line discipline while a command runs (cooked mode): typed characters are echoed, Backspace
 * erases, Enter hands the line to the command, Ctrl+D ends input, Ctrl+C interrupts.
 */
import type { TypedInput } from './command';

export type LineDisciplineEvent = TypedInput | { kind: 'interrupt' };

export class LineDiscipline {
  private line = '';

  constructor(private readonly echo: (text: string) => void) {}

  /** Handles `data` in one pass; what it echoes is written once, at the end. */
  feed(data: string): LineDisciplineEvent[] {
    const events: LineDisciplineEvent[] = [];
    let echoed = '';
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (ch === '\x1b') {
        // Arrow keys and the like: a real tty would echo ^[[A; ignoring them is kinder.
        KEY_SEQUENCE.lastIndex = i;
        i += (KEY_SEQUENCE.exec(data)?.[0].length ?? 1) - 1;
      } else if (ch === '\r' || ch === '\n') {
        if (ch === '\r' && data[i + 1] === '\n') i++;
        echoed += '\r\n';
        events.push({ kind: 'data', text: `${this.line}\n` });
        this.line = '';
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.line.length > 0) {
          this.line = this.line.slice(0, -1);
          echoed += '\b \b';
        }
      } else if (ch === '\x03') {
        echoed += '^C';
        this.line = '';
        events.push({ kind: 'interrupt' });
      } else if (ch === '\x04') {
        events.push(this.line === '' ? { kind: 'eof' } : { kind: 'data', text: this.line });
        this.line = '';
      } else if (ch >= ' ' || ch === '\t') {
        this.line += ch;
        echoed += ch;
      }
    }
    if (echoed) this.echo(echoed);
    return events;
  }
}

/** A key's escape sequence at `lastIndex` (sticky: no copy of the rest of the input per key). */
const KEY_SEQUENCE = /\x1b(?:\[[0-9;]*[A-Za-z~]|O[A-Za-z])?/y;
