/**
 * The site as it was at another commit, built and served beside this one, so a bench prints "before" and
 * "after" in the same run: `BENCH_BASELINE_REF=<commit>` exports that commit's files (`git archive`), lends
 * them this checkout's node_modules (hard links), and builds them with the e2e base path. The build is kept per commit.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, e2eBasePath, repoRoot } from '../tests/e2e/site-build';
import { serveStatic, type ServeOptions } from '../tests/e2e/static-server';

export interface ServedSite {
  label: string;
  url: string;
  close(): Promise<void>;
}

export async function baselineSite(ref: string, serve: ServeOptions = {}): Promise<ServedSite> {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: repoRoot, encoding: 'utf8' }).trim();
  const root = `/tmp/endpoints-bench-baseline-${commit.slice(0, 12)}`;
  const dist = join(root, 'dist-bench');
  if (!existsSync(join(dist, 'index.html'))) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    // `git archive | tar -x`: the commit's tracked files, nothing else.
    execFileSync('sh', ['-c', `git archive --format=tar ${commit} | tar -x -C ${root}`], { cwd: repoRoot });
    // Hard links, not a symlink: Astro resolves a symlinked node_modules to its real place outside the
    // baseline's root and then cannot find its own compiled styles. Vite's and Astro's caches are left out, so
    // what the baseline's build writes there is its own.
    execFileSync('cp', ['-al', join(repoRoot, 'node_modules'), join(root, 'node_modules')]);
    rmSync(join(root, 'node_modules/.vite'), { recursive: true, force: true });
    rmSync(join(root, 'node_modules/.astro'), { recursive: true, force: true });
    await buildSite(dist, e2eBasePath, root);
  }
  const site = await serveStatic(dist, e2eBasePath, serve);
  return { label: `before (${commit.slice(0, 7)})`, url: site.url, close: () => site.close() };
}

/**
 * The sites a bench measures: with BENCH_BASELINE_REF the commit's ("before"), then this checkout's at `url`
 * ("after"); without it, this checkout's only. The caller closes them.
 */
export async function sitesToMeasure(url: string, serve: ServeOptions = {}): Promise<ServedSite[]> {
  const ref = process.env.BENCH_BASELINE_REF;
  const before = ref ? [await baselineSite(ref, serve)] : [];
  return [...before, { label: ref ? 'after (this checkout)' : 'this checkout', url, close: async () => undefined }];
}
