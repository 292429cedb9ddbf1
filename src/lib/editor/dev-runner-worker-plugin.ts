/**
 * In `astro dev`, serves the runner worker (src/lib/runner/worker-entry.ts) as ONE classic script.
 *
 * The page hands the worker's source to a sandboxed, opaque-origin frame that starts it from a blob URL, so the
 * worker cannot import anything. `astro build` bundles it that way (`?worker&url`); Vite's dev server does not
 * (it serves modules that import each other), so this middleware bundles it with esbuild on each request.
 */
import { build } from 'esbuild';
import { nodeLibsEsbuild } from '../build/node-libs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { DEV_RUNNER_WORKER_PATH } from './dev-runner-worker-path';


const entry = fileURLToPath(new URL('../runner/worker-entry.ts', import.meta.url));

export function devRunnerWorker(): Plugin {
  return {
    name: 'endpoints:dev-runner-worker',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(async (request, response, next) => {
        if (!request.url?.split('?')[0]?.endsWith(`/${DEV_RUNNER_WORKER_PATH}`)) return next();
        try {
          const result = await build({
            entryPoints: [entry],
            bundle: true,
            format: 'iife',
            platform: 'browser',
            target: 'es2022',
            write: false,
            sourcemap: 'inline',
            logLevel: 'silent',
                  plugins: [nodeLibsEsbuild()],
          });
          response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          response.setHeader('Cache-Control', 'no-store');
          response.end(result.outputFiles[0]?.text ?? '');
        } catch (error) {
          response.statusCode = 500;
          response.end(`/* the runner worker did not build: ${String(error)} */`);
        }
      });
    },
  };
}
