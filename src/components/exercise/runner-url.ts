/**
 * The URL of the runner worker (src/lib/runner/worker-entry.ts) as one classic script. The page fetches it
 * as text and hands it to the sandbox frame, which starts it from a blob URL. `astro build` bundles it with
 * Vite (`?worker&url`); in `astro dev` the dev-runner-worker plugin serves an esbuild bundle instead.
 */
import { DEV_RUNNER_WORKER_PATH } from '../../lib/editor/dev-runner-worker-path';

const builds = import.meta.glob<string>('../../lib/runner/worker-entry.ts', {
  query: '?worker&url',
  import: 'default',
  eager: true,
});

export function runnerWorkerUrl(): string {
  if (import.meta.env.DEV) return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${DEV_RUNNER_WORKER_PATH}`;
  const url = Object.values(builds)[0];
  if (!url) throw new Error('this build has no runner: src/lib/runner/worker-entry.ts is missing');
  return url;
}
