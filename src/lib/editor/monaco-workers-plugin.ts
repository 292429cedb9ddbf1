/**
 * A Vite plugin that keeps Monaco's language workers from loading every editor feature.
 *
 * Monaco's language features (TypeScript's among them) start their workers through one shared module,
 * `vs/internal/common/workers.js`, which also imports Monaco's whole list of editor contributions (folding,
 * sticky scroll, inline completions, colour picker…: about 150 KB gz the course never asked for) the moment
 * the first TypeScript model appears. This plugin answers imports of that module with ours
 * (`monaco-web-worker.ts`), which starts the worker the same way and imports nothing else, so the editor keeps
 * exactly the contributions monaco-setup.ts chose.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const replacement = fileURLToPath(new URL('./monaco-web-worker.ts', import.meta.url));
const WORKERS_MODULE = /[\\/]monaco-editor[\\/]esm[\\/]vs[\\/]internal[\\/]common[\\/]workers\.js$/;

export function monacoWorkersWithoutContributions(): Plugin {
  return {
    name: 'endpoints:monaco-workers-without-contributions',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/[\\/]monaco-editor[\\/]/.test(importer) || !source.endsWith('workers.js')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && WORKERS_MODULE.test(resolved.id) ? replacement : null;
    },
  };
}
