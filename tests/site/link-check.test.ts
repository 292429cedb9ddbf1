import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtPages, checkSite, pageLoads, pagesLoadingMonaco } from '../e2e/link-check';

// Tiny built sites on disk, to prove that the checker the e2e suite runs on the real site can fail.
let distDir = '';
function site(files: Record<string, string>): { distDir: string; basePath: string; siteOrigin: string } {
  distDir = mkdtempSync(join(tmpdir(), 'endpoints-link-check-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(distDir, path)), { recursive: true });
    writeFileSync(join(distDir, path), content);
  }
  return { distDir, basePath: '/endpoints/', siteOrigin: 'https://example.github.io' };
}
afterEach(() => rmSync(distDir, { recursive: true, force: true }));

const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('the built-site link checker', () => {
  it('accepts a site whose links, assets, chunk imports and CSS urls all resolve inside the base', () => {
    const options = site({
      'index.html': page(
        '<a href="nic/network-card/">lesson</a><a href="#intro" id="intro">here</a><img src="/endpoints/_astro/logo.svg" srcset="/endpoints/_astro/logo.svg 1x, /endpoints/_astro/logo@2x.svg 2x">',
        '<link rel="stylesheet" href="/endpoints/_astro/site.css"><script type="module" src="/endpoints/_astro/page.js"></script><link rel="canonical" href="https://example.github.io/endpoints/">',
      ),
      'nic/network-card/index.html': page('<a href="../../">home</a><a href="../../#intro">intro</a>'),
      '_astro/site.css': 'body{background:url(./grain.png)}@font-face{src:url("/endpoints/_astro/font.woff2")}',
      '_astro/grain.png': '',
      '_astro/font.woff2': '',
      '_astro/logo.svg': '<svg/>',
      '_astro/logo@2x.svg': '<svg/>',
      '_astro/page.js': 'import{a as b}from"./chunk.js";const m=()=>import("./lazy.js");',
      '_astro/chunk.js': 'export const a=1;',
      '_astro/lazy.js': 'export default 1;',
    });
    expect(checkSite(options)).toEqual([]);
  });

  it.each([
    ['a root-absolute link that ignores the base', page('<a href="/nic/network-card/">lesson</a>'), 'outside the base path /endpoints/'],
    ['a link to a page that does not exist', page('<a href="ports/">ports</a>'), 'not a file of the built site'],
    ['a missing script', page('', '<script type="module" src="/endpoints/_astro/gone.js"></script>'), 'not a file of the built site'],
    ['a missing srcset candidate', page('<img src="/endpoints/a.png" srcset="/endpoints/a.png 1x, /endpoints/b.png 2x">'), '/endpoints/b.png'],
    ['a fragment with no matching id', page('<a href="#nowhere">x</a>'), 'no element with that id'],
    ['a canonical URL on the site origin without the base', page('', '<link rel="canonical" href="https://example.github.io/nic/">'), 'outside the base path'],
    ['an inline style url() outside the base', page('<div style="background:url(/bg.png)"></div>'), 'outside the base path'],
  ])('reports %s', (_, html, problem) => {
    const options = site({ 'index.html': html, 'a.png': '' });
    const broken = checkSite(options);
    expect(broken).toHaveLength(1);
    expect(`${broken[0]!.reference} ${broken[0]!.problem}`).toContain(problem);
  });

  it.each([
    ['a static chunk import', '_astro/page.js', 'import{x}from"./missing.js";'],
    ['a dynamic chunk import', '_astro/page.js', 'const load=()=>import("./missing.js");'],
    ['a worker URL', '_astro/page.js', 'new Worker(new URL("./missing-worker.js", import.meta.url));'],
    ['a CSS url()', '_astro/site.css', '.a{background:url(/endpoints/_astro/missing.png)}'],
  ])('reports a missing file behind %s', (_, file, content) => {
    const options = site({ 'index.html': page(''), [file]: content });
    expect(checkSite(options).map((broken) => broken.file)).toEqual([file]);
  });

  it('reports search index files that pagefind-entry.json names but the build lacks', () => {
    const options = site({
      'index.html': page(''),
      'pagefind/pagefind-entry.json': JSON.stringify({ languages: { en: { hash: 'en_123', wasm: 'en' } } }),
      'pagefind/pagefind.en_123.pf_meta': '',
    });
    expect(checkSite(options)).toEqual([
      { file: 'pagefind/pagefind-entry.json', reference: 'pagefind/wasm.en.pagefind', problem: 'is named by the search index but missing' },
    ]);
  });

  it('ignores other websites, mail links and data URLs', () => {
    const options = site({ 'index.html': page('<a href="https://nodejs.org/api/net.html">net</a><a href="mailto:a@b.c">m</a><img src="data:image/png;base64,AA==">') });
    expect(checkSite(options)).toEqual([]);
  });
});

describe('what a page loads before activation', () => {
  const monacoSite = () =>
    site({
      'lesson/index.html': page('', '<link rel="stylesheet" href="/endpoints/_astro/lesson.css"><script type="module" src="/endpoints/_astro/lesson.js"></script>'),
      'other/index.html': page('', '<script type="module" src="/endpoints/_astro/lazy-only.js"></script>'),
      '_astro/lesson.css': 'body{}',
      '_astro/lesson.js': 'import"./editor-glue.js";',
      '_astro/editor-glue.js': 'self.MonacoEnvironment={getWorker(){}};',
      '_astro/lazy-only.js': 'button.onclick=()=>import("./editor-glue.js");',
    });

  it('follows static imports, not dynamic ones', () => {
    const loads = pageLoads(monacoSite());
    expect(loads.find((load) => load.page === 'lesson/index.html')?.scripts).toEqual(['_astro/editor-glue.js', '_astro/lesson.js']);
    expect(loads.find((load) => load.page === 'other/index.html')?.scripts).toEqual(['_astro/lazy-only.js']);
  });

  it('names the page that pulls Monaco in up front, and spares the page that imports it on demand', () => {
    expect(pagesLoadingMonaco(monacoSite())).toEqual([{ page: 'lesson/index.html', files: ['_astro/editor-glue.js'] }]);
  });

  it('catches Monaco CSS linked in the head', () => {
    const options = site({
      'index.html': page('', '<link rel="stylesheet" href="/endpoints/_astro/x.css">'),
      '_astro/x.css': '.monaco-editor .view-lines{white-space:nowrap}',
    });
    expect(pagesLoadingMonaco(options)).toEqual([{ page: 'index.html', files: ['_astro/x.css'] }]);
  });
});

describe('the list of built pages', () => {
  it('names every folder page relative to the base, without the 404 page', () => {
    const options = site({ 'index.html': '', '404.html': '', 'nic/network-card/index.html': '', '_astro/x.js': '' });
    expect(builtPages(options.distDir)).toEqual(['', 'nic/network-card/']);
  });
});
