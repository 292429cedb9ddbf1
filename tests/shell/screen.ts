/**
 * A tiny terminal for tests: interprets the shell's output (text, CR, LF, backspace, cursor moves, erase,
 * colours ignored) into the lines a learner would see, with xterm's wrapping at the last column.
 */
export class Screen {
  lines: string[][] = [[]];
  row = 0;
  col = 0;
  private pendingWrap = false;

  constructor(readonly cols = 80) {}

  write(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (ch === '\x1b') {
        const match = /^\x1b\[([0-9;?]*)([A-Za-z])/.exec(data.slice(i));
        if (!match) continue;
        i += match[0].length - 1;
        this.csi(match[2]!, Number(match[1]?.split(';')[0] || 0));
      } else if (ch === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (ch === '\n') {
        this.down();
        this.pendingWrap = false;
      } else if (ch === '\b') {
        this.col = Math.max(this.col - 1, 0);
        this.pendingWrap = false;
      } else if (ch >= ' ' || ch === '\t') {
        if (this.pendingWrap) {
          this.col = 0;
          this.down();
          this.pendingWrap = false;
        }
        const line = this.line();
        while (line.length < this.col) line.push(' ');
        line[this.col] = ch;
        if (this.col === this.cols - 1) this.pendingWrap = true;
        else this.col++;
      }
    }
  }

  /** The screen's text, trailing spaces and empty last lines removed. */
  text(): string {
    return this.lines.map((l) => l.join('').trimEnd()).join('\n').replace(/\n+$/, '');
  }

  /** The line the cursor is on. */
  currentLine(): string {
    return this.line().join('').trimEnd();
  }

  private line(): string[] {
    while (this.lines.length <= this.row) this.lines.push([]);
    return this.lines[this.row]!;
  }

  private down(): void {
    this.row++;
    this.line();
  }

  private csi(command: string, n: number): void {
    this.pendingWrap = false;
    switch (command) {
      case 'A': this.row = Math.max(this.row - Math.max(n, 1), 0); break;
      case 'B': this.row += Math.max(n, 1); this.line(); break;
      case 'C': this.col = Math.min(this.col + Math.max(n, 1), this.cols - 1); break;
      case 'D': this.col = Math.max(this.col - Math.max(n, 1), 0); break;
      case 'K': this.lines[this.row] = this.line().slice(0, this.col); break;
      case 'J':
        if (n === 2) this.lines = this.lines.map(() => []);
        else {
          this.lines[this.row] = this.line().slice(0, this.col);
          this.lines.length = this.row + 1;
        }
        break;
      case 'H': this.row = 0; this.col = 0; break;
      default: break; // colours (m) and the rest do not move text
    }
  }
}
