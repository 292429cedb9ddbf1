/**
 * Type-checks learner programs the way the exercise editor does: against the generated learner types only
 * (no @types/node, no DOM: `lib: es2022`), so a test here fails wherever a learner would see a red squiggle.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(import.meta.dirname, '../..');

/** Runs scripts/gen-learner-types.mjs into a temporary file and returns the declarations. */
export function generateLearnerTypes(): string {
  const out = join(mkdtempSync(join(tmpdir(), 'learner-types-')), 'learner-types.d.ts');
  execFileSync(process.execPath, [join(root, 'scripts/gen-learner-types.mjs'), '--out', out]);
  return readFileSync(out, 'utf8');
}

/** The editor's compiler options (src/components/exercise/monaco-setup.ts), for the TS compiler API. */
const editorOptions: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
  lib: ['lib.es2022.d.ts'],
  noEmit: true,
  esModuleInterop: true,
  allowSyntheticDefaultImports: true,
  moduleDetection: ts.ModuleDetectionKind.Force,
};

/** Parsed files that do not change between programs (the lib, the declarations): parsing them once saves seconds per check. */
const parsed = new Map<string, { text: string; file: ts.SourceFile }>();

function parse(name: string, text: string, version: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.SourceFile {
  const known = parsed.get(name);
  if (known && known.text === text) return known.file;
  const file = ts.createSourceFile(name, text, version);
  parsed.set(name, { text, file });
  return file;
}

/** Diagnostics for one program, each as `line N: message`. */
export function typeProblems(declarations: string, source: string, fileName = 'program.ts'): string[] {
  const learnerFile = `/${fileName}`;
  const files = new Map([[learnerFile, source], ['/learner-types.d.ts', declarations]]);
  const host = ts.createCompilerHost(editorOptions);
  host.getSourceFile = (name, version) => {
    if (name === learnerFile) return ts.createSourceFile(name, source, version);
    const text = files.get(name) ?? ts.sys.readFile(name);
    return text === undefined ? undefined : parse(name, text, version);
  };
  host.fileExists = (name) => files.has(name) || ts.sys.fileExists(name);
  host.readFile = (name) => files.get(name) ?? ts.sys.readFile(name);
  const program = ts.createProgram([learnerFile, '/learner-types.d.ts'], editorOptions, host);
  // The declarations were checked when they were generated: only the program's own problems here.
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(learnerFile)).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName} line ${line + 1}: ${message}`;
  });
}

/**
 * Diagnostics from the editor's own TypeScript (the version Monaco bundles, which may differ from the
 * project's), with the editor's own options, for each of `programs` (file name → source) against the
 * declarations loaded as the editor loads them (an extra lib at node_modules/@types/endpoints).
 */
export async function editorTypeProblems(declarations: string, programs: Record<string, string>): Promise<{ version: string; problems: string[] }> {
  // Monaco's package exports do not name these files: load them by path.
  const lib = join(root, 'node_modules/monaco-editor/esm/vs/languages/features/typescript/lib');
  const services = pathToFileURL(join(lib, 'typescriptServices.js')).href;
  const libs = pathToFileURL(join(lib, 'lib.js')).href;
  const { typescript: mts } = (await import(/* @vite-ignore */ services)) as { typescript: typeof ts };
  const { libFileMap } = (await import(/* @vite-ignore */ libs)) as { libFileMap: Record<string, string> };
  const files: Record<string, string> = { '/node_modules/@types/endpoints/index.d.ts': declarations };
  for (const [name, source] of Object.entries(programs)) files[`/${name}`] = source;
  // As src/components/exercise/monaco-setup.ts sets them.
  const options: ts.CompilerOptions = {
    target: mts.ScriptTarget.ES2020,
    module: mts.ModuleKind.ESNext,
    moduleResolution: mts.ModuleResolutionKind.NodeJs,
    lib: ['lib.es2022.d.ts'],
    strict: true,
    noEmit: true,
    esModuleInterop: true,
    allowSyntheticDefaultImports: true,
    isolatedModules: true,
    moduleDetection: 3,
  };
  const text = (name: string) => files[name] ?? libFileMap[name.replace(/^\//, '')];
  const service = mts.createLanguageService({
    getScriptFileNames: () => Object.keys(files),
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => (text(name) === undefined ? undefined : mts.ScriptSnapshot.fromString(text(name)!)),
    getCurrentDirectory: () => '/',
    getCompilationSettings: () => options,
    getDefaultLibFileName: () => '/lib.d.ts',
    fileExists: (name) => text(name) !== undefined,
    readFile: text,
  });
  const problems = Object.keys(files).flatMap((name) =>
    [...service.getSyntacticDiagnostics(name), ...service.getSemanticDiagnostics(name)].map((d) => {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      return `${name} line ${line}: ${mts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    }),
  );
  return { version: mts.version, problems };
}

/**
 * What the editor shows on hover at each `/*?*\/` marker of `source` (the name right after it): the
 * signature line and the doc comment, as the language service gives them.
 */
export function hovers(declarations: string, source: string): { signature: string; doc: string }[] {
  const files = new Map([['/program.ts', source], ['/learner-types.d.ts', declarations]]);
  const service = ts.createLanguageService({
    getScriptFileNames: () => [...files.keys()],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const text = files.get(name) ?? ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => '/',
    getCompilationSettings: () => editorOptions,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (name) => files.has(name) || ts.sys.fileExists(name),
    readFile: (name) => files.get(name) ?? ts.sys.readFile(name),
  });
  const marker = '/*?*/';
  const found: { signature: string; doc: string }[] = [];
  for (let at = source.indexOf(marker); at >= 0; at = source.indexOf(marker, at + 1)) {
    const info = service.getQuickInfoAtPosition('/program.ts', at + marker.length);
    found.push({ signature: ts.displayPartsToString(info?.displayParts), doc: ts.displayPartsToString(info?.documentation) });
  }
  return found;
}
