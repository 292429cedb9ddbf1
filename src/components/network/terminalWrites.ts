/**
 * Pacing of what the terminal shows: text waiting for xterm, handed over in pieces sized so that one write,
 * with the frame that shows it, stays within CYCLE_BUDGET_MS (see terminal.ts). Plain code, no DOM.
 */

/** Characters handed to xterm in one write: where it starts and its bounds (about 50 to 3,000 lines). */
export const WRITE_CHUNK = { start: 16_384, min: 4_096, max: 262_144 };
/**
 * Milliseconds one write may take, from `write` to the frame after xterm parsed it (its rendering and its
 * screen-reader rows included): the page answers a click within about this, and a flood shows at 10 frames
 * a second at worst.
 */
export const CYCLE_BUDGET_MS = 100;

/** The next write size: as many characters as fit the budget at the pace the last write went. */
export function nextChunk(current: number, written: number, cycleMs: number): number {
  if (written < current) return current; // a short write says nothing about the pace
  const fitting = cycleMs > 0 ? (written * CYCLE_BUDGET_MS) / cycleMs : WRITE_CHUNK.max;
  return Math.round(Math.min(Math.max(fitting, current / 2, WRITE_CHUNK.min), current * 2, WRITE_CHUNK.max));
}

/** Text waiting for the screen, taken from the front in pieces without copying what stays. */
export class TextQueue {
  private parts: string[] = [];
  private head = 0;

  get empty(): boolean {
    return this.head >= this.parts.length;
  }

  push(text: string): void {
    if (text) this.parts.push(text);
  }

  /** Up to `max` characters from the front, cut after a line end when one is near, never inside an escape sequence. */
  take(max: number): string {
    let taken = '';
    while (!this.empty && taken.length < max) {
      const part = this.parts[this.head]!;
      const room = max - taken.length;
      if (part.length <= room) {
        taken += part;
        this.head++;
        continue;
      }
      const cut = cutAt(part, room);
      if (cut === 0 && taken !== '') break;
      const end = cut === 0 ? room : cut;
      taken += part.slice(0, end);
      this.parts[this.head] = part.slice(end);
      break;
    }
    if (this.head > 256) {
      this.parts = this.parts.slice(this.head);
      this.head = 0;
    }
    return taken;
  }
}

/** Where to cut `text` within `room` characters: after its last line end there, else before an escape sequence. */
function cutAt(text: string, room: number): number {
  const lineEnd = text.lastIndexOf('\n', room - 1);
  if (lineEnd >= 0) return lineEnd + 1;
  const escape = text.lastIndexOf('\x1b', room - 1);
  return escape >= 0 && room - escape < 32 ? escape : room;
}
