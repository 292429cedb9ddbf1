/**
 * The activated exercise: editor, sandboxed runner, grading and results. Loaded by boot.ts when the learner
 * presses "Open the editor"; everything heavy (Monaco, the runner bundle) comes with it, never before.
 */
import { grade } from '../../lib/grader/grade';
import type { RunRecord } from '../../lib/runner/protocol';
import { createCodeEditor, type CodeEditor, type LineMarker } from './code-editor';
import { startLanguageService } from './monaco-setup';
import type { IslandData } from './page-data';
import { tabLabel } from './page-data';
import { pageProgress } from './page-progress';
import { allPassed, renderProblem, renderResults, renderRunning } from './results-view';
import { createRunnerSandbox, type RunnerSandbox } from './sandbox-host';
import { runnerWorkerUrl } from './runner-url';
import { mountNetworkViews } from './network-views';
import { wireTabs } from './program-tabs';

/** Failed runs after which the reference solution is offered. */
const SOLUTION_AFTER_FAILED_RUNS = 3;

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

function nextLessonLink(): { href: string; label: string } | null {
  const link = document.querySelector<HTMLAnchorElement>('.pagination-links a[rel="next"]');
  if (!link) return null;
  const label = link.querySelector('.link-title')?.textContent?.trim() ?? link.textContent?.trim() ?? 'next';
  return { href: link.href, label };
}

/** Live events of one run that the results need beyond the record: how much console output was dropped. */
function countDroppedConsole(sandbox: RunnerSandbox): { take(): number } {
  let dropped = 0;
  sandbox.subscribe((event) => {
    if (event.type === 'console-capped') dropped += event.dropped;
  });
  return {
    take() {
      const value = dropped;
      dropped = 0;
      return value;
    },
  };
}

function markersOf(record: RunRecord): LineMarker[] {
  const error = record.error;
  if (!error?.file || !error.line) return [];
  const name = error.name ? `${error.name}: ` : '';
  return [{ file: error.file, line: error.line, ...(error.column ? { column: error.column } : {}), message: `${name}${error.message}` }];
}

export async function mountIsland(root: HTMLElement, data: IslandData): Promise<void> {
  const store = pageProgress();
  const controls = controlsOf(root);
  const region = root.querySelector<HTMLElement>('[data-results]')!;
  const editorHost = root.querySelector<HTMLElement>('[data-editor]')!;
  const learner = data.programs.filter((program) => program.role === 'learner');

  const sandbox = createRunnerSandbox({ workerUrl: runnerWorkerUrl() });
  // Boot the worker (and its transpiler) while the editor loads and the learner reads; TypeScript's language
  // service waits for it, so a first run does not share a slow network with 1.5 MB of type checker.
  sandbox.warm().catch(() => undefined).finally(startLanguageService);
  const dropped = countDroppedConsole(sandbox);

  let running = false;
  let version: 'mine' | 'solution' = 'mine';
  let saveTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let undoText: { file: string; text: string } | undefined;

  for (const pre of root.querySelectorAll<HTMLElement>('.exercise-starter')) pre.hidden = true;
  editorHost.hidden = false;
  const editor: CodeEditor = createCodeEditor({
    container: editorHost,
    exerciseId: data.id,
    programs: data.programs,
    drafts: store.exercise(data.id).draft,
    onRun: () => void run(),
    onEscape: () => controls.run.focus(),
    onChange(file, text) {
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
    const failed = store.exercise(data.id).failedRuns;
    controls.solution.hidden = version === 'solution' || failed < SOLUTION_AFTER_FAILED_RUNS;
  };

  async function run(): Promise<void> {
    if (running) return;
    running = true;
    controls.run.disabled = true;
    undoText = undefined;
    controls.undoReset.hidden = true;
    editor.setRunMarkers([]);
    renderRunning(region);
    try {
      const typeProblems = editor.typeProblems();
      const sources = editor.sources();
      const record = await sandbox.run({
        exerciseId: data.id,
        topology: data.topology,
        programs: data.programs.map(({ file, host, processName, runAs, role, source }) => ({
          file,
          host,
          processName,
          runAs,
          role,
          source: role === 'learner' ? (sources[file] ?? source) : source,
        })),
        timeBudgetMs: data.timeBudgetMs,
        virtualTimeLimitMs: data.virtualTimeLimitMs,
        terminalHost: data.terminalHost,
      });
      const results = grade(record, data.checks);
      const graded = { record, results, typeProblems, consoleDropped: dropped.take() };
      const passed = allPassed(graded);
      store.recordRun(data.id, passed);
      editor.setRunMarkers(markersOf(record));
      renderResults(region, graded, nextLessonLink());
      root.dispatchEvent(new CustomEvent('exercise:graded', { bubbles: true, detail: { passed, outcome: record.outcome } }));
      offerSolution();
    } catch (error) {
      renderProblem(region, `The run could not start: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
      controls.run.disabled = false;
    }
  }

  controls.run.addEventListener('click', () => void run());

  controls.reset.addEventListener('click', () => {
    const file = tabs.current();
    if (version === 'solution') showVersion('mine');
    undoText = { file, text: editor.resetToStarter(file) };
    // A reset also stops the last run's servers: the terminal and diagram start from nothing again.
    sandbox.send({ type: 'reset' });
    controls.undoReset.hidden = false;
    editor.focus();
  });
  controls.undoReset.addEventListener('click', () => {
    if (!undoText) return;
    tabs.select(undoText.file);
    editor.replace(undoText.file, undoText.text);
    undoText = undefined;
    controls.undoReset.hidden = true;
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
    offerSolution();
    (version === 'solution' ? controls.backToMine : controls.run).focus();
  }

  const status = region.querySelector<HTMLElement>('[data-status]');
  // The editor is open now: the placeholder no longer asks the learner to open it.
  if (status && !store.exercise(data.id).attempts) status.textContent = 'Write your program, then run it: the checks appear here.';
  controls.run.hidden = false;
  controls.reset.hidden = false;
  controls.keys.hidden = false;
  offerSolution();
  mountNetworkViews(root.querySelector<HTMLElement>('[data-network]')!, sandbox);
  editor.focus();
}
