/**
 * `languageServiceGate` (src/components/exercise/language-service-gate.ts): TypeScript's language service
 * starts once the learner pauses — never during a run, nor right after a keystroke or a run — at once for a
 * program that did not compile; a while after the runner is up, typing no longer holds it back (runs still do).
 * Monaco is built only between runs, once their views are drawn (or for a run that waits for TypeScript's
 * words). Timers are faked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { languageServiceGate, type GateTimes } from '../../src/components/exercise/language-service-gate';

const times: GateTimes = { afterTypingMs: 1000, afterRunMs: 2000, latestMs: 15_000, afterRunDrawnMs: 1000 };
/** The unit tests have no idle callbacks: `whenIdle` stands in a 50 ms timer. */
const IDLE_MS = 50;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A gate whose runner is up, and a flag that says whether it has opened. */
async function upGate() {
  const gate = languageServiceGate(Promise.resolve(), times);
  let opened = false;
  void gate.opened.then(() => (opened = true));
  await vi.advanceTimersByTimeAsync(0);
  return { gate, isOpen: () => opened };
}

describe('languageServiceGate', () => {
  it('stays closed until the runner is up, then opens once the page is idle', async () => {
    let up!: () => void;
    const gate = languageServiceGate(new Promise<void>((resolve) => (up = resolve)), times);
    let opened = false;
    void gate.opened.then(() => (opened = true));
    await vi.advanceTimersByTimeAsync(5000);
    expect(opened).toBe(false);
    up();
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(opened).toBe(true);
  });

  it('opens as well when the runner could not start', async () => {
    const gate = languageServiceGate(Promise.reject(new Error('no runner')), times);
    let opened = false;
    void gate.opened.then(() => (opened = true));
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(opened).toBe(true);
  });

  it('waits for a pause in typing', async () => {
    const { gate, isOpen } = await upGate();
    gate.typed();
    for (let key = 0; key < 10; key++) {
      await vi.advanceTimersByTimeAsync(400);
      gate.typed();
    }
    expect(isOpen()).toBe(false);
    await vi.advanceTimersByTimeAsync(times.afterTypingMs - 1);
    expect(isOpen()).toBe(false);
    await vi.advanceTimersByTimeAsync(1 + IDLE_MS);
    expect(isOpen()).toBe(true);
  });

  it('never opens during a run, and waits after one while its results are read', async () => {
    const { gate, isOpen } = await upGate();
    gate.typed();
    gate.runStarted();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(isOpen()).toBe(false);
    gate.runEnded();
    await vi.advanceTimersByTimeAsync(times.afterRunMs - 1);
    expect(isOpen()).toBe(false);
    // A run again before the pause is over starts the wait again.
    gate.runStarted();
    await vi.advanceTimersByTimeAsync(300);
    gate.runEnded();
    await vi.advanceTimersByTimeAsync(times.afterRunMs - 1);
    expect(isOpen()).toBe(false);
    await vi.advanceTimersByTimeAsync(1 + IDLE_MS);
    expect(isOpen()).toBe(true);
  });

  it('does not open when a run starts between the pause and the idle moment', async () => {
    const { gate, isOpen } = await upGate();
    gate.typed();
    await vi.advanceTimersByTimeAsync(times.afterTypingMs);
    gate.runStarted(); // the idle callback is due now
    await vi.advanceTimersByTimeAsync(IDLE_MS * 4);
    expect(isOpen()).toBe(false);
  });

  it('opens at once for a program that did not compile, even during its run', async () => {
    const { gate, isOpen } = await upGate();
    gate.typed();
    gate.runStarted();
    gate.openNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(isOpen()).toBe(true);
  });

  it('opens at the latest a while after the runner is up, for a learner who never pauses', async () => {
    const { gate, isOpen } = await upGate();
    for (let elapsed = 0; elapsed < times.latestMs - 500; elapsed += 500) {
      gate.typed();
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(isOpen()).toBe(false);
    gate.typed();
    await vi.advanceTimersByTimeAsync(500 + IDLE_MS);
    expect(isOpen()).toBe(true);
  });

  it('past that deadline, still waits for a pause after a run, for a learner who runs again and again', async () => {
    const { gate, isOpen } = await upGate();
    // A run every 1.5 s (each 100 ms long), typing in between, well past the deadline.
    for (let elapsed = 0; elapsed < times.latestMs + 5000; elapsed += 1500) {
      gate.runStarted();
      await vi.advanceTimersByTimeAsync(100);
      gate.runEnded();
      await vi.advanceTimersByTimeAsync(700);
      gate.typed();
      await vi.advanceTimersByTimeAsync(700);
      expect(isOpen()).toBe(false);
    }
    // The last run ended 1.4 s ago; they read its results (and type: past the deadline, typing does not hold
    // it back) until 2 s after it.
    await vi.advanceTimersByTimeAsync(times.afterRunMs - 1400 - 10);
    gate.typed();
    expect(isOpen()).toBe(false);
    await vi.advanceTimersByTimeAsync(10 + IDLE_MS);
    expect(isOpen()).toBe(true);
  });

  it('lets Monaco be built only between runs, once a run’s views are drawn, or for a run that waits for TypeScript’s words', async () => {
    const { gate } = await upGate();
    expect(gate.mayInterrupt()).toBe(true);
    gate.runStarted();
    expect(gate.mayInterrupt()).toBe(false);
    gate.runEnded();
    // The run's views are drawn in the second after it.
    expect(gate.mayInterrupt()).toBe(false);
    await vi.advanceTimersByTimeAsync(times.afterRunDrawnMs - 10);
    expect(gate.mayInterrupt()).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    expect(gate.mayInterrupt()).toBe(true);
    // A program that did not compile wants TypeScript's words during its run; the next run does not.
    gate.runStarted();
    gate.openNow();
    expect(gate.mayInterrupt()).toBe(true);
    gate.runEnded();
    await vi.advanceTimersByTimeAsync(times.afterRunDrawnMs);
    gate.runStarted();
    expect(gate.mayInterrupt()).toBe(false);
    // Words wanted with no run going leave the next run alone.
    gate.runEnded();
    gate.openNow();
    gate.runStarted();
    expect(gate.mayInterrupt()).toBe(false);
  });
});
