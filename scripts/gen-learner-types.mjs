#!/usr/bin/env node
/**
 * Assembles the type declarations learners get in the editor (src/generated/learner-types.d.ts) from the
 * hand-written sources in src/lib/netsim/learner-types/: Node's API trimmed to what netsim implements, with
 * hover docs. Each `<name>.d.ts` there is the body of module `node:<name>` (`stream/promises.d.ts` is
 * `node:stream/promises`), also offered under its bare name (`net`); `globals.d.ts` is the program's globals.
 *
 * Two notations in the sources are expanded here:
 * - `// @events FooEventMap` inside a class or interface becomes Node's listener overloads (`on`, `once`,
 *   `addListener`, `prependListener`, `prependOnceListener`, `emit`) for every event of `interface
 *   FooEventMap { name: [arg: Type, …] }` (and of the maps it extends), each with the event's doc comment,
 *   then the general overload for any other event. The map itself is dropped from the output.
 * - in a module, a leading `declare ` is dropped (declarations inside `declare module` must not repeat it).
 * Types named in an event map must resolve wherever the map is expanded (globals, or `import('node:…')`).
 * A module file's opening doc comment documents the module (hover over `'node:net'` in an import); the
 * output also declares `require(name)` for every module, as the runner gives programs one.
 *
 * The result is type-checked with the editor's compiler options before it is written: a mistake in the
 * sources fails here, not in a learner's editor. Never edit the output by hand; run
 * `node scripts/gen-learner-types.mjs` (or with `--out <file>`).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'src/lib/netsim/learner-types');
const outArg = process.argv.indexOf('--out');
const outFile = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'src/generated/learner-types.d.ts');

/** The editor's compiler options (src/components/exercise/monaco-setup.ts), for checking the result. */
const editorOptions = {
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

/** `stream/promises.d.ts` → `stream/promises`. */
const moduleNameOf = (file) => relative(sourceDir, file).replace(/\\/g, '/').replace(/\.d\.ts$/, '');

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.d.ts') ? [join(dir, entry.name)] : []))
    .sort();
}

const files = sourceFiles(sourceDir).map((path) => {
  const text = readFileSync(path, 'utf8');
  return { path, name: moduleNameOf(path), text, ast: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true) };
});

// ───────── event maps ─────────

/** Every `interface …EventMap` of every source: its parents, its events (name, doc, tuple elements), its text range. */
const eventMaps = new Map();
for (const file of files) {
  ts.forEachChild(file.ast, function visit(node) {
    if (ts.isInterfaceDeclaration(node) && node.name.text.endsWith('EventMap')) {
      if (eventMaps.has(node.name.text)) fail(`${file.name}: event map ${node.name.text} is defined twice`);
      const parents = (node.heritageClauses ?? []).flatMap((clause) => clause.types.map((type) => type.expression.getText(file.ast).split('.').pop()));
      const events = node.members.map((member) => {
        if (!ts.isPropertySignature(member) || !member.type || !ts.isTupleTypeNode(member.type)) {
          fail(`${file.name}: every member of ${node.name.text} must be \`name: [arg: Type, …]\``);
        }
        const name = member.name.getText(file.ast).replace(/^['"]|['"]$/g, '');
        const args = member.type.elements.map((element) => {
          if (!ts.isNamedTupleMember(element)) fail(`${file.name}: ${node.name.text}.${name}: name every argument ([arg: Type])`);
          return `${element.name.text}${element.questionToken ? '?' : ''}: ${element.type.getText(file.ast)}`;
        });
        return { name, doc: docOf(file.text, member), args };
      });
      eventMaps.set(node.name.text, { parents, events, file, start: fullStart(file.text, node), end: node.end });
    }
    ts.forEachChild(node, visit);
  });
}

/** The JSDoc text right before a node (without the comment markers), or ''. */
function docOf(text, node) {
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  const last = ranges.filter((r) => text.startsWith('/**', r.pos)).pop();
  if (!last) return '';
  return text
    .slice(last.pos + 3, last.end - 2)
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trimEnd())
    .join('\n')
    .trim();
}

/** Where a node starts, its leading comments included. */
function fullStart(text, node) {
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  return ranges.length ? ranges[0].pos : node.getStart();
}

/** The events of a map and of the maps it extends; a map's own event replaces an inherited one of the same name. */
function eventsOf(mapName, seen = new Set()) {
  const map = eventMaps.get(mapName);
  if (!map) fail(`unknown event map ${mapName}`);
  if (seen.has(mapName)) fail(`event map ${mapName} extends itself`);
  seen.add(mapName);
  const byName = new Map();
  for (const parent of map.parents) for (const event of eventsOf(parent, seen)) byName.set(event.name, event);
  for (const event of map.events) byName.set(event.name, event);
  return [...byName.values()];
}

const LISTENER_METHODS = [
  ['addListener', 'Adds `listener` at the end of the listeners of this event (same as `on`).'],
  ['on', 'Adds `listener` at the end of the listeners of this event: it runs every time the event happens.'],
  ['once', 'Adds `listener` for the next time this event happens only.'],
  ['prependListener', 'Adds `listener` before the listeners already there.'],
  ['prependOnceListener', 'Adds `listener` before the listeners already there, for the next time only.'],
];

function comment(lines, indent) {
  return [`${indent}/**`, ...lines.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)), `${indent} */`].join('\n');
}

/** Node's listener overloads for every event of `mapName`, at the given indentation. */
function expandEvents(mapName, indent) {
  const events = eventsOf(mapName);
  const out = [];
  for (const [method, sentence] of LISTENER_METHODS) {
    for (const event of events) {
      out.push(comment([...event.doc.split('\n'), '', sentence], indent));
      out.push(`${indent}${method}(event: '${event.name}', listener: (${event.args.join(', ')}) => void): this;`);
    }
    out.push(comment([sentence, '', 'Any other event: its listener gets untyped (`any`) arguments. A misspelt event name lands here too: check the spelling.'], indent));
    out.push(`${indent}${method}(event: string | symbol, listener: (...args: any[]) => void): this;`);
  }
  for (const event of events) {
    out.push(comment([...event.doc.split('\n'), '', 'Calls the listeners of this event with these arguments; true if there were any.'], indent));
    out.push(`${indent}emit(event: '${event.name}'${event.args.map((arg) => `, ${arg}`).join('')}): boolean;`);
  }
  out.push(comment(['Calls every listener of `event` with `args`, in the order they were added; true if there were any.'], indent));
  out.push(`${indent}emit(event: string | symbol, ...args: any[]): boolean;`);
  return out.join('\n');
}

// ───────── assembling ─────────

function body(file, { inModule }) {
  const maps = [...eventMaps.values()].filter((map) => map.file === file).sort((a, b) => b.start - a.start);
  let text = file.text;
  for (const map of maps) text = text.slice(0, map.start) + text.slice(map.end).replace(/^\n/, '');
  text = text.replace(/^([ \t]*)\/\/ @events (\w+)[ \t]*$/gm, (_line, indent, mapName) => expandEvents(mapName, indent));
  return (inModule ? text.replace(/^(export )?declare /gm, '$1') : text).trim();
}

function indent(text) {
  return text.split('\n').map((line) => (line ? `  ${line}` : line)).join('\n');
}

/** The file's opening doc comment (what the module is for), shown on hover over the module's name. */
function moduleDoc(text) {
  return /^\/\*\*[\s\S]*?\*\//.exec(text)?.[0] ?? '';
}

/** A module's declaration under `node:<name>`, and the bare name as an alias of it. */
function moduleBlocks(file) {
  const doc = moduleDoc(file.text);
  const text = body(file, { inModule: true }).slice(doc.length).trim();
  const exportAssigned = /^export =/m.test(text);
  const hasDefault = /^export default /m.test(text);
  const alias = exportAssigned
    ? `import m = require('node:${file.name}');\nexport = m;`
    : `export * from 'node:${file.name}';${hasDefault ? `\nexport { default } from 'node:${file.name}';` : ''}`;
  // `export {}`: only what is marked `export` is exported (an ambient module would export everything).
  const docLine = doc ? `${doc}\n` : '';
  return [
    `${docLine}declare module 'node:${file.name}' {\n${indent(text)}\n  export {};\n}`,
    `${docLine}declare module '${file.name}' {\n${indent(alias)}\n}`,
  ];
}

const modules = files.filter((file) => file.name !== 'globals');
const globals = files.find((file) => file.name === 'globals');
if (!globals) fail('globals.d.ts is missing');

/** `require(name)` for every module, typed as its import: the runner gives programs a `require` too. */
const requireDeclaration = `declare namespace NodeJS {
  /** The modules a program can load, by the names \`require\` accepts. */
  interface BuiltinModules {
${modules.flatMap((file) => [`node:${file.name}`, file.name]).map((name) => `    /** \`require('${name}')\`: the module \`node:${name.replace(/^node:/, '')}\`. */\n    '${name}': typeof import('node:${name.replace(/^node:/, '')}');`).join('\n')}
  }
}

/**
 * Loads one of Node's modules the CommonJS way: \`const net = require('node:net')\` is the same module as
 * \`import net from 'node:net'\`. Any other name fails with "Cannot find module".
 */
declare function require<M extends keyof NodeJS.BuiltinModules>(id: M): NodeJS.BuiltinModules[M];`;

const output = `// Generated by scripts/gen-learner-types.mjs from src/lib/netsim/learner-types: do not edit by hand.
// The modules a learner's program can import and the globals it has, as netsim implements them.

${modules.flatMap(moduleBlocks).join('\n\n')}

${body(globals, { inModule: false })}

${requireDeclaration}
`;

// ───────── checking ─────────

const problems = typeCheck(output);
if (problems.length) fail(`the assembled declarations do not type-check:\n${problems.join('\n')}`);

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, output);
console.log(`wrote ${relative(root, outFile)} (${output.length} characters, ${modules.length} modules)`);

function typeCheck(declarations) {
  const name = '/learner-types.d.ts';
  const host = ts.createCompilerHost(editorOptions);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, version) => (file === name ? ts.createSourceFile(file, declarations, version) : read(file, version));
  host.fileExists = (file) => file === name || ts.sys.fileExists(file);
  host.readFile = (file) => (file === name ? declarations : ts.sys.readFile(file));
  const program = ts.createProgram([name], editorOptions, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return message;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    const lines = declarations.split('\n');
    return `line ${line + 1}: ${message}\n    ${lines[line]?.trim()}`;
  });
}

function fail(message) {
  console.error(`gen-learner-types: ${message}`);
  process.exit(1);
}
