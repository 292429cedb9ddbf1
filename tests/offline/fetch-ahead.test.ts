import { describe, expect, it } from 'vitest';
import { editorFilesFrom, fetchAheadVerdict, MAX_EDITOR_FILES } from '../../src/lib/offline/fetch-ahead';

describe('fetching the editor ahead', () => {
  it.each([
    [undefined, false, true],
    [{}, false, true],
    [{ type: 'wifi', effectiveType: '4g' }, false, true],
    [{ effectiveType: '3g' }, false, true],
    [{ saveData: true }, false, false],
    [{ type: 'wifi' }, true, false],
    [{ type: 'cellular', effectiveType: '4g' }, false, false],
    [{ effectiveType: '2g' }, false, false],
    [{ effectiveType: 'slow-2g' }, false, false],
  ])('connection %j, reduced data %s → fetch %s', (connection, reducedData, fetch) => {
    expect(fetchAheadVerdict(connection, reducedData).fetch).toBe(fetch);
  });

  it('says why it holds back', () => {
    expect(fetchAheadVerdict({ saveData: true })).toEqual({ fetch: false, reason: 'the browser asks to save data' });
  });
});

describe('the editor bundle list, read as untrusted', () => {
  it('keeps built asset paths in order, once each', () => {
    expect(editorFilesFrom({ entry: 'x', files: ['_astro/island.A.js', '_astro/ts.worker-B.js', '_astro/island.A.js'], extra: 1 })).toEqual([
      '_astro/island.A.js',
      '_astro/ts.worker-B.js',
    ]);
  });

  it.each([[null], ['files'], [{ files: 'x' }], [{}], [[1, 2]]])('gives nothing for %j', (json) => {
    expect(editorFilesFrom(json)).toEqual([]);
  });

  it('drops paths outside the built assets', () => {
    expect(editorFilesFrom({ files: ['https://evil.example/x.js', '/_astro/a.js', '_astro/../sw.js', '_astro/a/b.js', 7, '_astro/ok.js'] })).toEqual(['_astro/ok.js']);
  });

  it(`stops at ${MAX_EDITOR_FILES} files`, () => {
    const files = Array.from({ length: 1000 }, (_, index) => `_astro/f${index}.js`);
    expect(editorFilesFrom({ files })).toHaveLength(MAX_EDITOR_FILES);
  });
});
