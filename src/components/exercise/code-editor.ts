/**
 * The learner's editor: one Monaco editor, one model per program the learner writes, plus read-only models
 * for the reference solution. Loaded only after "Open the editor".
 */
import { setUpMonaco, type Monaco } from './monaco-setup';
import { tabLabel } from './page-data';
import { afterFrameTask } from '../scheduling/yield-to-page';
import { buildSuggestWidget } from './suggest-widget';
import { fittedHeight, learnerPrograms, startingText, type CodeEditor, type CodeEditorOptions, type EditorView, type LineMarker, type SnapshotDiagnostics } from './editor-types';

export { startLanguageService } from './monaco-setup';
export type { CodeEditor, CodeEditorOptions, EditorSnapshot, LineMarker, SnapshotDiagnostics } from './editor-types';

/** Monaco's editor, with what a swap from the light editor needs (editor-swap.ts). */
export interface MonacoCodeEditor extends CodeEditor {
  /** Brings a learner file to `text` as one undoable edit of only what differs, without showing it. */
  adoptText(file: string, text: string): void;
  /** Shows the selection and scroll position of `view` (its file is shown already), focused if it was. */
  restoreView(view: EditorView): void;
  /**
   * Does now what Monaco leaves to its next frames and idle moments — colour the text on screen, draw it, build
   * the suggestion widget — so none of it falls into a run the learner starts right after the swap (Monaco
   * redrew the whole text, coloured, 20–25 ms of a slow laptop's frame, in that run).
   */
  settleNow(): void;
}

const RUN_OWNER = 'endpoints-run';

/** TypeScript's `DiagnosticCategory.Error`. */
const TS_ERROR = 1;

type TsApi = ReturnType<typeof setUpMonaco>['ts'];
type TsWorker = Awaited<ReturnType<Awaited<ReturnType<TsApi['getTypeScriptWorker']>>>>;
type TsDiagnostic = Awaited<ReturnType<TsWorker['getSyntacticDiagnostics']>>[number];

interface MessageChain {
  messageText: string;
  next?: MessageChain[];
}

/** A diagnostic's message as one line: the head of a message chain, then its details. */
function flattenMessage(text: string | MessageChain): string {
  if (typeof text === 'string') return text;
  const parts: string[] = [];
  const walk = (chain: MessageChain) => {
    parts.push(chain.messageText);
    for (const next of chain.next ?? []) walk(next);
  };
  walk(text);
  return parts.join(' ');
}

/** Monaco's own themes, with comments and line numbers brightened to a 4.5:1 contrast (WCAG AA). */
function defineThemes(monaco: Monaco): void {
  monaco.editor.defineTheme('endpoints-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [{ token: 'comment', foreground: '8fbf7a' }],
    colors: { 'editorLineNumber.foreground': '#9a9a9a' },
  });
  monaco.editor.defineTheme('endpoints-light', {
    base: 'vs',
    inherit: true,
    rules: [{ token: 'comment', foreground: '2f6b1f' }],
    colors: { 'editorLineNumber.foreground': '#6b6b6b' },
  });
}

/** The editor's options (the prewarmed editor below takes the same, so Monaco measures the same font). */
const EDITOR_OPTIONS = {
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 14,
  lineNumbersMinChars: 3,
  scrollBeyondLastLine: false,
  tabSize: 2,
  fixedOverflowWidgets: true,
  renderFinalNewline: 'on',
  showUnused: false, // faded text would fall below 4.5:1 contrast
  padding: { top: 8, bottom: 8 },
  // The content column is narrow (and a phone narrower): long lines wrap rather than hide off to the right.
  wordWrap: 'on',
  wrappingIndent: 'same',
  scrollbar: { alwaysConsumeMouseWheel: false }, // a short program must not trap the page's scrolling
} as const satisfies import('monaco-editor').editor.IStandaloneEditorConstructionOptions;

/**
 * Builds an editor out of sight and drops it, so that "Open the editor" finds Monaco's services started, its
 * font measured and its code compiled, and only has to build the learner's editor in place. Called at idle
 * once the editor's code has been loaded ahead (editor-warmup.ts); what it leaves is Monaco's own caches.
 */
let prewarmed = false;
export function prewarmEditor(): void {
  if (prewarmed) return;
  prewarmed = true;
  const { monaco } = setUpMonaco();
  defineThemes(monaco);
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:640px;height:160px;visibility:hidden;contain:strict';
  document.body.append(host);
  const model = monaco.editor.createModel('const warm = 1;\n', 'plaintext');
  const editor = monaco.editor.create(host, { ...EDITOR_OPTIONS, automaticLayout: false, model, theme: themeName(), ariaLabel: 'Editor warming up' });
  editor.dispose();
  model.dispose();
  host.remove();
}

/**
 * Loads Monaco's TypeScript tokenizer, which Monaco loads by itself only once a TypeScript model exists, so an
 * editor built after this can colour its text at once. Never fails: without it the text is drawn plain, and
 * Monaco tries again itself.
 */
export async function tokenizerReady(): Promise<void> {
  await setUpMonaco()
    .monaco.editor.colorize('', 'typescript', {})
    .catch(() => undefined);
}

function themeName(): 'endpoints-light' | 'endpoints-dark' {
  return document.documentElement.dataset.theme === 'light' ? 'endpoints-light' : 'endpoints-dark';
}

export function createCodeEditor(options: CodeEditorOptions): MonacoCodeEditor {
  const { monaco, ts } = setUpMonaco();
  const learner = learnerPrograms(options.programs);
  const uri = (file: string, version: 'mine' | 'solution') =>
    monaco.Uri.parse(`file:///${options.exerciseId}/${version === 'solution' ? 'solution/' : ''}${file}`);
  const modelOf = (file: string, version: 'mine' | 'solution') => {
    const existing = monaco.editor.getModel(uri(file, version));
    if (existing) return existing;
    const program = learner.find((candidate) => candidate.file === file);
    if (!program) throw new Error(`No program ${file} in exercise ${options.exerciseId}.`);
    const text = version === 'solution' ? (program.solution ?? '') : startingText(program, options.drafts);
    return monaco.editor.createModel(text, 'typescript', uri(file, version));
  };

  const mine = learner.map((program) => modelOf(program.file, 'mine'));
  const fileOf = (model: (typeof mine)[number]) => learner[mine.indexOf(model)]!.file;
  const subscriptions = mine.map((model, index) =>
    model.onDidChangeContent(() => options.onChange(learner[index]!.file, model.getValue())),
  );

  defineThemes(monaco);
  const editor = monaco.editor.create(options.container, {
    ...EDITOR_OPTIONS,
    model: mine[0] ?? null,
    theme: themeName(),
    ariaLabel: learner[0] ? `Code editor: ${tabLabel(learner[0])}` : 'Code editor',
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => options.onRun());
  editor.addCommand(
    monaco.KeyCode.Escape,
    () => options.onEscape(),
    '!suggestWidgetVisible && !parameterHintsVisible && !findWidgetVisible && !markersNavigationVisible',
  );

  // As tall as the code plus a line to type on, within limits: no empty block under a short program.
  const fitHeight = () => {
    const lineHeight = editor.getOption(monaco.editor.EditorOption.lineHeight);
    const height = fittedHeight(editor.getContentHeight(), lineHeight, window.innerHeight);
    if (options.container.style.height === `${height}px`) return;
    options.container.style.height = `${height}px`;
    editor.layout();
  };
  const sizeWatch = editor.onDidContentSizeChange(fitHeight);
  fitHeight();

  // Monaco's suggestion widget, built after the editor is drawn rather than at the first idle moment, which
  // on a slow laptop can fall in the first run (see suggest-widget.ts).
  const suggestions = afterFrameTask(() => buildSuggestWidget(editor));
  suggestions.schedule();

  // Follow Starlight's theme switch.
  const themeWatch = new MutationObserver(() => monaco.editor.setTheme(themeName()));
  themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  /** The file and version on screen (what a swap hands over, with the selection). */
  let shown: { file: string; version: 'mine' | 'solution' } = { file: learner[0]?.file ?? '', version: 'mine' };
  const replaceAll = (model: ReturnType<typeof modelOf>, text: string) => {
    editor.setModel(model);
    shown = { file: fileOf(model), version: 'mine' };
    editor.pushUndoStop();
    editor.executeEdits('endpoints-reset', [{ range: model.getFullModelRange(), text }]);
    editor.pushUndoStop();
  };

  return {
    sources() {
      return Object.fromEntries(learner.map((program, index) => [program.file, mine[index]!.getValue()]));
    },
    snapshot() {
      return {
        sources: Object.fromEntries(learner.map((program, index) => [program.file, mine[index]!.getValue()])),
        versions: Object.fromEntries(learner.map((program, index) => [program.file, mine[index]!.getVersionId()])),
      };
    },
    diagnose(snapshot, timeoutMs) {
      const unchanged = () => learner.every((program, index) => mine[index]!.getVersionId() === snapshot.versions[program.file]);
      const ask = async (): Promise<SnapshotDiagnostics | null> => {
        if (!unchanged()) return null;
        const workerFor = await ts.getTypeScriptWorker();
        // Asking for a worker brings its copy of each model up to the model's current text.
        const worker = await workerFor(...mine.map((model) => model.uri));
        const perFile = await Promise.all(
          mine.map(async (model) => {
            const name = model.uri.toString();
            const [syntax, semantic] = await Promise.all([worker.getSyntacticDiagnostics(name), worker.getSemanticDiagnostics(name)]);
            return { model, syntax, semantic };
          }),
        );
        // Positions are offsets into the text: they mean something only while it is the snapshot's text.
        if (!unchanged()) return null;
        const markers = (model: (typeof mine)[number], found: readonly TsDiagnostic[]) =>
          found
            .filter((diagnostic) => diagnostic.category === TS_ERROR)
            .map((diagnostic) => {
              const at = model.getPositionAt(diagnostic.start ?? 0);
              return { file: fileOf(model), line: at.lineNumber, column: at.column, message: flattenMessage(diagnostic.messageText) };
            });
        return {
          syntax: perFile.flatMap(({ model, syntax }) => markers(model, syntax)),
          types: perFile.flatMap(({ model, semantic }) => markers(model, semantic)),
        };
      };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
      return Promise.race([ask().catch(() => null), late]).finally(() => clearTimeout(timer));
    },
    show(file, version) {
      const model = modelOf(file, version);
      editor.setModel(model);
      shown = { file, version };
      editor.updateOptions({
        readOnly: version === 'solution',
        ariaLabel: `${version === 'solution' ? 'Reference solution (read-only)' : 'Code editor'}: ${tabLabel(
          learner.find((program) => program.file === file)!,
        )}`,
      });
    },
    resetToStarter(file) {
      const model = modelOf(file, 'mine');
      const previous = model.getValue();
      const starter = learner.find((program) => program.file === file)?.source ?? '';
      replaceAll(model, starter);
      return previous;
    },
    replace(file, text) {
      replaceAll(modelOf(file, 'mine'), text);
    },
    setRunMarkers(markers) {
      for (const [index, model] of mine.entries()) {
        const file = learner[index]!.file;
        monaco.editor.setModelMarkers(
          model,
          RUN_OWNER,
          markers
            .filter((marker) => marker.file === file)
            .map((marker) => {
              const line = Math.min(Math.max(1, marker.line), model.getLineCount());
              const column = Math.max(1, marker.column ?? model.getLineFirstNonWhitespaceColumn(line) ?? 1);
              return {
                severity: monaco.MarkerSeverity.Error,
                message: marker.message,
                startLineNumber: line,
                startColumn: column,
                endLineNumber: line,
                endColumn: Math.max(column + 1, model.getLineMaxColumn(line)),
              };
            }),
        );
      }
    },
    adoptText(file, text) {
      const model = modelOf(file, 'mine');
      const old = model.getValue();
      if (old === text) return;
      // Only what differs: the common start and end stay, so Monaco's undo puts the cursor where the change was.
      let head = 0;
      while (head < old.length && head < text.length && old[head] === text[head]) head++;
      let tail = 0;
      while (tail < old.length - head && tail < text.length - head && old[old.length - 1 - tail] === text[text.length - 1 - tail]) tail++;
      const range = monaco.Range.fromPositions(model.getPositionAt(head), model.getPositionAt(old.length - tail));
      model.pushStackElement();
      model.pushEditOperations([], [{ range, text: text.slice(head, text.length - tail) }], () => null);
      model.pushStackElement();
    },
    view(): EditorView {
      const model = editor.getModel();
      const selection = editor.getSelection();
      return {
        ...shown,
        selectionStart: model && selection ? model.getOffsetAt(selection.getStartPosition()) : 0,
        selectionEnd: model && selection ? model.getOffsetAt(selection.getEndPosition()) : 0,
        backward: selection?.getDirection() === monaco.SelectionDirection.RTL,
        scrollTop: editor.getScrollTop(),
        focused: editor.hasTextFocus(),
      };
    },
    restoreView(view) {
      const model = editor.getModel();
      if (!model) return;
      const start = model.getPositionAt(view.selectionStart);
      const end = model.getPositionAt(view.selectionEnd);
      editor.setSelection(
        view.backward
          ? new monaco.Selection(end.lineNumber, end.column, start.lineNumber, start.column)
          : new monaco.Selection(start.lineNumber, start.column, end.lineNumber, end.column),
      );
      editor.setScrollTop(view.scrollTop);
      if (view.focused) editor.focus();
    },
    settleNow() {
      suggestions.cancel();
      try {
        const model = editor.getModel();
        // Colouring a model's last line tokenizes every line before it (the text on screen and above it).
        if (model) monaco.editor.colorizeModelLine(model, model.getLineCount());
        buildSuggestWidget(editor);
        editor.render(true);
      } catch {
        // All of it is Monaco's to do in its own time otherwise: the editor works without it.
      }
    },
    focus() {
      editor.focus();
    },
    dispose() {
      suggestions.cancel();
      themeWatch.disconnect();
      sizeWatch.dispose();
      for (const subscription of subscriptions) subscription.dispose();
      editor.dispose();
    },
  };
}

export type { Monaco };
