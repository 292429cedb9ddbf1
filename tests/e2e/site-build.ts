import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The base path the browser tests build with: a GitHub Pages project site, so base-path bugs show. */
export const e2eBasePath = '/endpoints/';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the tests' build goes; ignored by git (test-results/), separate from `npm run build`'s dist/. */
export const e2eDistDir = process.env.ENDPOINTS_E2E_DIST ?? fileURLToPath(new URL('../../test-results/site/', import.meta.url)).replace(/\/$/, '');

/**
 * Builds the site with the e2e base path into `outDir`, with the Node running this process (Node 22 under
 * `npm test`), from the sources in `root` (this checkout unless told). Rejects with the build's output when it fails, so the reason is in the test log.
 */
export function buildSite(outDir: string, basePath = e2eBasePath, root = repoRoot): Promise<void> {
  const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], {
      cwd: root,
      // vitest sets NODE_ENV=test, which makes Astro build a non-production site (no search, for one).
      env: { ...process.env, NODE_ENV: 'production', BASE_PATH: basePath, SITE_URL: 'https://example.github.io' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && existsSync(`${outDir}/index.html`)) resolve();
      else reject(new Error(`astro build (base ${basePath}) failed with exit code ${code}:\n${output.slice(-6000)}`));
    });
  });
}
