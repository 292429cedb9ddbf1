import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../support/import-graph';

const ROOT = join(import.meta.dirname, '../../src/lib/netsim');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // Declaration files (.d.ts) only describe types: they may name Node's types.
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

const RULES: { pattern: RegExp; advice: string }[] = [
  { pattern: /from\s+['"]node:|require\(['"]node:/, advice: 'imports a node: module; netsim must run unchanged in a Web Worker: use node/libs.ts (the userland copies of Node modules) or plain TypeScript instead' },
  { pattern: /from\s+['"][^'"]*components/, advice: 'imports from src/components; the emulator must not depend on the UI: move the shared code into src/lib' },
  { pattern: /(?<![.\w#])(document|window|localStorage|navigator)\.|\bHTML\w*Element\b/, advice: 'uses a DOM type or global; netsim runs in a worker and in vitest without a DOM: pass what you need in through the API' },
  { pattern: /(?<![.\w#])process\.(env|nextTick|hrtime|on|exit)\b|(?:^|[=(,;:?]\s*|return\s+|globalThis\.)(setTimeout|setInterval)\(/, advice: 'uses real process or real timers; netsim runs in virtual time: use the Clock (clock.ts) or the process timers (faces/timers.ts)' },
];

describe('netsim architecture', () => {
  it('imports no node: module, no DOM, no components and no real timers', () => {
    const problems: string[] = [];
    for (const file of sources(ROOT)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*\*)/.test(line)) return;
        for (const rule of RULES) {
          if (rule.pattern.test(line)) problems.push(`${relative(ROOT, file)}:${i + 1} ${rule.advice}`);
        }
      });
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('has no import cycle (type-only imports and re-exports count too)', () => {
    const graph = importGraph(sources(ROOT).map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, 'utf8') })));
    const cycles = importCycles(graph).map((cycle) => `import cycle: ${cycle.join(' → ')}`);
    const advice = 'move what both sides need into a module below them (a plain record or interface the lower file owns), so imports only point down';
    expect(cycles, `${cycles.join('\n')}\n${advice}`).toEqual([]);
  });
});
