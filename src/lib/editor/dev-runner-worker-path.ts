/** Path, below the site's base, where `astro dev` serves the bundled runner worker (see dev-runner-worker-plugin). */
export const DEV_RUNNER_WORKER_PATH = '@endpoints/runner-worker.js';
