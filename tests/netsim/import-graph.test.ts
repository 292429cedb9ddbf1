import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../support/import-graph';

const graphOf = (files: Record<string, string>) => importGraph(Object.entries(files).map(([file, text]) => ({ file, text })));

describe('the import-graph walker behind the architecture test', () => {
  it('finds every kind of edge: import, import type, export from, side effect, dynamic; not comments or strings', () => {
    const graph = graphOf({
      'a.ts': [
        "/** import { x } from './c' */",
        "// import y from './c'",
        "import type { B } from './b';",
        "import {\n  D, // trailing\n} from './dir/d';",
        "export * from './e.js';",
        "export type { F } from './f';",
        "import './g';",
        "const h = () => import('./dir');",
        "const s = \"import z from './c'\";",
        "import { readFileSync } from 'node:fs';",
      ].join('\n'),
      'b.ts': '',
      'c.ts': '',
      'dir/d.ts': "import { A } from '../a';",
      'dir/index.ts': '',
      'e.ts': '',
      'f.ts': '',
      'g.ts': '',
    });
    expect(graph.get('a.ts')).toEqual(['b.ts', 'dir/d.ts', 'e.ts', 'f.ts', 'g.ts', 'dir/index.ts']);
    expect(graph.get('dir/d.ts')).toEqual(['a.ts']);
  });

  it('reports each cycle once, as the shortest way round through each import in it; a type-only import closes one too', () => {
    const cycles = importCycles(
      graphOf({
        'tcp.ts': "import type { Stack } from './network';\nimport { Base } from './tcp-base';",
        'tcp-base.ts': "import type { TcpSocket } from './tcp';",
        'network.ts': "import { TcpSocket } from './tcp';\nimport { UdpSocket } from './udp';",
        'udp.ts': "import type { Stack } from './network';",
        'clock.ts': '',
        'self.ts': "export * from './self';",
        'faces/a.ts': "import { b } from './b';\nimport { Clock } from '../clock';",
        'faces/b.ts': "import type { A } from './a';",
      }),
    );
    expect(cycles).toEqual([
      ['tcp.ts', 'network.ts', 'tcp.ts'],
      ['tcp.ts', 'tcp-base.ts', 'tcp.ts'],
      ['network.ts', 'udp.ts', 'network.ts'],
      ['self.ts', 'self.ts'],
      ['faces/a.ts', 'faces/b.ts', 'faces/a.ts'],
    ]);
  });

  it('shows a longer cycle from its first file, once however many of its imports lead round it', () => {
    const cycles = importCycles(graphOf({ 'a.ts': "import './b';", 'b.ts': "import './c';", 'c.ts': "import type { A } from './a';" }));
    expect(cycles).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('finds none where imports only point down', () => {
    expect(importCycles(graphOf({ 'top.ts': "import './mid';", 'mid.ts': "import type { X } from './low';", 'low.ts': '' }))).toEqual([]);
  });
});
