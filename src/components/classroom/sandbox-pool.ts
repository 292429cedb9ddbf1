/**
 * The sandboxes a teacher's page re-runs learner code in: the same runner sandbox as the learner's exercise
 * (a sandboxed iframe, a worker from a blob URL, no network, a fresh realm per grading), a few side by side.
 * Learner code never runs in the teacher's page itself.
 */
import { createRunnerSandbox, type RunnerSandbox } from '../exercise/sandbox-host';
import { runnerWorkerUrl } from '../exercise/runner-url';

/** Gradings at once: one per core the browser reports, from 1 to 4 (each grading is one worker). */
export function poolSize(): number {
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
}

export function createSandbox(container: HTMLElement): RunnerSandbox {
  return createRunnerSandbox({ workerUrl: runnerWorkerUrl(), container, bootSpareDuringRuns: true });
}

export function createSandboxPool(size: number, container: HTMLElement): RunnerSandbox[] {
  return Array.from({ length: size }, () => {
    const sandbox = createSandbox(container);
    sandbox.warm().catch(() => undefined);
    return sandbox;
  });
}
