/**
 * Monaco, trimmed: the editor API, the few contributions a learner needs, the TypeScript tokenizer and the
 * TypeScript language service — nothing else. Imported only from the "Open the editor" click handler, so a
 * lesson page loads none of it until the learner asks.
 *
 * Monaco's own CSS is injected at runtime by the build (see monaco-css.ts), never linked in the page head.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/parameterHints/browser/parameterHints';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode';
// Monaco's shared workers module would load its full list of editor contributions once the first editor has a
// TypeScript model (src/lib/editor/monaco-workers-plugin.ts now keeps it from doing so); two of them need
// services the trimmed editor never registered, so those stay registered here, before any editor exists.
import 'monaco-editor/editor/contrib/codelens/browser/codeLensCache';
import 'monaco-editor/editor/common/services/treeViewsDndService';
import 'monaco-editor/languages/definitions/typescript/register';
import * as ts from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

// The learner-facing declarations of node:net & co. (generated at prebuild; absent in a fresh checkout).
const learnerTypeFiles = import.meta.glob<string>('../../generated/learner-types.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

let configured = false;

let openWorkers: () => void = () => undefined;
/**
 * Monaco's workers — TypeScript's language service is 1.5 MB gz — start only once this opens, so on a slow
 * network they do not compete with the runner for the bandwidth a first run needs. Typing works before;
 * diagnostics and hover follow when the language service is up.
 */
const workersMayStart = new Promise<void>((resolve) => (openWorkers = resolve));

/** Lets Monaco start its workers (the island calls it once the runner is up, or could not start). */
export function startLanguageService(): void {
  openWorkers();
}

/** Sets up workers, compiler options and the learner types once per page; returns the API. */
export function setUpMonaco(): { monaco: typeof monaco; ts: typeof ts } {
  if (configured) return { monaco, ts };
  configured = true;
  (self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
    async getWorker(_workerId: string, label: string) {
      await workersMayStart;
      return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
    },
  };
  ts.typescriptDefaults.setCompilerOptions({
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    // No DOM: the program runs as on Node, not in a page. The language service takes lib *file* names (only
    // tsconfig.json parsing maps `es2022` to them); a bare `es2022` loads as a plain script and breaks `any[]`.
    lib: ['lib.es2022.d.ts'],
    strict: true,
    noEmit: true,
    esModuleInterop: true,
    allowSyntheticDefaultImports: true,
    isolatedModules: true,
    // Each program is its own module (top-level await is allowed, as in a Node ES module).
    moduleDetection: 3,
  } as ts.CompilerOptions);
  ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  for (const declarations of Object.values(learnerTypeFiles)) {
    ts.typescriptDefaults.addExtraLib(declarations, 'file:///node_modules/@types/endpoints/index.d.ts');
  }
  return { monaco, ts };
}

export type Monaco = typeof monaco;
