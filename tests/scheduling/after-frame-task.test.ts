/**
 * `afterFrameTask` (src/components/scheduling/yield-to-page.ts): a task after the next frame, once per
 * schedule, within 100 ms when no frame comes. Frames and timers are faked: the order is what is tested.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFrameTask, afterNextFrame } from '../../src/components/scheduling/yield-to-page';

/** Frame callbacks waiting for the next frame; `drawFrame()` runs them as the browser would. */
let frameCallbacks = new Map<number, FrameRequestCallback>();
let nextFrameId = 1;
const drawFrame = () => {
  const due = [...frameCallbacks.values()];
  frameCallbacks = new Map();
  for (const callback of due) callback(0);
};

beforeEach(() => {
  vi.useFakeTimers();
  frameCallbacks = new Map();
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    const id = nextFrameId++;
    frameCallbacks.set(id, callback);
    return id;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frameCallbacks.delete(id));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterFrameTask', () => {
  it('runs in a task after the next frame, not in the frame', () => {
    const run = vi.fn();
    afterFrameTask(run).schedule();
    expect(run).not.toHaveBeenCalled();
    drawFrame();
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
    // The fallback does not run it again.
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs once however often it is scheduled before it runs, and again when scheduled after', () => {
    const run = vi.fn();
    const task = afterFrameTask(run);
    task.schedule();
    task.schedule();
    drawFrame();
    task.schedule(); // between the frame and the task: already on its way
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
    task.schedule();
    drawFrame();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('runs after 100 ms when no frame comes (a tab in the background)', () => {
    const run = vi.fn();
    afterFrameTask(run).schedule();
    vi.advanceTimersByTime(99);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2); // the 100 ms fallback, then its task (a 0 ms timer counts as 1 ms here)
    expect(run).toHaveBeenCalledTimes(1);
    expect(frameCallbacks.size, 'the frame callback is taken back').toBe(0);
  });

  it('runs nothing once cancelled, before the frame or between the frame and the task', () => {
    const run = vi.fn();
    const task = afterFrameTask(run);
    task.schedule();
    task.cancel();
    drawFrame();
    vi.advanceTimersByTime(500);
    task.schedule();
    drawFrame();
    task.cancel();
    vi.advanceTimersByTime(500);
    expect(run).not.toHaveBeenCalled();
  });

  it('afterNextFrame resolves in the task after the frame', async () => {
    let resolved = false;
    void afterNextFrame().then(() => (resolved = true));
    drawFrame();
    await Promise.resolve();
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(true);
  });
});
