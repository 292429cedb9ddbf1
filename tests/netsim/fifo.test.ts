import { describe, expect, it } from 'vitest';
import { Fifo } from '../../src/lib/netsim/fifo';

describe('Fifo (the queue under receive queues, send buffers and write queues)', () => {
  it('hands items back in the order they were pushed, across the ring growing and wrapping', () => {
    const queue = new Fifo<number>();
    const taken: number[] = [];
    let next = 0;
    // Push three, take two, over and over: the head walks round the ring while it grows.
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 3; i++) queue.push(next++);
      for (let i = 0; i < 2; i++) taken.push(queue.shift()!);
    }
    while (queue.size > 0) taken.push(queue.shift()!);
    expect(taken).toEqual(Array.from({ length: next }, (_, i) => i));
  });

  it('reports its size, peeks without removing, and gives undefined once empty', () => {
    const queue = new Fifo<string>();
    expect(queue.shift()).toBeUndefined();
    expect(queue.peek()).toBeUndefined();
    queue.push('a');
    queue.push('b');
    expect(queue.size).toBe(2);
    expect(queue.peek()).toBe('a');
    expect(queue.size).toBe(2);
    expect(queue.toArray()).toEqual(['a', 'b']);
    expect(queue.shift()).toBe('a');
    expect(queue.shift()).toBe('b');
    expect(queue.size).toBe(0);
    expect(queue.shift()).toBeUndefined();
  });
});
