/**
 * The exercise's editor on any network. When Monaco is already here (loaded ahead while the learner read, or
 * fetched ahead into the cache), it is the editor at once. Otherwise the light editor (light-editor.ts, a few
 * kilobytes) takes keystrokes straight away, Monaco downloads once the runner has what it needs to run, and
 * is evaluated and takes the light editor's place between runs (each a long task on a slow laptop) and at a
 * pause in the learner's typing: the text of every file (the change
 * since the start as one undoable edit), the file shown, the selection, the scroll position, the focus and the
 * run's markers carry over, in one task, so no keystroke falls between the two.
 */
import type { CodeEditor, CodeEditorOptions, EditorSnapshot, LineMarker, SnapshotDiagnostics } from './editor-types';
import { createLightEditor, type LightEditor } from './light-editor';
import { compileModules, downloadEditorFiles } from './editor-download';
import { whenIdle } from '../scheduling/when-idle';

type MonacoEditorModule = typeof import('./code-editor');

/** No keystroke for this long: the learner has paused, Monaco may take over. */
const TYPING_PAUSE_MS = 600;
/** How often a wait for a quiet moment looks again. */
const RETRY_MS = 250;

let loaded: MonacoEditorModule | undefined;
let loading: Promise<MonacoEditorModule> | undefined;

/** Monaco and the exercise's editor over it (code-editor.ts); one load per page, retried after a failure. */
export function loadMonacoEditor(): Promise<MonacoEditorModule> {
  loading ??= import('./code-editor').then((module) => (loaded = module));
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Readies Monaco ahead of "Open the editor": its code loaded, an editor built and dropped out of sight. */
export function prewarmEditor(): Promise<void> {
  return loadMonacoEditor().then((module) => module.prewarmEditor());
}

export interface ExerciseEditorOptions extends CodeEditorOptions {
  /** Monaco is downloaded after this (the runner first: a slow network carries one thing at a time best). */
  monacoMayLoad: Promise<unknown>;
  /**
   * Settles when the learner pauses (language-service-gate.ts): TypeScript's language service (1.5 MB gz, a
   * core for seconds on a slow laptop) starts after this and Monaco.
   */
  learnerPaused: Promise<unknown>;
  /**
   * False while a run goes or its views are being drawn (unless the run waits for TypeScript's words): Monaco's
   * code is not evaluated, nor the editor built, then — each a long task on a slow laptop.
   */
  mayTakeOver: () => boolean;
  /** Whether Monaco's files are in the cache already (fetched ahead): then it is waited for, no light editor. */
  monacoCached: boolean;
}

const equalSources = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([file, text]) => b[file] === text);

export async function createExerciseEditor(options: ExerciseEditorOptions): Promise<CodeEditor> {
  const startLanguageService = (module: MonacoEditorModule) => void options.learnerPaused.finally(() => module.startLanguageService());
  if (!loaded && options.monacoCached) await loadMonacoEditor().catch(() => undefined);
  if (loaded) {
    startLanguageService(loaded);
    return loaded.createCodeEditor(options);
  }

  const light: LightEditor = createLightEditor(options);
  let current: CodeEditor = light;
  let monaco: CodeEditor | undefined;
  let disposed = false;
  const swapped = new Promise<CodeEditor>((resolve) => {
    /** Called at a quiet moment (below), in the task that found it quiet. */
    const swap = (module: MonacoEditorModule) => {
      if (disposed) return;
      const view = light.view();
      const texts = light.sources();
      let next: ReturnType<MonacoEditorModule['createCodeEditor']>;
      try {
        // Monaco's models start from the same texts the light editor did: what the learner typed since is
        // one edit on top (Ctrl+Z in Monaco takes it back), never a text of its own.
        next = module.createCodeEditor({ ...options, drafts: light.startTexts() });
      } catch {
        // Monaco could not start: the light editor stays, with everything in it.
        for (const leftover of options.container.querySelectorAll('.monaco-editor')) leftover.remove();
        return;
      }
      for (const [file, text] of Object.entries(texts)) next.adoptText(file, text);
      next.show(view.file, view.version);
      next.setRunMarkers(light.markers());
      light.dispose();
      next.restoreView(view);
      next.settleNow();
      monaco = current = next;
      options.container.dataset.editorKind = 'monaco';
      startLanguageService(module);
      resolve(next);
    };
    /**
     * Resolves at an idle moment when the learner is not typing and Monaco may hold the page (no run going);
     * never once disposed. Checked again at the idle moment: a run's waits for the runner are idle moments too.
     */
    const quietMoment = () =>
      new Promise<void>((resolve) => {
        const quiet = () => !disposed && !light.busy(TYPING_PAUSE_MS) && options.mayTakeOver();
        const check = () => {
          if (disposed) return;
          if (quiet()) whenIdle(() => (quiet() ? resolve() : check()));
          else setTimeout(check, RETRY_MS);
        };
        check();
      });
    // The bytes while the learner types and runs; Monaco's code compiled, then evaluated, and the editor built,
    // each between runs.
    void options.monacoMayLoad
      .catch(() => undefined)
      .then(() => downloadEditorFiles(import.meta.env.BASE_URL.replace(/\/?$/, '/')))
      .then(async (scripts) => {
        await quietMoment();
        await compileModules(scripts);
      })
      .then(quietMoment)
      .then(loadMonacoEditor)
      .then(async (module) => {
        await module.tokenizerReady();
        await quietMoment();
        swap(module);
      })
      .catch(() => undefined); // offline without the editor's files: the light editor stays
  });
  options.container.dataset.editorKind = 'light';

  return {
    sources: () => current.sources(),
    snapshot: () => current.snapshot(),
    async diagnose(snapshot: EditorSnapshot, timeoutMs: number): Promise<SnapshotDiagnostics | null> {
      if (monaco) return monaco.diagnose(snapshot, timeoutMs);
      // TypeScript comes with Monaco: wait for both, within the time given, for this very text.
      const started = performance.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
      const editor = await Promise.race([swapped, late]).finally(() => clearTimeout(timer));
      if (!editor || !equalSources(editor.sources(), snapshot.sources)) return null;
      return editor.diagnose(editor.snapshot(), Math.max(0, timeoutMs - (performance.now() - started)));
    },
    show: (file, version) => current.show(file, version),
    resetToStarter: (file) => current.resetToStarter(file),
    replace: (file, text) => current.replace(file, text),
    setRunMarkers: (markers: LineMarker[]) => current.setRunMarkers(markers),
    view: () => current.view(),
    focus: () => current.focus(),
    dispose() {
      disposed = true;
      current.dispose();
    },
  };
}
