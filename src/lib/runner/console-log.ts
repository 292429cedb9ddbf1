import type { ConsoleLine } from './protocol';

/** Limits on what a run may print, to protect the page (and the record) from a runaway loop. */
export const CONSOLE_LIMITS = { lines: 1000, bytes: 200 * 1024 } as const;

/** The run's console: every line printed, up to the limits; past them lines are counted, not kept. */
export class ConsoleLog {
  readonly lines: ConsoleLine[] = [];
  dropped = 0;
  private bytes = 0;

  constructor(private readonly limits: { lines: number; bytes: number } = CONSOLE_LIMITS) {}

  /** Returns the line if it was kept, undefined when the cap dropped it. */
  add(line: ConsoleLine): ConsoleLine | undefined {
    const size = line.text.length + 1;
    if (this.dropped > 0 || this.lines.length >= this.limits.lines || this.bytes + size > this.limits.bytes) {
      this.dropped += 1;
      return undefined;
    }
    this.bytes += size;
    this.lines.push(line);
    return line;
  }
}
