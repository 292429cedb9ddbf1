/**
 * When TypeScript's language service may start. Its start is the heaviest thing an exercise page does besides
 * a run: the worker compiles the type checker (1.5 MB gz), reads the lib and Node declarations and checks the
 * program — seconds of a core on a slow laptop, taken from the runner and the page while they draw a run.
 * At 4× CPU slowdown with one other busy process, first runs clicked right after typing had 14 main-thread
 * tasks over 50 ms in 4 rounds while it started, 1 with it never started (25 and 9 in 8 rounds, before this
 * gate and with it). So it starts when the learner pauses: the runner up, no run going, none just over (its
 * results are being read), no keystroke for a moment, the page idle. At once when a program did not compile
 * (the words for the error are TypeScript's). A while after the runner is up, typing no longer holds it back
 * (a learner who never stops typing gets it then), but runs still do: started at that deadline, in the middle
 * of a learner's runs one after another, its start shared a slow laptop's cores with the next run (a first frame
 * of 60–87 ms at 4× CPU). It also says when Monaco, if the light editor stood in for it (editor-swap.ts), may be
 * evaluated and built: between runs, once a run's views are drawn (each a long task on a slow laptop).
 */
import { whenIdle } from '../scheduling/when-idle';

export interface LanguageServiceGate {
  /** Settles once the language service may start. */
  readonly opened: Promise<void>;
  /** The learner changed a program. */
  typed(): void;
  runStarted(): void;
  runEnded(): void;
  /** Opens it now: TypeScript's words are wanted (a program that did not compile). */
  openNow(): void;
  /**
   * Whether work that holds the page (building Monaco) may be done now: no run going and the last one's views
   * drawn, or the run going waits for TypeScript's words (which come with Monaco).
   */
  mayInterrupt(): boolean;
}

export interface GateTimes {
  /** Quiet after the last keystroke. */
  afterTypingMs: number;
  /** Quiet after a run's end: the learner reads its results, and often runs again soon. */
  afterRunMs: number;
  /** After the runner is up, typing no longer holds it back (runs still do). */
  latestMs: number;
  /** After a run's end, its views are drawn and the next realm prepared: work that holds the page waits. */
  afterRunDrawnMs: number;
}

export const GATE_TIMES: GateTimes = { afterTypingMs: 1000, afterRunMs: 2000, latestMs: 15_000, afterRunDrawnMs: 1000 };

export function languageServiceGate(runnerUp: Promise<unknown>, times: GateTimes = GATE_TIMES): LanguageServiceGate {
  let resolve!: () => void;
  const opened = new Promise<void>((settle) => (resolve = settle));
  let isOpen = false;
  let up = false;
  let running = false;
  /** The run going waits for TypeScript's words. */
  let wanted = false;
  let lastTyped = -Infinity;
  let lastRunEnded = -Infinity;
  /** Past the deadline: only runs hold it back. */
  let overdue = false;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let latestTimer: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    if (isOpen) return;
    isOpen = true;
    clearTimeout(quietTimer);
    clearTimeout(latestTimer);
    resolve();
  };
  /** How long until the learner has paused long enough (≤ 0: they have). */
  const untilQuiet = () =>
    Math.max(overdue ? -Infinity : lastTyped + times.afterTypingMs, lastRunEnded + times.afterRunMs) - performance.now();
  const check = () => {
    clearTimeout(quietTimer);
    quietTimer = undefined;
    if (isOpen || !up || running) return;
    const wait = untilQuiet();
    if (wait > 0) {
      quietTimer = setTimeout(check, wait);
      return;
    }
    // Still quiet once the page is idle (the learner may have typed or run meanwhile): open; else wait again.
    whenIdle(() => (!running && untilQuiet() <= 0 ? open() : check()));
  };

  // Up or failed to start alike: a learner without a runner still gets TypeScript's words.
  const runnerSettled = () => {
    up = true;
    latestTimer = setTimeout(() => {
      overdue = true;
      check();
    }, times.latestMs);
    check();
  };
  runnerUp.then(runnerSettled, runnerSettled);

  return {
    opened,
    typed() {
      lastTyped = performance.now();
      check();
    },
    runStarted() {
      running = true;
      wanted = false;
      clearTimeout(quietTimer);
    },
    runEnded() {
      running = false;
      lastRunEnded = performance.now();
      check();
    },
    openNow() {
      wanted = running;
      open();
    },
    mayInterrupt: () => (running ? wanted : performance.now() - lastRunEnded >= times.afterRunDrawnMs),
  };
}
