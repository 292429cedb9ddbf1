import { describe, expect, it } from 'vitest';
import { CYCLE_BUDGET_MS, TextQueue, WRITE_CHUNK, nextChunk } from '../../src/components/network/terminalWrites';

describe('pacing of the terminal screen', () => {
  it('hands text over in pieces, never inside an escape sequence, all of it in order', () => {
    const queue = new TextQueue();
    const messages = Array.from({ length: 300 }, (_, i) => `\x1b[01;32mline\x1b[00m ${i}\r\n`);
    messages.forEach((m) => queue.push(m));
    const pieces: string[] = [];
    while (!queue.empty) pieces.push(queue.take(100));
    expect(pieces.join('')).toBe(messages.join(''));
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(100);
      expect(piece, 'a piece never ends inside an escape sequence').not.toMatch(/\x1b(\[[0-9;]*)?$/);
    }
    queue.push(`${'x'.repeat(95)}\x1b[01;32m`);
    expect(queue.take(100)).toBe('x'.repeat(95));
    expect(queue.take(100)).toBe('\x1b[01;32m');
  });

  it('sizes writes to the budget: larger when xterm keeps up, smaller when it does not, within bounds', () => {
    expect(nextChunk(16_384, 16_384, CYCLE_BUDGET_MS / 4)).toBe(32_768);
    expect(nextChunk(16_384, 16_384, CYCLE_BUDGET_MS * 4)).toBe(8_192);
    expect(nextChunk(16_384, 16_384, CYCLE_BUDGET_MS)).toBe(16_384);
    expect(nextChunk(WRITE_CHUNK.min, WRITE_CHUNK.min, 10_000)).toBe(WRITE_CHUNK.min);
    expect(nextChunk(WRITE_CHUNK.max, WRITE_CHUNK.max, 1)).toBe(WRITE_CHUNK.max);
    expect(nextChunk(16_384, 100, 10_000)).toBe(16_384);
  });
});
