/**
 * The run's console, with limits that protect the page without hiding what matters: the learner's programs
 * share one budget of lines and bytes, the exercise's own programs (drivers) another, and an uncaught
 * error's trace is always kept. A line longer than the longest kept is cut, with the count of what was cut.
 */
import type { ConsoleLine } from './protocol';

export interface ConsoleLimits {
  /** Lines the learner's programs may print. */
  lines: number;
  /** Bytes the learner's programs may print. */
  bytes: number;
}

/** Limits on what a run may print, to protect the page (and the record) from a runaway loop. */
export const CONSOLE_LIMITS: Readonly<ConsoleLimits> = Object.freeze({ lines: 1000, bytes: 200 * 1024 });
/** The longest line kept as it is. */
export const MAX_LINE = 2000;
/** What the drivers and crash traces may take: a little, but never cut off by a learner's flood. */
const RESERVED = { driver: { lines: 200, bytes: 50 * 1024 }, crash: { lines: 50, bytes: 50 * 1024 } } as const;

type Source = 'learner' | 'driver' | 'crash';

/** The run's console: every line printed, up to the limits; past them lines are counted, not kept. */
export class ConsoleLog {
  readonly lines: ConsoleLine[] = [];
  /** Lines the limits dropped (all sources). */
  dropped = 0;
  readonly #used: Record<Source, { lines: number; bytes: number }> = {
    learner: { lines: 0, bytes: 0 },
    driver: { lines: 0, bytes: 0 },
    crash: { lines: 0, bytes: 0 },
  };
  readonly #limits: Record<Source, { lines: number; bytes: number }>;

  constructor(limits: ConsoleLimits = CONSOLE_LIMITS) {
    this.#limits = { learner: limits, ...RESERVED };
  }

  /** Returns the line as kept (perhaps cut), or undefined when its source's budget is spent. */
  add(line: ConsoleLine, source: Source = 'learner'): ConsoleLine | undefined {
    const text = line.text.length > MAX_LINE ? `${line.text.slice(0, MAX_LINE)}… (${(line.text.length - MAX_LINE).toLocaleString('en')} more characters)` : line.text;
    const used = this.#used[source];
    const limit = this.#limits[source];
    const size = text.length + 1;
    if (used.lines >= limit.lines || used.bytes + size > limit.bytes) {
      // Once one line of a source is dropped, so is everything after it: a shorter line kept after a gap
      // would read as if it followed the last kept one.
      used.lines = limit.lines;
      this.dropped += 1;
      return undefined;
    }
    used.lines += 1;
    used.bytes += size;
    const kept = text === line.text ? line : { ...line, text };
    this.lines.push(kept);
    return kept;
  }
}
