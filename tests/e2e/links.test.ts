import { describe, expect, inject, it } from 'vitest';
import { checkSite, pageLoads, pagesLoadingMonaco } from './link-check';

const options = { distDir: inject('distDir'), basePath: inject('basePath'), siteOrigin: 'https://example.github.io' };

describe('the site built with base /endpoints/', () => {
  it('has no reference (link, script, stylesheet, image, CSS url, chunk import, search asset) that would 404', () => {
    const broken = checkSite(options);
    const readable = broken.map(({ file, reference, problem }) => `${file}: "${reference}" ${problem}`).join('\n');
    expect(broken, `references that would fail on GitHub Pages:\n${readable}`).toEqual([]);
  });

  it('loads no Monaco code or CSS on any page before the editor is activated', () => {
    const offenders = pagesLoadingMonaco(options);
    const readable = offenders.map(({ page, files }) => `${page} loads ${files.join(', ')}`).join('\n');
    expect(offenders, `pages that load Monaco up front (import it dynamically, on activation):\n${readable}`).toEqual([]);
  });

  it('prints what each page loads up front', () => {
    const loads = pageLoads(options);
    for (const { page, stylesheets, scripts } of loads) {
      console.log(`${page}: ${stylesheets.length} stylesheet(s) [${stylesheets.join(', ')}], ${scripts.length} script(s) [${scripts.join(', ')}]`);
    }
    expect(loads.map(({ page }) => page)).toContain('nic/network-card/index.html');
  });
});
