/**
 * What the test-machine setup asks of the computer it runs on, as one interface, so that the finder's every
 * branch (root or not, Debian or not, an install that works or fails) is tested without touching this one.
 * `realMachine()` is the computer itself.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';

export interface CommandResult {
  /** Exited with status 0. */
  readonly ok: boolean;
  /** stdout and stderr together, in order of arrival (or why the command could not start). */
  readonly output: string;
}

export interface Machine {
  /** Environment variables (CHROMIUM_PATH, PATH). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Undefined where there are no user ids (Windows). */
  readonly uid: number | undefined;
  /** The text of /etc/os-release, or undefined when there is none (macOS, Windows). */
  readonly osRelease: string | undefined;
  /** An existing regular file this user may execute. */
  fileExists(path: string): boolean;
  /** The first executable `name` on PATH. */
  which(name: string): string | undefined;
  run(command: string, args: readonly string[], extraEnv?: Readonly<Record<string, string>>): Promise<CommandResult>;
  /** Where Playwright's installer puts the Chromium this playwright-core drives (present or not). */
  playwrightChromium(): string;
  /** How to start playwright-core's command line: this Node and its `cli.js`. */
  readonly playwrightCommand: readonly [string, ...string[]];
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function readOsRelease(): string | undefined {
  for (const path of ['/etc/os-release', '/usr/lib/os-release']) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      // try the next one
    }
  }
  return undefined;
}

function runCommand(command: string, args: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ ok: false, output: `${output}${error.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

export function realMachine(env: Readonly<Record<string, string | undefined>> = process.env): Machine {
  const require = createRequire(import.meta.url);
  const playwrightDir = dirname(require.resolve('playwright-core/package.json'));
  return {
    env,
    uid: process.getuid?.(),
    osRelease: readOsRelease(),
    fileExists: isExecutableFile,
    which(name) {
      for (const directory of (env.PATH ?? '').split(delimiter)) {
        if (directory === '') continue;
        const candidate = join(directory, name);
        if (isExecutableFile(candidate)) return candidate;
      }
      return undefined;
    },
    run: (command, args, extraEnv = {}) => runCommand(command, args, { ...env, ...extraEnv }),
    // Loaded only when asked: playwright-core is large, and the two-host tests use this machine too.
    playwrightChromium: () => (require('playwright-core') as typeof import('playwright-core')).chromium.executablePath(),
    playwrightCommand: [process.execPath, join(playwrightDir, 'cli.js')],
  };
}
