/**
 * Compares the learner declarations with what a program really gets at run time. Both directions:
 * - `missing`: a member the declarations name that the runtime object lacks (a learner would be offered a
 *   call that fails);
 * - `undeclared`: a member the runtime object has that the declarations do not name (a learner can reach it
 *   but the editor says it does not exist).
 * Modules are walked from their exported values (functions, classes and their statics, nested objects);
 * classes and other objects a program gets back from calls are checked on sample instances, their whole
 * prototype chain included (up to JavaScript's own prototypes, which the editor's lib describes).
 */
import ts from 'typescript';

/** The editor's compiler options (as tests/support/learner-types.ts). */
const OPTIONS: ts.CompilerOptions = {
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

/** A runtime object a program gets back from a call, with the type the declarations give it. */
export interface Sample {
  /** A name for reports: `Timeout`, `process.stdout`. */
  name: string;
  /** The declared type, as a type expression in a learner program: `NodeJS.Timeout`, `import('node:os').NetworkInterfaceInfo`. */
  type: string;
  value: unknown;
}

export interface SurfaceReport {
  /** `net.Socket#connect`: declared, absent at run time. */
  missing: string[];
  /** `stream.Readable.fromWeb`: present at run time, not declared. */
  undeclared: string[];
  /** A declared member whose kind does not match (a function declared, a number found). */
  mismatched: string[];
  /** Classes the walk met without a sample instance (`net.Socket`): give the test one. */
  classesWithoutSample: string[];
  /** Every member the walk checked, for "the walk covered it" assertions. */
  checked: Set<string>;
}

/** Properties every function has, which no declaration lists. */
const FUNCTION_OWN = new Set(['length', 'name', 'prototype', 'arguments', 'caller']);

/** JavaScript's own prototypes: the editor's lib describes them, so the walk stops there. */
const INTRINSIC_PROTOTYPES = new Set<unknown>([
  Object.prototype,
  Function.prototype,
  Uint8Array.prototype,
  Object.getPrototypeOf(Uint8Array.prototype),
  Array.prototype,
  Promise.prototype,
  Error.prototype,
]);

/** `__@asyncIterator@12` → Symbol.asyncIterator; other names as they are. */
function runtimeKey(symbol: ts.Symbol): string | symbol | null {
  const name = symbol.escapedName as string;
  if (!name.startsWith('__@')) return symbol.name;
  const wellKnown = /^__@(\w+)@\d+$/.exec(name)?.[1];
  const key = wellKnown ? (Symbol as unknown as Record<string, unknown>)[wellKnown] : undefined;
  return typeof key === 'symbol' ? key : null;
}

const WELL_KNOWN_SYMBOLS = new Set<symbol>(
  Object.getOwnPropertyNames(Symbol)
    .map((name) => (Symbol as unknown as Record<string, unknown>)[name])
    .filter((value): value is symbol => typeof value === 'symbol'),
);

function isWellKnown(key: symbol): boolean {
  return WELL_KNOWN_SYMBOLS.has(key);
}

function keyText(key: string | symbol): string {
  return typeof key === 'symbol' ? `[${key.description}]` : key;
}

/**
 * Checks `modules` (module name → runtime module object) and `samples` against `declarations`.
 * `classSamples` gives an instance for every class the modules export, by path (`net.Socket`).
 */
export function compareSurface(
  declarations: string,
  modules: Record<string, unknown>,
  classSamples: Record<string, unknown>,
  samples: Sample[],
  /** Prototypes of the host's own classes (TextEncoder…): what they hold depends on the browser, so only the declared side is checked. */
  hostPrototypes: readonly object[] = [],
): SurfaceReport {
  const names = Object.keys(modules);
  const probe = [
    ...names.map((name, i) => `import m${i} from 'node:${name}';\nexport const v${i} = m${i};`),
    ...samples.map((sample, i) => `export declare const s${i}: ${sample.type};`),
  ].join('\n');
  const files = new Map([
    ['/probe.ts', probe],
    ['/learner-types.d.ts', declarations],
  ]);
  const host = ts.createCompilerHost(OPTIONS);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, version) => (files.has(file) ? ts.createSourceFile(file, files.get(file)!, version, true) : read(file, version));
  host.fileExists = (file) => files.has(file) || ts.sys.fileExists(file);
  host.readFile = (file) => files.get(file) ?? ts.sys.readFile(file);
  const program = ts.createProgram(['/probe.ts', '/learner-types.d.ts'], OPTIONS, host);
  // The declarations themselves were checked when they were generated: only the probe's use of them here.
  const problems = ts.getPreEmitDiagnostics(program, program.getSourceFile('/probe.ts')).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  if (problems.length) throw new Error(`the probe does not type-check:\n${problems.join('\n')}`);
  const checker = program.getTypeChecker();
  const probeFile = program.getSourceFile('/probe.ts')!;
  const declaredTypes = new Map<string, ts.Type>();
  probeFile.forEachChild(function visit(node) {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) declaredTypes.set(node.name.text, checker.getTypeAtLocation(node.name));
    node.forEachChild(visit);
  });

  const report: SurfaceReport = { missing: [], undeclared: [], mismatched: [], classesWithoutSample: [], checked: new Set() };
  const visited = new Set<unknown>();
  /** Each class's prototype, with the path and instance type it is reported under. */
  const classPrototypes = new Map<object, { label: string; type: ts.Type }>();
  /** Every object whose own keys are checked once the walk is over (when every class prototype is known). */
  const ownersToCheck: { label: string; type: ts.Type; owner: object }[] = [];
  const isLearnerDeclaration = (symbol: ts.Symbol) =>
    (symbol.declarations ?? []).some((d) => d.getSourceFile().fileName === '/learner-types.d.ts');

  /** A value (module, function, class, plain object) against its declared type, recursively. */
  function walkValue(path: string, type: ts.Type, value: unknown, topLevel = false): void {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return;
    if (visited.has(value) && !topLevel) return;
    visited.add(value);
    if (type.getConstructSignatures().length > 0 && typeof value === 'function') walkClass(path, type, value);
    const declared = new Set<string | symbol>();
    for (const property of checker.getPropertiesOfType(type)) {
      const key = runtimeKey(property);
      if (key === null || key === 'prototype') continue;
      declared.add(key);
      if (!isLearnerDeclaration(property)) continue;
      const memberPath = `${path}.${keyText(key)}`;
      report.checked.add(memberPath);
      if (!(key in (value as object))) {
        if (!(property.flags & ts.SymbolFlags.Optional)) report.missing.push(memberPath);
        continue;
      }
      const member = (value as Record<string | symbol, unknown>)[key];
      const memberType = checker.getTypeOfSymbol(property);
      checkKind(memberPath, memberType, member);
      // A subclass's inherited statics are walked where they are declared, not again under every subclass.
      const inherited = type.symbol !== undefined && getParent(property) !== undefined && getParent(property) !== type.symbol;
      if (!inherited) walkValue(memberPath, memberType, member);
    }
    // Records and arrays (`process.env`, `process.argv`) hold data, not API: their keys are not members.
    if (checker.getIndexInfosOfType(type).length > 0 || checker.isArrayLikeType(type)) return;
    for (const key of Reflect.ownKeys(value as object)) {
      if (typeof value === 'function' && FUNCTION_OWN.has(key as string)) continue;
      if (!declared.has(key) && !checker.getPropertyOfType(type, keyText(key))) report.undeclared.push(`${path}.${keyText(key)}`);
    }
  }

  function getParent(symbol: ts.Symbol): ts.Symbol | undefined {
    return (symbol as ts.Symbol & { parent?: ts.Symbol }).parent;
  }

  function checkKind(path: string, type: ts.Type, value: unknown): void {
    const callable = type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0;
    if (callable && typeof value !== 'function') report.mismatched.push(`${path}: declared callable, is ${typeof value}`);
    if (!callable && typeof value === 'function' && checker.getPropertiesOfType(type).length === 0 && !(type.flags & ts.TypeFlags.Any)) {
      report.mismatched.push(`${path}: declared ${checker.typeToString(type)}, is a function`);
    }
  }

  function walkClass(path: string, constructorType: ts.Type, value: unknown): void {
    if (!(path in classSamples)) {
      if (!report.classesWithoutSample.includes(path)) report.classesWithoutSample.push(path);
      return;
    }
    const instance = classSamples[path];
    if (!(instance instanceof (value as new () => unknown))) report.mismatched.push(`${path}: the sample is no instance of it`);
    const instanceType = constructorType.getConstructSignatures()[0]!.getReturnType();
    const prototype = (value as { prototype?: unknown }).prototype;
    if (typeof prototype === 'object' && prototype !== null && !classPrototypes.has(prototype)) {
      classPrototypes.set(prototype, { label: `${path}#`, type: checker.getApparentType(instanceType) });
    }
    walkInstance(`${path}#`, instanceType, instance);
  }

  /**
   * An object a program holds (an instance), against its declared type: every declared member must be there
   * (own or inherited); every member the object and its prototypes hold must be declared. A prototype is
   * checked once, against the type of the class it belongs to (so `Readable.prototype.read` is reported as
   * `stream.Readable#read`, not once per subclass).
   */
  function walkInstance(prefix: string, type: ts.Type, instance: unknown): void {
    const object = Object(instance) as object;
    const apparent = checker.getApparentType(type);
    for (const property of checker.getPropertiesOfType(apparent)) {
      const key = runtimeKey(property);
      if (key === null || !isLearnerDeclaration(property)) continue;
      report.checked.add(`${prefix}${keyText(key)}`);
      if (!(key in object) && !(property.flags & ts.SymbolFlags.Optional)) report.missing.push(`${prefix}${keyText(key)}`);
    }
    ownersToCheck.push({ label: prefix, type: apparent, owner: object });
    for (let owner = Object.getPrototypeOf(object); owner && !INTRINSIC_PROTOTYPES.has(owner) && !hostPrototypes.includes(owner); owner = Object.getPrototypeOf(owner)) {
      ownersToCheck.push({ label: prefix, type: apparent, owner });
    }
  }

  /** The keys `owner` holds itself, each declared on its type (or on the type of the class it is the prototype of). */
  function checkOwnKeys(label: string, type: ts.Type, owner: object): void {
    const byClass = classPrototypes.get(owner);
    const checkedType = byClass?.type ?? type;
    const prefix = byClass?.label ?? label;
    const numericKeysAreData = checker.getIndexInfosOfType(checkedType).length > 0;
    for (const key of Reflect.ownKeys(owner)) {
      if (key === 'constructor') continue;
      if (typeof key === 'string' && numericKeysAreData && /^\d+$/.test(key)) continue;
      // A symbol nobody can name (not well-known, not registered with Symbol.for) is private by construction.
      if (typeof key === 'symbol' && Symbol.keyFor(key) === undefined && !isWellKnown(key)) continue;
      if (!checker.getPropertyOfType(checkedType, keyText(key)) && !hasSymbolProperty(checkedType, key)) {
        const path = `${prefix}${keyText(key)}`;
        if (!report.undeclared.includes(path)) report.undeclared.push(path);
      }
    }
  }

  function hasSymbolProperty(type: ts.Type, key: string | symbol): boolean {
    if (typeof key !== 'symbol') return false;
    return checker.getPropertiesOfType(type).some((p) => runtimeKey(p) === key);
  }

  names.forEach((name, i) => walkValue(name, declaredTypes.get(`v${i}`)!, modules[name], true));
  samples.forEach((sample, i) => walkInstance(`${sample.name}#`, declaredTypes.get(`s${i}`)!, sample.value));
  // A class's prototype is checked once, against its class; any other object once per type that reaches it.
  const done = new Map<object, Set<string>>();
  for (const { label, type, owner } of ownersToCheck) {
    const id = classPrototypes.has(owner) ? '' : label;
    const seen = done.get(owner) ?? new Set<string>();
    if (seen.has(id)) continue;
    done.set(owner, seen.add(id));
    checkOwnKeys(label, type, owner);
  }
  return report;
}

/**
 * Every name the learner declarations give a program — module exports, their members, the members of the
 * interfaces and classes they use, the globals — that has no doc comment to show on hover, as
 * `module.Name#member`.
 */
export function undocumented(declarations: string): string[] {
  const file = ts.createSourceFile('/learner-types.d.ts', declarations, ts.ScriptTarget.Latest, true);
  const missing: string[] = [];
  const hasDoc = (node: ts.Node) => ts.getJSDocCommentsAndTags(node).some((doc) => ts.isJSDoc(doc) && (doc.comment !== undefined || (doc.tags?.length ?? 0) > 0));
  const nameOf = (node: ts.Node) => {
    const name = (node as { name?: ts.Node }).name;
    return name ? name.getText(file) : ts.isCallSignatureDeclaration(node) ? '()' : ts.isConstructorDeclaration(node) ? 'constructor' : '?';
  };
  /** Overloads share the doc of the first signature: only the first of a run of same-named members needs one. */
  function check(members: readonly ts.Node[], prefix: string): void {
    let previous = '';
    for (const member of members) {
      const name = nameOf(member);
      if (ts.isExportDeclaration(member) || ts.isImportDeclaration(member) || ts.isImportEqualsDeclaration(member) || ts.isExportAssignment(member)) continue;
      if (ts.isIndexSignatureDeclaration(member)) continue; // `[code: string]: number` names nothing
      if (ts.isModuleDeclaration(member)) {
        // `global { … }` and `namespace X { … }`: their contents are what a program sees.
        if (member.body && ts.isModuleBlock(member.body)) check(member.body.statements, member.name.getText(file) === 'global' ? '' : `${prefix}${name}.`);
        continue;
      }
      if (ts.isVariableStatement(member)) {
        for (const declaration of member.declarationList.declarations) {
          if (!hasDoc(member)) missing.push(`${prefix}${declaration.name.getText(file)}`);
          if (declaration.type && ts.isTypeLiteralNode(declaration.type)) check(declaration.type.members, `${prefix}${declaration.name.getText(file)}.`);
        }
        continue;
      }
      if (name !== previous && !hasDoc(member) && !ts.isTypeAliasDeclaration(member)) missing.push(`${prefix}${name}`);
      previous = name;
      if (ts.isClassDeclaration(member) || ts.isInterfaceDeclaration(member)) check(member.members, `${prefix}${name}#`);
      if ((ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) && member.type && ts.isTypeLiteralNode(member.type)) check(member.type.members, `${prefix}${name}.`);
    }
  }
  for (const statement of file.statements) {
    const moduleName = ts.isModuleDeclaration(statement) ? statement.name.getText(file).replace(/^'|'$/g, '') : '';
    if (ts.isModuleDeclaration(statement) && ts.isStringLiteral(statement.name)) {
      // `declare module 'node:net'` holds the declarations; `declare module 'net'` only re-exports them.
      if (moduleName.startsWith('node:') && statement.body && ts.isModuleBlock(statement.body)) check(statement.body.statements, `${moduleName}.`);
    } else check([statement], '');
  }
  return missing;
}
