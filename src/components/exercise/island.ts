/**
 * The activated exercise: editor, sandboxed runner, grading and results. Loaded by boot.ts when the learner
 * presses "Open the editor"; everything heavy (Monaco, the runner bundle) comes with it, never before.
 */
import { gradeAcrossSeeds } from '../../lib/grader/across-seeds';
import { gradingSeeds } from '../../lib/exercise/seeds';
import { topologyForSeed } from '../../lib/exercise/topology-for-seed';
import { endSentence } from '../../lib/grader/words';
import type { RunRecord } from '../../lib/runner/protocol';
import type { CodeEditor, EditorSnapshot, LineMarker, SnapshotDiagnostics } from './editor-types';
import { createExerciseEditor, prewarmEditor } from './editor-swap';
import type { IslandData } from './page-data';
import { tabLabel } from './page-data';
import { pageProgress } from './page-progress';
import { renderProblem, renderReportInSteps, renderRunning, renderTypeProblems, reportPassed, type RunReport } from './results-view';
import { storedRun } from './saved-run';
import { createRunnerSandbox, type RunnerSandbox, type RunOrder } from './sandbox-host';
import { runnerSourceArrived } from './sandbox-frame';
import { runnerWorkerUrl } from './runner-url';
import { mountNetworkViews } from './network-views';
import { wireTabs } from './program-tabs';
import { idle } from '../scheduling/when-idle';
import { afterNextFrame, yieldToPage } from '../scheduling/yield-to-page';
import { languageServiceGate } from './language-service-gate';

/** Failed runs after which the reference solution is offered. */
const SOLUTION_AFTER_FAILED_RUNS = 3;
/** How long a run that did not compile waits for TypeScript to say why, in its own words. */
const SYNTAX_WAIT_MS = 6000;
/** How long the type check of a run's text may take before its notes are left out. */
const TYPES_WAIT_MS = 15_000;
/**
 * How long the views wait for a run of a grading before drawing it live: a run that passes is followed by the
 * next seed's, and drawing each one cost the page more than the runs themselves; a longer run is watched live.
 */
const HOLD_RUN_MS = 300;
/**
 * A pause in typing after which the draft is compiled ahead in the next run's realm (a run of that text
 * skips its compile, a third of a later run's time); short enough to come before a learner's click on Run.
 */
const DRAFT_PAUSE_MS = 250;
/** The longest TypeScript's check of a run that compiled waits for the page to be idle after the results. */
const DRAWN_WAIT_MS = 300;

interface Controls {
  run: HTMLButtonElement;
  reset: HTMLButtonElement;
  undoReset: HTMLButtonElement;
  solution: HTMLButtonElement;
  backToMine: HTMLButtonElement;
  keys: HTMLElement;
}

function controlsOf(root: HTMLElement): Controls {
  const button = (action: string) => {
    const found = root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
    if (!found) throw new Error(`The exercise markup has no ${action} button.`);
    return found;
  };
  return {
    run: button('run'),
    reset: button('reset'),
    undoReset: button('undo-reset'),
    solution: button('solution'),
    backToMine: button('back-to-mine'),
    keys: root.querySelector<HTMLElement>('.exercise-keys')!,
  };
}

/** The promise's value, or null when it has not settled within `ms`. */
function withinMs<T>(promise: Promise<T | null>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Why a program did not compile, in TypeScript's words when its language service had them for the text
 * that ran (line and what was expected: "',' expected."), else the transpiler's message made readable.
 */
function compileError(record: RunRecord, diagnostics: SnapshotDiagnostics | null): RunReport['error'] {
  const error = record.error;
  const syntax = diagnostics?.syntax ?? [];
  const found = syntax.find((problem) => problem.file === error?.file) ?? syntax[0];
  if (found) return { file: found.file, line: found.line, message: found.message };
  return { ...(error?.file ? { file: error.file } : {}), ...(error?.line ? { line: error.line } : {}), message: transpilerWords(error?.message ?? '') };
}

/** sucrase's "Error transforming server.ts: Unexpected token." said for a learner. */
function transpilerWords(message: string): string {
  const bare = message.replace(/^Error transforming [^:]+:\s*/, '').replace(/\.$/, '');
  if (/^unexpected token$/i.test(bare)) return 'something here is not valid TypeScript (an unexpected token)';
  return bare || 'a syntax error';
}

/** Calls `ask` once the page is idle after this task (the results drawn), within a moment at the latest. */
function afterResultsDrawn<T>(ask: () => Promise<T>): Promise<T> {
  return idle(DRAWN_WAIT_MS).then(ask);
}

function markersOf(report: RunReport): LineMarker[] {
  const error = report.error;
  if (!error?.file || !error.line || (report.outcome !== 'did-not-compile' && report.outcome !== 'threw')) return [];
  return [{ file: error.file, line: error.line, message: error.message }];
}

/**
 * How many times a realm booted after a run runs the reference solution under each grading seed before it
 * takes the learner's next run. Measured on echo-server (later runs' median, rounds interleaved in one
 * Chromium, 18 runs each): 1 round 74 ms, 4 rounds 53 ms, 12 rounds 46 ms, 24 rounds 46 ms — the engine
 * optimises the runner's code only after a few dozen runs (a seed's run went from 10–20 ms to 5–7 ms). Ten
 * rounds take the worker about 0.3 s while the learner reads the results; a run that needs the realm sooner
 * stops the warm-up (see sandbox-host.ts). The realm booted before the first run makes one round: it shares
 * the machine with the editor starting, and a first run clicked meanwhile would wait for the warm-up run under
 * way (at 4× CPU slowdown the first run → graded went from about 250 to 350–500 ms with ten rounds there).
 */
const WARM_UP_ROUNDS = 10;

/** Readies Monaco ahead of "Open the editor" (see prewarmEditor); the page calls it at idle. */
export function prewarm(): void {
  void prewarmEditor().catch(() => undefined);
}

export async function mountIsland(root: HTMLElement, data: IslandData): Promise<void> {
  const store = pageProgress();
  const controls = controlsOf(root);
  const region = root.querySelector<HTMLElement>('[data-results]')!;
  const editorHost = root.querySelector<HTMLElement>('[data-editor]')!;
  const learner = data.programs.filter((program) => program.role === 'learner');

  /**
   * The learner's runs so far. Declared before anything that can call back into this function: the sandbox
   * asks for its warm-up (warmUpOrders reads this) as soon as its worker is up, which on a slow machine comes
   * while the editor below is still being awaited.
   */
  let runCount = 0;
  // Each fresh realm first runs the reference solution (trusted code): the learner's runs find it warm.
  const sandbox = createRunnerSandbox({ workerUrl: runnerWorkerUrl(), warmUp: warmUpOrders });
  // Boot the worker (and its transpiler) while the learner reads and types; Monaco downloads once the runner's
  // code is here and is built between runs, TypeScript's language service starts once the runner is up and the
  // learner pauses (see language-service-gate.ts), so a first run shares neither a slow network with 0.7 MB of
  // editor and 1.5 MB of type checker nor a slow laptop's main thread with building Monaco or its cores with
  // the type checker's start.
  const runnerUp = sandbox.warm().catch(() => undefined);
  const languageService = languageServiceGate(runnerUp);

  let running = false;
  let version: 'mine' | 'solution' = 'mine';
  let saveTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  /** The learner's programs as the next run would take them, compiled ahead once typing pauses. */
  function compileDraftSoon() {
    clearTimeout(draftTimer);
    draftTimer = setTimeout(() => {
      const { sources } = editor.snapshot();
      sandbox.prepare(learner.map(({ file, source }) => ({ file, source: sources[file] ?? source })));
    }, DRAFT_PAUSE_MS);
  }

  for (const pre of root.querySelectorAll<HTMLElement>('.exercise-starter')) pre.hidden = true;
  editorHost.hidden = false;
  const editor: CodeEditor = await createExerciseEditor({
    monacoMayLoad: Promise.race([runnerUp, runnerSourceArrived(runnerWorkerUrl())]),
    learnerPaused: languageService.opened,
    mayTakeOver: languageService.mayInterrupt,
    monacoCached: document.documentElement.dataset.editorAhead === 'done',
    container: editorHost,
    exerciseId: data.id,
    programs: data.programs,
    drafts: store.exercise(data.id).draft,
    onRun: () => void run(),
    onEscape: () => controls.run.focus(),
    onChange(file, text) {
      languageService.typed();
      compileDraftSoon();
      clearTimeout(saveTimers.get(file));
      saveTimers.set(
        file,
        setTimeout(() => {
          saveTimers.delete(file);
          store.saveDraft(data.id, file, text);
        }, 400),
      );
    },
  });
  compileDraftSoon(); // the draft the page opened with (a run right away finds it compiled)
  // Leaving the page — a reload for a new version, a link — saves what the last keystrokes changed.
  window.addEventListener('pagehide', () => {
    const sources = editor.sources();
    for (const [file, timer] of saveTimers) {
      clearTimeout(timer);
      const text = sources[file];
      if (text !== undefined) store.saveDraft(data.id, file, text);
    }
    saveTimers.clear();
  });

  const tabs = wireTabs(root, editorHost, (file) => {
    editor.show(file, version);
    editorHost.setAttribute('aria-label', `${version === 'solution' ? 'Reference solution (read-only)' : 'Code editor'}: ${tabLabel(learner.find((p) => p.file === file)!)}`);
  });

  const offerSolution = () => {
    const failed = store.summary(data.id).failedRuns;
    controls.solution.hidden = version === 'solution' || failed < SOLUTION_AFTER_FAILED_RUNS;
  };

  async function run(): Promise<void> {
    if (running) return;
    running = true;
    languageService.runStarted();
    const thisRun = ++runCount;
    controls.run.disabled = true;
    root.dataset.ran = 'true';
    editor.setRunMarkers([]);
    renderRunning(region);
    try {
      // What runs is this snapshot.
      const snapshot = editor.snapshot();
      // Graded under several seeds (schedules and driver texts); the first run that fails is the one shown,
      // and the views and the terminal are on it, as it was the last to run.
      const seeded = await gradeAcrossSeeds(
        gradingSeeds(data.topology.seed ?? 1),
        (seed, index) => sandbox.run(runOrder(snapshot, seed), { sameRealm: index > 0, holdMs: HOLD_RUN_MS }),
        data.checks,
        yieldToPage,
      );
      sandbox.send({ type: 'terminal', runNumber: thisRun });
      // The results are drawn in a task of their own: this one received the last run and graded it.
      await yieldToPage();
      const { record, results } = seeded;
      const compiled = record.outcome !== 'did-not-compile';
      if (!compiled) languageService.openNow();
      // TypeScript is asked about exactly this text once the runs are over: its worker would take a core
      // from them (tens of milliseconds per ask). Its type problems only follow the results, so for a program
      // that compiled it is asked once they are drawn (and the language service may start: its time to answer
      // counts from then); a compile error waits for its words at once.
      const diagnostics = compiled
        ? afterResultsDrawn(() => languageService.opened.then(() => editor.diagnose(snapshot, TYPES_WAIT_MS)))
        : editor.diagnose(snapshot, TYPES_WAIT_MS);
      const report: RunReport = {
        outcome: record.outcome,
        error: compiled ? (record.error ? { ...record.error } : null) : compileError(record, await withinMs(diagnostics, SYNTAX_WAIT_MS)),
        checks: results,
        console: record.console,
        // The worker counts the lines a run's console left out (of the run shown: not of the runs before it).
        consoleDropped: record.consoleDropped ?? 0,
        typeProblems: [],
        seeded: { run: seeded.run, runs: seeded.runs, seed: seeded.seed, passed: seeded.passed },
      };
      const passed = reportPassed(report);
      editor.setRunMarkers(markersOf(report));
      const showRest = renderReportInSteps(region, report, { nextLesson: data.nextLesson, ...(data.eachRunHas ? { eachRunHas: data.eachRunHas } : {}) });
      // The verdict is drawn (and announced) first; the next step and the console output in the frame after
      // (the whole report in one frame took a slow laptop 40–50 ms at 4× CPU). Run stays disabled until the
      // run is over: the report whole and the run counted.
      await afterNextFrame();
      showRest();
      // The views draw the run shown (the last that ran), once; the runs that passed before it flash by
      // unseen. Handed to them in a task after this one (unless a new run has begun): in this one it took a
      // slow laptop 15–20 ms more before the rest of the report could be drawn.
      setTimeout(() => {
        if (thisRun === runCount) sandbox.show();
      }, 0);
      // Counted, and kept for the next visit: the results as shown now (the type problems join them when known).
      // After the frame that draws the rest of the report: the store, and the sidebar's bars and the badge it
      // updates, took a slow laptop ~20 ms of script and added to that frame.
      await afterNextFrame();
      const ranAt = store.recordGradedRun(data.id, passed, storedRun(report));
      root.dispatchEvent(new CustomEvent('exercise:graded', { bubbles: true, detail: { passed, outcome: record.outcome } }));
      offerSolution();
      if (compiled) {
        // Type problems warn, they never hold the results back: they join them when TypeScript answers.
        void diagnostics.then((found) => {
          if (!found || thisRun !== runCount) return;
          renderTypeProblems(region, found.types);
          if (found.types.length > 0) store.saveLastRun(data.id, storedRun({ ...report, typeProblems: found.types }), ranAt);
        });
      }
    } catch (error) {
      renderProblem(region, `The run could not start: ${endSentence(error instanceof Error ? error.message : String(error))}`);
      sandbox.show();
    } finally {
      running = false;
      languageService.runEnded();
      controls.run.disabled = false;
    }
  }

  /**
   * The reference solution under each grading seed (each seed's drivers and texts get warm), WARM_UP_ROUNDS
   * times over once the learner has run (the engine optimises the runner's own code), or nothing when the
   * exercise has none.
   */
  function warmUpOrders(): RunOrder[] {
    if (!learner.every((program) => program.solution)) return [];
    const sources = Object.fromEntries(learner.map((program) => [program.file, program.solution!]));
    const round = gradingSeeds(data.topology.seed ?? 1).map((seed) => runOrder({ sources, versions: {} }, seed));
    return Array.from({ length: runCount === 0 ? 1 : WARM_UP_ROUNDS }, () => round).flat();
  }

  /** What one run asks of the sandbox: the learner's snapshot, the exercise's drivers, under `seed`. */
  function runOrder(snapshot: EditorSnapshot, seed: number): RunOrder {
    return {
      exerciseId: data.id,
      topology: topologyForSeed(data.topology, seed, data.cardsFromSeed),
      programs: data.programs.map(({ file, host, processName, runAs, role, source }) => ({
        file,
        host,
        processName,
        runAs,
        role,
        source: role === 'learner' ? (snapshot.sources[file] ?? source) : source,
      })),
      timeBudgetMs: data.timeBudgetMs,
      virtualTimeLimitMs: data.virtualTimeLimitMs,
      terminalHost: data.terminalHost,
    };
  }

  controls.run.addEventListener('click', () => void run());

  /** Saves a file's draft now, not after the usual pause (a reset must survive a reload at once). */
  const saveDraftNow = (file: string) => {
    clearTimeout(saveTimers.get(file));
    store.saveDraft(data.id, file, editor.sources()[file] ?? '');
  };
  /** "Undo reset" is there while the record holds the code a reset replaced, after a reload too. */
  const savedReset = () => {
    const saved = store.exercise(data.id).beforeReset;
    // A record whose code was set aside (out of bounds) holds an empty text: nothing to bring back.
    return saved?.text && learner.some((program) => program.file === saved.file) ? saved : undefined;
  };
  const showUndo = () => (controls.undoReset.hidden = version === 'solution' || !savedReset());

  controls.reset.addEventListener('click', () => {
    const file = tabs.current();
    if (version === 'solution') showVersion('mine');
    const previous = editor.resetToStarter(file);
    store.rememberReset(data.id, file, previous);
    saveDraftNow(file);
    // A reset also stops the last run's servers: the terminal and diagram start from nothing again.
    sandbox.send({ type: 'reset' });
    showUndo();
    editor.focus();
  });
  controls.undoReset.addEventListener('click', () => {
    const saved = savedReset();
    if (!saved) return;
    tabs.select(saved.file);
    editor.replace(saved.file, saved.text);
    saveDraftNow(saved.file);
    store.forgetReset(data.id);
    showUndo();
    controls.reset.focus();
  });

  const dialog = root.querySelector<HTMLDialogElement>('[data-solution-dialog]')!;
  controls.solution.addEventListener('click', () => dialog.showModal());
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'show') showVersion('solution');
  });
  controls.backToMine.addEventListener('click', () => showVersion('mine'));

  function showVersion(next: 'mine' | 'solution') {
    version = next;
    editor.show(tabs.current(), version);
    root.classList.toggle('is-showing-solution', version === 'solution');
    controls.backToMine.hidden = version !== 'solution';
    controls.reset.hidden = version === 'solution';
    showUndo();
    offerSolution();
    (version === 'solution' ? controls.backToMine : controls.run).focus();
  }

  const status = region.querySelector<HTMLElement>('[data-status]');
  // The editor is open now: the placeholder no longer asks the learner to open it.
  if (status && !store.summary(data.id).attempts) status.textContent = 'Write your program, then run it: the checks appear here.';
  controls.run.hidden = false;
  controls.reset.hidden = false;
  controls.keys.hidden = false;
  // The editor shows the learner's code, editable now: the note that said "read-only" goes.
  root.querySelector<HTMLElement>('[data-code-note]')?.setAttribute('hidden', '');
  root.querySelector('[data-action="activate"]')?.removeAttribute('aria-describedby');
  showUndo();
  offerSolution();
  mountNetworkViews(root.querySelector<HTMLElement>('[data-network]')!, sandbox, () => running);
  editor.focus();
}
