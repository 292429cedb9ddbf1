/**
 * A Vite plugin that keeps Monaco's CSS out of the page head.
 *
 * Monaco's modules import their own CSS (`import './suggest.css'`). Astro gathers the CSS of every module a
 * page script can reach — dynamic imports included — and links it in the page's `<head>`, so every lesson
 * would load ~28 KB gz of editor CSS before anyone opens the editor. This plugin turns each of those imports
 * into a small module that adds the CSS as a `<style>` when the editor's code actually runs. Relative
 * `url(./font.ttf)` references become asset imports, so the font is still emitted and found under `base`.
 *
 * Use in astro.config.mjs: `vite: { plugins: [monacoCssAtRuntime()] }`.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = '\0endpoints-monaco-css:';
const SUFFIX = '.inject.js';

const isMonacoCss = (source: string, importer: string | undefined) =>
  source.endsWith('.css') && importer !== undefined && /[\\/]monaco-editor[\\/]/.test(importer);

export function monacoCssAtRuntime(): Plugin {
  return {
    name: 'endpoints:monaco-css-at-runtime',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!isMonacoCss(source, importer)) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      // The suffix keeps Vite's own CSS pipeline from claiming the module.
      return resolved ? `${PREFIX}${resolved.id}${SUFFIX}` : null;
    },
    async load(id) {
      if (!id.startsWith(PREFIX) || !id.endsWith(SUFFIX)) return null;
      const file = id.slice(PREFIX.length, -SUFFIX.length);
      const css = await readFile(file, 'utf8');
      const assets: string[] = [];
      // url(./x) → a placeholder replaced at runtime by the built asset's URL.
      const template = css.replace(/url\((['"]?)(\.{1,2}\/[^'")]+)\1\)/g, (_match, _quote, path: string) => {
        assets.push(resolve(dirname(file), path));
        return `url("__endpoints_asset_${assets.length - 1}__")`;
      });
      return [
        ...assets.map((asset, index) => `import asset${index} from ${JSON.stringify(`${asset}?url`)};`),
        `const assets = [${assets.map((_, index) => `asset${index}`).join(', ')}];`,
        `const css = ${JSON.stringify(template)}.replace(/__endpoints_asset_(\\d+)__/g, (_, index) => assets[Number(index)]);`,
        `if (typeof document !== 'undefined') {`,
        `  const style = document.createElement('style');`,
        `  style.dataset.monacoCss = '';`,
        `  style.textContent = css;`,
        `  document.head.append(style);`,
        `}`,
      ].join('\n');
    },
  };
}
