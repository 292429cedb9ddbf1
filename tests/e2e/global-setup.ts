import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { chromiumPathProblem, findChromium, locateChromium } from '../../scripts/machine/chromium';
import { realMachine } from '../../scripts/machine/machine';
import { buildSite, e2eBasePath, e2eDistDir } from './site-build';
import { serveStatic } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served site, ending in the base path: `http://127.0.0.1:PORT/endpoints/`. */
    siteUrl: string;
    /** The base path the site was built with: `/endpoints/`. */
    basePath: string;
    /** The built site on disk (what GitHub Pages would serve). */
    distDir: string;
  }
}

/**
 * Finds Chromium first (so a machine without one stops at once with the finder's sentence, before the build),
 * then builds the site once per run with base `/endpoints/` and serves it on 127.0.0.1. Set
 * ENDPOINTS_E2E_DIST_FRESH=1 to reuse the last build (when only tests changed, not the site).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const machine = realMachine();
  const note = chromiumPathProblem(findChromium(machine));
  if (note !== undefined) console.warn(`[e2e] ${note}`);
  const browser = locateChromium(machine);
  console.log(`[e2e] driving ${browser.path} (${browser.source})`);
  const reuse = process.env.ENDPOINTS_E2E_DIST_FRESH === '1' && existsSync(`${e2eDistDir}/index.html`);
  if (reuse) {
    console.log(`[e2e] reusing the site already built in ${e2eDistDir} (ENDPOINTS_E2E_DIST_FRESH=1)`);
  } else {
    const started = performance.now();
    await buildSite(e2eDistDir);
    console.log(`[e2e] built the site with base ${e2eBasePath} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const site = await serveStatic(e2eDistDir, e2eBasePath);
  console.log(`[e2e] serving ${e2eDistDir} at ${site.url}`);
  project.provide('siteUrl', site.url);
  project.provide('basePath', e2eBasePath);
  project.provide('distDir', e2eDistDir);
  return () => site.close();
}
