/**
 * What the exercise asks of its editor, whichever is in place: the light editor (light-editor.ts) while Monaco
 * loads on a slow network, then Monaco (code-editor.ts); editor-swap.ts hands the learner's work from one to
 * the other.
 */
import type { IslandProgram } from './page-data';

/** A problem to show on a line of the learner's code. */
export interface LineMarker {
  file: string;
  line: number;
  column?: number;
  message: string;
}

/** The learner's text at one moment: what a run sends, with each file's version to recognise it later. */
export interface EditorSnapshot {
  sources: Record<string, string>;
  versions: Record<string, number>;
}

/** What TypeScript says about one snapshot: syntax errors (the program cannot run) and type problems. */
export interface SnapshotDiagnostics {
  syntax: LineMarker[];
  types: LineMarker[];
}

export interface CodeEditorOptions {
  container: HTMLElement;
  exerciseId: string;
  programs: IslandProgram[];
  /** Saved drafts by file; missing files start from the starter code. */
  drafts: Record<string, string>;
  onRun: () => void;
  /** Escape with no widget open: the learner wants to leave the editor. */
  onEscape: () => void;
  onChange: (file: string, text: string) => void;
}

/** Where the learner is in the editor: what a swap carries over besides the text. */
export interface EditorView {
  file: string;
  version: 'mine' | 'solution';
  /** Offsets into the shown file's text. */
  selectionStart: number;
  selectionEnd: number;
  /** Whether the selection runs from its end back to its start (a Shift+Up selection). */
  backward: boolean;
  scrollTop: number;
  focused: boolean;
}

export interface CodeEditor {
  /** The learner's current code, by file. */
  sources(): Record<string, string>;
  /** The learner's current code with its versions: what a run sends. */
  snapshot(): EditorSnapshot;
  /**
   * TypeScript's errors for exactly the snapshot's text, from the editor's language service; null when the
   * text has changed since the snapshot, or the service did not answer within `timeoutMs`.
   */
  diagnose(snapshot: EditorSnapshot, timeoutMs: number): Promise<SnapshotDiagnostics | null>;
  /** Shows a learner file (or its solution, read-only). */
  show(file: string, version: 'mine' | 'solution'): void;
  /** Puts the starter code back as one edit (Ctrl+Z brings the learner's code back). Returns the old text. */
  resetToStarter(file: string): string;
  /** Puts back a text as one undoable edit. */
  replace(file: string, text: string): void;
  setRunMarkers(markers: LineMarker[]): void;
  /** The file shown, the selection, the scroll position and whether the editor has the focus. */
  view(): EditorView;
  focus(): void;
  dispose(): void;
}

/** The learner's files: the programs whose role is `learner`. */
export const learnerPrograms = (programs: readonly IslandProgram[]) => programs.filter((program) => program.role === 'learner');

/** The text a file starts with: the saved draft, else the starter. */
export const startingText = (program: IslandProgram, drafts: Readonly<Record<string, string>>) =>
  Object.hasOwn(drafts, program.file) ? drafts[program.file]! : program.source;

/** The editor's line height in px (Monaco's for a 14 px font): the light editor uses the same. */
export const LINE_HEIGHT = 19;
/** The editor grows with the code between these many lines (never past 70% of the window's height). */
export const EDITOR_LINES = { min: 8, max: 32 } as const;

/** The height the editor takes for content `contentHeight` px tall: as tall as the code plus a line to type on. */
export function fittedHeight(contentHeight: number, lineHeight: number, windowHeight: number): number {
  const most = Math.min(EDITOR_LINES.max * lineHeight, Math.round(windowHeight * 0.7));
  return Math.max(EDITOR_LINES.min * lineHeight, Math.min(contentHeight + lineHeight, most));
}
