import { describe, expect, it } from 'vitest';
import { editorBundle, type BuiltFile } from '../../src/lib/offline/editor-bundle';

const js = (name: string, text: string, bytes = text.length): BuiltFile => ({ path: `_astro/${name}`, bytes, text });
const bin = (name: string, bytes: number): BuiltFile => ({ path: `_astro/${name}`, bytes });

/** A build shaped like the real one: a page script that imports the editor on a click, a playground, workers. */
const build: BuiltFile[] = [
  { path: 'ports/echo-server/index.html', bytes: 900, text: '<script type="module" src="/endpoints/_astro/boot.A1.js"></script><link rel="stylesheet" href="/endpoints/_astro/page.B2.css">' },
  { path: 'index.html', bytes: 500, text: '<script type="module" src="/endpoints/_astro/playground.C3.js"></script>' },
  { path: 'pagefind/pagefind.js', bytes: 100, text: '' },
  js(
    'boot.A1.js',
    'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/island.E5.js","_astro/editor.api.G7.js","_astro/progress.D4.js"])))=>i.map(i=>d[i]);' +
      'import{p}from"./progress.D4.js";button.onclick=()=>__vitePreload(()=>import("./island.E5.js"),__vite__mapDeps([0,1,2]))',
  ),
  js('page.B2.css', 'body{}'),
  js('playground.C3.js', 'import("./xterm.F6.js")'),
  js('progress.D4.js', 'export const p=1'),
  js('island.E5.js', 'import{a}from"./editor.api.G7.js";import{p}from"./progress.D4.js";import"./xterm.F6.js";const runner="/endpoints/_astro/worker-entry-H8.js";new Worker(new URL("/endpoints/_astro/ts.worker-I9.js",import.meta.url))', 2000),
  js('editor.api.G7.js', 'const css="url(/endpoints/_astro/codicon.J0.ttf)";()=>import("./tsMode.K1.js")', 700_000),
  js('tsMode.K1.js', 'export{}', 170_000),
  js('worker-entry-H8.js', 'self.onmessage=()=>{}', 88_000),
  js('ts.worker-I9.js', '/* typescript */', 1_500_000),
  js('xterm.F6.js', 'export{}', 80_000),
  bin('codicon.J0.ttf', 75_000),
];

describe('the editor bundle: what only "Open the editor" loads', () => {
  it('starts with the entry and its static imports, then the rest smallest first', () => {
    expect(editorBundle('_astro/island.E5.js', build)).toEqual({
      entry: '_astro/island.E5.js',
      files: [
        '_astro/island.E5.js',
        '_astro/editor.api.G7.js',
        '_astro/codicon.J0.ttf',
        '_astro/worker-entry-H8.js',
        '_astro/tsMode.K1.js',
        '_astro/ts.worker-I9.js',
      ],
    });
  });

  it('leaves out what a page loads without the editor (shared chunks, the playground’s terminal)', () => {
    const { files } = editorBundle('_astro/island.E5.js', build);
    expect(files).not.toContain('_astro/progress.D4.js');
    expect(files).not.toContain('_astro/xterm.F6.js');
    expect(files).not.toContain('_astro/boot.A1.js');
  });

  it('refuses an entry the build does not have', () => {
    expect(() => editorBundle('_astro/island.gone.js', build)).toThrow(/island\.gone\.js is not in the build/);
  });
});
