/**
 * The import graph of a folder of TypeScript files, and the cycles in it. Every edge counts: `import`,
 * `import type`, `export … from`, side-effect and dynamic imports (TypeScript's own pre-processor finds
 * them, so comments and strings are never mistaken for imports). Only relative imports inside the folder
 * are edges; packages are outside the graph.
 */
import ts from 'typescript';

/** File (a path relative to the folder, with `/`) → the files it imports, in the order written. */
export type ImportGraph = Map<string, string[]>;

export function importGraph(files: readonly { file: string; text: string }[]): ImportGraph {
  const known = new Set(files.map((f) => f.file));
  const graph: ImportGraph = new Map();
  for (const { file, text } of files) {
    const targets: string[] = [];
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      const target = resolveRelative(file, fileName, known);
      if (target !== undefined && !targets.includes(target)) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** `./x`, `../x`, `./x.js`, `./dir` → the file it names among `known`, or undefined (a package). */
function resolveRelative(from: string, specifier: string, known: Set<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  const base = parts.join('/').replace(/\.(js|ts)$/, '');
  for (const candidate of [`${base}.ts`, `${base}/index.ts`]) if (known.has(candidate)) return candidate;
  return undefined;
}

/**
 * The cycles in the graph, each as a path that starts and ends at the same file, e.g.
 * `['network.ts', 'tcp.ts', 'network.ts']`. For every import that lies inside a knot (a set of files that
 * all reach each other), the shortest way back round through it; each cycle once, starting at the file
 * that comes first in the graph's order. An empty list means the imports only ever point one way.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const order = [...graph.keys()];
  const seen = new Set<string>();
  const cycles: string[][] = [];
  for (const knot of knots(graph)) {
    const inside = new Set(knot);
    for (const from of knot) {
      for (const to of graph.get(from) ?? []) {
        if (!inside.has(to)) continue;
        const back = shortestPath(graph, inside, to, from);
        const cycle = rotateToFirst([from, ...back], order);
        const key = cycle.join('\n');
        if (seen.has(key)) continue;
        seen.add(key);
        cycles.push(cycle);
      }
    }
  }
  return cycles;
}

/** `[a, b, c]` (a → b → c → a) turned to start at its earliest file, closed: `[b, c, a, b]`. */
function rotateToFirst(ring: string[], order: string[]): string[] {
  let first = 0;
  for (let i = 1; i < ring.length; i++) if (order.indexOf(ring[i]!) < order.indexOf(ring[first]!)) first = i;
  const rotated = [...ring.slice(first), ...ring.slice(0, first)];
  return [...rotated, rotated[0]!];
}

/** Tarjan's strongly connected components with more than one file, or one file importing itself. */
function knots(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;

  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const members: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      members.push(member);
    } while (member !== file);
    if (members.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(members);
  };

  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  const order = [...graph.keys()];
  return found.map((members) => members.sort((a, b) => order.indexOf(a) - order.indexOf(b)));
}

/** Breadth-first from `start` to `goal` inside the knot: the files on the way, `goal` excluded (empty when they are one file). */
function shortestPath(graph: ImportGraph, inside: Set<string>, start: string, goal: string): string[] {
  if (start === goal) return [];
  const cameFrom = new Map<string, string>([[start, start]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    for (const target of graph.get(file) ?? []) {
      if (!inside.has(target) || cameFrom.has(target)) continue;
      cameFrom.set(target, file);
      if (target === goal) {
        const path: string[] = [];
        for (let at = file; at !== start; at = cameFrom.get(at)!) path.unshift(at);
        return [start, ...path];
      }
      queue.push(target);
    }
  }
  throw new Error(`${goal} is not reachable from ${start}: not a knot`);
}
