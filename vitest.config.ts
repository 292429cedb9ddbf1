import { defineConfig } from 'vitest/config';
import { nodeLibsVite } from './src/lib/build/node-libs.ts';

// Two projects: `unit` (src/lib, exercises, content, differential suite: Node only) and `e2e` (real Chromium
// against the built site). `npm test` runs both; `npm run test:unit` / `test:e2e` run one.
export default defineConfig({
  // netsim's Node libraries (readable-stream, buffer, events…) as one bundle, the same as in the browser.
  plugins: [nodeLibsVite()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        // `npm run bench`: files that print figures; they assert nothing about time.
        test: {
          name: 'bench',
          include: ['bench/**/*.bench.ts'],
          environment: 'node',
          testTimeout: 300_000,
          fileParallelism: false,
          // Heap figures need `global.gc()`; forks (a child process) accept V8 flags.
          pool: 'forks',
          execArgv: ['--expose-gc'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Two files at once, each with its own Chromium: a file spends much of its time waiting on its
          // browser, and two at a time took the suite from about 560 s to 440 s on a 2-core machine (CI's
          // aim is 10 minutes for all of `npm test`). Tests wait for states of the page, not for fixed times.
          maxWorkers: 2,
        },
      },
    ],
  },
});
