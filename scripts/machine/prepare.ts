/**
 * The step `npm test` (and `test:unit`, `test:e2e`, `bench`) runs before the tests: makes sure of Chromium
 * and of the system tools the tests use, installing what it can, and prints one line per thing. Returns the
 * process's exit status: 1, after one sentence on stderr, when there is no Chromium and none could be got.
 */
import { ensureChromium } from './chromium.ts';
import { apt } from './debian.ts';
import type { Machine } from './machine.ts';
import { SetupError } from './setup-error.ts';
import { ensureTool, toolsTheTestsNeed } from './system-tools.ts';

export interface Output {
  info(line: string): void;
  problem(line: string): void;
}

export interface Wanted {
  readonly browser: boolean;
  readonly tools: boolean;
}

const seconds = (since: number) => `${Math.round((performance.now() - since) / 1000)} s`;

/** `, Chromium 156.0.8078.108 built on Debian…`, or nothing when the browser does not say. */
async function chromiumVersion(machine: Machine, path: string): Promise<string> {
  const result = await machine.run(path, ['--version']);
  // Debian's launcher script may print shell noise on stderr around the version line.
  const line = result.output.split('\n').find((text) => /(Chromium|Chrome)\S* \d+\./.test(text));
  return result.ok && line !== undefined ? `, ${line.trim()}` : '';
}

export async function prepareTestMachine(machine: Machine, wanted: Wanted, out: Output): Promise<number> {
  const say = (line: string) => out.info(`[setup] ${line}`);
  const debian = apt(machine);
  try {
    if (wanted.browser) {
      const started = performance.now();
      const chromium = await ensureChromium(machine, say, debian);
      const how = chromium.installed ? `installed in ${seconds(started)}: ` : '';
      say(`Chromium: ${how}${chromium.path} (${chromium.source}${await chromiumVersion(machine, chromium.path)})`);
    }
    if (wanted.tools) {
      for (const name of toolsTheTestsNeed) {
        const started = performance.now();
        const status = await ensureTool(machine, name, say, debian);
        if (status.path === undefined) say(`${name}: ${status.skipReason}`);
        else say(`${name}: ${status.installed ? `installed in ${seconds(started)}: ` : ''}${status.path}`);
      }
    }
    return 0;
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    out.problem(error.message);
    return 1;
  }
}
