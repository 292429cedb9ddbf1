import { describe, expect, it } from 'vitest';
import { Clock } from '../../src/lib/netsim/clock';

const rethrow = (error: unknown) => {
  throw error;
};

describe('Clock: events posted (reused objects) and scheduled (cancellable handles) together', () => {
  it('runs posted and scheduled events in time order, then same-instant ones in the order they came', () => {
    const clock = new Clock();
    const ran: string[] = [];
    clock.post(2, (name: string) => ran.push(name), 'post@2');
    clock.schedule(1, (name: string) => ran.push(name), 'schedule@1');
    clock.post(1, (name: string) => ran.push(name), 'post@1');
    clock.tick((name: string) => ran.push(name), 'tick');
    expect(clock.runUntil(Infinity, Infinity, rethrow)).toBe('idle');
    expect(ran).toEqual(['tick', 'schedule@1', 'post@1', 'post@2']);
    expect(clock.now).toBe(2);
  });

  it('gives each posted event its own argument even when its object is reused', () => {
    const clock = new Clock();
    const seen: number[] = [];
    // Each event posts the next from inside its run: the object that just ran is the one reused.
    const hop = (n: number) => {
      seen.push(n);
      if (n < 5) clock.post(1, hop, n + 1);
    };
    clock.post(1, hop, 1);
    clock.runUntil(Infinity, Infinity, rethrow);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('does not let a cancelled timer run, nor a cancel touch a posted event', () => {
    const clock = new Clock();
    const ran: string[] = [];
    const timer = clock.schedule(1, (name: string) => ran.push(name), 'timer');
    clock.post(1, (name: string) => ran.push(name), 'packet');
    clock.cancel(timer);
    clock.cancel(timer);
    expect(clock.pending()).toBe(1);
    clock.runUntil(Infinity, Infinity, rethrow);
    expect(ran).toEqual(['packet']);
  });

  it('stops at the deadline or the event limit and says which', () => {
    const clock = new Clock();
    for (let i = 1; i <= 3; i++) clock.post(i, () => {}, undefined);
    expect(clock.runUntil(1.5, Infinity, rethrow)).toBe('time-limit');
    expect(clock.now).toBe(1);
    expect(clock.runUntil(Infinity, 1, rethrow)).toBe('event-limit');
    expect(clock.now).toBe(2);
    expect(clock.runUntil(Infinity, Infinity, rethrow)).toBe('idle');
  });
});
