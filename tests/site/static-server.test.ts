import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticSite } from '../e2e/static-server';

let root = '';
let served: StaticSite;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'endpoints-static-'));
  mkdirSync(join(root, 'nic/network-card'), { recursive: true });
  writeFileSync(join(root, 'index.html'), 'home');
  writeFileSync(join(root, '404.html'), 'not here');
  writeFileSync(join(root, 'nic/network-card/index.html'), 'lesson');
  for (const name of ['a.wasm', 'a.mjs', 'a.svg', 'a.css', 'a.js']) writeFileSync(join(root, name), '');
  served = await serveStatic(root, '/endpoints/');
});
afterAll(async () => {
  await served.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string) => fetch(new URL(path, served.url), { redirect: 'manual' });

describe('the static server the browser tests use', () => {
  it('serves under the base path on 127.0.0.1', () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/endpoints\/$/);
  });

  it.each([
    ['a.wasm', 'application/wasm'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.css', 'text/css; charset=utf-8'],
    ['', 'text/html; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it('serves a folder’s index.html, and redirects the folder without its slash like GitHub Pages', async () => {
    expect(await (await get('nic/network-card/')).text()).toBe('lesson');
    const redirect = await get('nic/network-card');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/endpoints/nic/network-card/');
  });

  it.each([['nic/missing/'], ['/nic/network-card/'], ['/endpoints/../../etc/passwd']])('answers %s with the site’s 404 page', async (path) => {
    const response = await fetch(new URL(path, served.url));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('not here');
  });
});

describe('the static server, answering like GitHub Pages (for the benchmarks and the offline tests)', () => {
  let pages: StaticSite;
  let other = '';
  beforeAll(async () => {
    writeFileSync(join(root, 'big.js'), 'console.log("hello");\n'.repeat(200));
    other = mkdtempSync(join(tmpdir(), 'endpoints-static-next-'));
    writeFileSync(join(other, 'index.html'), 'home, next version');
    pages = await serveStatic(root, '/endpoints/', { likeGitHubPages: true });
  });
  afterAll(async () => {
    await pages.close();
    rmSync(other, { recursive: true, force: true });
  });

  it('gzips text, says how long to cache it, and answers a matching ETag with 304', async () => {
    const url = new URL('big.js', pages.url);
    const first = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(first.headers.get('cache-control')).toBe('max-age=600');
    expect(await first.text()).toBe('console.log("hello");\n'.repeat(200));
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(url, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('serves a new build at the same address after serveFrom', async () => {
    expect(await (await fetch(pages.url)).text()).toBe('home');
    pages.serveFrom(other);
    expect(await (await fetch(pages.url)).text()).toBe('home, next version');
    pages.serveFrom(root);
  });
});
