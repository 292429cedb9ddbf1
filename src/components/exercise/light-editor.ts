/**
 * The light editor: a plain textarea over the same code highlighted, a few kilobytes, shown at once when
 * "Open the editor" is pressed and Monaco (about 0.7 MB gz) is not here yet. The learner types, runs
 * (Ctrl+Enter), resets and indents as in Monaco; hover, suggestions and TypeScript's squiggles come when
 * editor-swap.ts puts Monaco in its place, with the learner's text, selection and scroll carried over.
 *
 * Edits go through `document.execCommand('insertText')`, so the browser's own undo (Ctrl+Z) covers them.
 */
import { highlightTypeScript } from './ts-highlight';
import { fittedHeight, LINE_HEIGHT, learnerPrograms, startingText, type CodeEditor, type CodeEditorOptions, type EditorView, type LineMarker } from './editor-types';
import { tabLabel } from './page-data';

/** Above this many characters the code is shown plain: highlighting it on every keystroke would lag. */
const HIGHLIGHT_LIMIT = 100_000;
const INDENT = '  ';

export interface LightEditor extends CodeEditor {
  /** The text each learner file started with (a swap makes the change since then one undoable edit). */
  startTexts(): Record<string, string>;
  /** The run markers shown now. */
  markers(): LineMarker[];
  /** True while the learner is in the middle of something a swap must not cut: typing, composing, selecting. */
  busy(quietMs: number): boolean;
}

/** The lines of `text` drawn highlighted, with their numbers; the textarea lies over the text column. */
function drawLines(target: HTMLElement, text: string, markedLines: ReadonlySet<number>): void {
  const lines: HTMLElement[] = [];
  let line = document.createElement('div');
  let number = 1;
  const startLine = () => {
    line = document.createElement('div');
    line.className = markedLines.has(number) ? 'light-editor-line has-error' : 'light-editor-line';
    line.dataset.line = String(number);
    lines.push(line);
  };
  startLine();
  const tokens = text.length > HIGHLIGHT_LIMIT ? [{ kind: 'plain' as const, text }] : highlightTypeScript(text);
  for (const token of tokens) {
    const parts = token.text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) {
        number++;
        startLine();
      }
      if (part === '') return;
      if (token.kind === 'plain') line.append(part);
      else {
        const span = document.createElement('span');
        span.className = `tok-${token.kind}`;
        span.textContent = part;
        line.append(span);
      }
    });
  }
  // An empty line still takes a line's height (a zero-width space, as the textarea shows a caret there).
  for (const each of lines) if (!each.firstChild) each.append('\u200b');
  target.replaceChildren(...lines);
}

export function createLightEditor(options: CodeEditorOptions): LightEditor {
  const learner = learnerPrograms(options.programs);
  const programOf = (file: string) => learner.find((program) => program.file === file);
  const start = Object.fromEntries(learner.map((program) => [program.file, startingText(program, options.drafts)]));
  const mine = new Map(Object.entries(start));
  const versions = new Map(learner.map((program) => [program.file, 1]));
  let file = learner[0]?.file ?? '';
  let version: 'mine' | 'solution' = 'mine';
  let runMarkers: LineMarker[] = [];
  let tabMovesFocus = false;
  let composing = false;
  let pointerDown = false;
  let lastInputAt = 0;

  const root = document.createElement('div');
  root.className = 'light-editor';
  root.dataset.lightEditor = '';
  const body = document.createElement('div');
  body.className = 'light-editor-body';
  const lines = document.createElement('div');
  lines.className = 'light-editor-lines';
  lines.setAttribute('aria-hidden', 'true');
  const input = document.createElement('textarea');
  input.className = 'light-editor-input';
  input.spellcheck = false;
  input.setAttribute('autocapitalize', 'off');
  input.setAttribute('autocomplete', 'off');
  input.setAttribute('autocorrect', 'off');
  input.setAttribute('aria-multiline', 'true');
  body.append(lines, input);
  root.append(body);
  options.container.replaceChildren(root);

  const label = () => {
    const program = programOf(file);
    const name = program ? tabLabel(program) : file;
    return `${version === 'solution' ? 'Reference solution (read-only)' : 'Code editor'}: ${name}`;
  };

  const redraw = () => {
    const marked = new Set(version === 'mine' ? runMarkers.filter((marker) => marker.file === file).map((marker) => marker.line) : []);
    drawLines(lines, input.value, marked);
    // As tall as the code plus a line to type on, within limits: as Monaco sizes itself (code-editor.ts).
    const height = fittedHeight(body.offsetHeight, LINE_HEIGHT, window.innerHeight);
    if (options.container.style.height !== `${height}px`) options.container.style.height = `${height}px`;
  };

  const load = () => {
    const program = programOf(file);
    input.value = version === 'solution' ? (program?.solution ?? '') : (mine.get(file) ?? '');
    input.readOnly = version === 'solution';
    input.setAttribute('aria-label', label());
    input.setSelectionRange(0, 0);
    root.scrollTop = 0;
    redraw();
  };

  input.addEventListener('input', () => {
    lastInputAt = performance.now();
    redraw();
    if (version !== 'mine') return;
    mine.set(file, input.value);
    versions.set(file, (versions.get(file) ?? 0) + 1);
    options.onChange(file, input.value);
  });
  input.addEventListener('compositionstart', () => (composing = true));
  input.addEventListener('compositionend', () => (composing = false));
  const pointerUp = () => (pointerDown = false);
  root.addEventListener('pointerdown', () => (pointerDown = true));
  window.addEventListener('pointerup', pointerUp);
  window.addEventListener('pointercancel', pointerUp);

  /** Replaces the selection with `text` as the browser's own edit (undoable), then selects `select`. */
  const insert = (text: string, select?: [number, number]) => {
    if (text === '' && input.selectionStart === input.selectionEnd) return;
    if (!document.execCommand(text === '' ? 'delete' : 'insertText', false, text)) {
      // A browser without execCommand on textareas: the edit is made directly (no undo step for it).
      input.setRangeText(text, input.selectionStart, input.selectionEnd, 'end');
      input.dispatchEvent(new Event('input'));
    }
    if (select) input.setSelectionRange(select[0], select[1]);
  };

  /** The selected lines (whole), as [start, end) offsets. */
  const selectedLines = () => {
    const value = input.value;
    const from = value.lastIndexOf('\n', input.selectionStart - 1) + 1;
    const last = input.selectionEnd > input.selectionStart && value[input.selectionEnd - 1] === '\n' ? input.selectionEnd - 1 : input.selectionEnd;
    const next = value.indexOf('\n', last);
    return [from, next === -1 ? value.length : next] as const;
  };

  const indent = (outdent: boolean) => {
    const value = input.value;
    const [from, to] = selectedLines();
    const multiLine = value.slice(input.selectionStart, input.selectionEnd).includes('\n');
    if (!outdent && !multiLine) return insert(INDENT);
    const block = value.slice(from, to).split('\n');
    const changed = block.map((line) => (outdent ? line.replace(/^ {1,2}|^\t/, '') : line === '' ? line : INDENT + line)).join('\n');
    if (changed === value.slice(from, to)) return;
    input.setSelectionRange(from, to);
    insert(changed, [from, from + changed.length]);
  };

  /** Enter keeps the line's indentation, one step more after an opening bracket. */
  const newLine = () => {
    const value = input.value;
    const lineStart = value.lastIndexOf('\n', input.selectionStart - 1) + 1;
    const before = value.slice(lineStart, input.selectionStart);
    const indentation = /^[ \t]*/.exec(before)![0];
    insert(`\n${indentation}${/[{([]\s*$/.test(before) ? INDENT : ''}`);
  };

  input.addEventListener('keydown', (event) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key === 'Enter') {
      event.preventDefault();
      options.onRun();
    } else if (event.key === 'Escape' && !mod) {
      event.preventDefault();
      options.onEscape();
    } else if (event.ctrlKey && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'm') {
      event.preventDefault();
      tabMovesFocus = !tabMovesFocus;
    } else if (event.key === 'Tab' && !mod && !event.altKey && !tabMovesFocus && !input.readOnly) {
      event.preventDefault();
      indent(event.shiftKey);
    } else if (event.key === 'Enter' && !mod && !event.shiftKey && !event.altKey && !event.isComposing && !input.readOnly) {
      event.preventDefault();
      newLine();
    }
  });

  const resize = new ResizeObserver(() => redraw());
  resize.observe(options.container);
  load();

  const replaceShown = (text: string) => {
    input.focus({ preventScroll: true });
    input.setSelectionRange(0, input.value.length);
    if (text === '') insert('');
    else insert(text, [0, 0]);
  };

  return {
    sources: () => Object.fromEntries(mine),
    snapshot: () => ({ sources: Object.fromEntries(mine), versions: Object.fromEntries(versions) }),
    // TypeScript comes with Monaco: editor-swap.ts answers for the light editor.
    diagnose: async () => null,
    show(next, nextVersion) {
      if (!programOf(next)) throw new Error(`No program ${next} in exercise ${options.exerciseId}.`);
      file = next;
      version = nextVersion;
      load();
    },
    resetToStarter(target) {
      const previous = mine.get(target) ?? '';
      const starter = programOf(target)?.source ?? '';
      this.replace(target, starter);
      return previous;
    },
    replace(target, text) {
      if (target !== file || version !== 'mine') this.show(target, 'mine');
      replaceShown(text);
    },
    setRunMarkers(markers) {
      runMarkers = markers;
      redraw();
    },
    view(): EditorView {
      return {
        file,
        version,
        selectionStart: input.selectionStart,
        selectionEnd: input.selectionEnd,
        backward: input.selectionDirection === 'backward',
        scrollTop: root.scrollTop,
        focused: document.activeElement === input,
      };
    },
    focus: () => input.focus(),
    dispose() {
      resize.disconnect();
      window.removeEventListener('pointerup', pointerUp);
      window.removeEventListener('pointercancel', pointerUp);
      root.remove();
    },
    startTexts: () => ({ ...start }),
    markers: () => runMarkers,
    busy: (quietMs) => composing || pointerDown || performance.now() - lastInputAt < quietMs,
  };
}
