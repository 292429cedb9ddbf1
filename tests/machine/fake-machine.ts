/**
 * A Machine made of plain data for the setup's tests: which files exist, what is on PATH, who runs it, and
 * how each command answers (an answer may add files, as an install does). Every command run is recorded.
 */
import type { CommandResult, Machine } from '../../scripts/machine/machine';

export const DEBIAN_OS_RELEASE = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n';
export const UBUNTU_OS_RELEASE = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
export const PLAYWRIGHT_CHROMIUM = '/home/learner/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

/** What a command does: its result, and the files (full paths) it leaves behind. */
export interface Answer {
  readonly ok: boolean;
  readonly output?: string;
  readonly creates?: readonly string[];
}

export interface FakeSpec {
  readonly env?: Record<string, string>;
  readonly uid?: number;
  readonly osRelease?: string;
  /** Executable files present at the start, PATH entries included (`/usr/bin/apt-get`). */
  readonly files?: readonly string[];
  /** PATH directories, searched in order. */
  readonly path?: readonly string[];
  /** Answers keyed by the command line as typed: `apt-get update -q`. Unlisted commands fail. */
  readonly answers?: Readonly<Record<string, Answer>>;
}

export interface FakeMachine extends Machine {
  /** Command lines run, in order, with extra environment as `VAR=value ` prefixes. */
  readonly ran: string[];
}

export function fakeMachine(spec: FakeSpec): FakeMachine {
  const files = new Set(spec.files ?? []);
  const path = spec.path ?? ['/usr/local/bin', '/usr/bin', '/bin'];
  const ran: string[] = [];
  return {
    env: { PATH: path.join(':'), ...spec.env },
    uid: spec.uid ?? 1000,
    osRelease: spec.osRelease,
    ran,
    fileExists: (file) => files.has(file),
    which: (name) => path.map((directory) => `${directory}/${name}`).find((file) => files.has(file)),
    async run(command, args, extraEnv = {}): Promise<CommandResult> {
      const line = [command, ...args].join(' ');
      ran.push(`${Object.entries(extraEnv).map(([name, value]) => `${name}=${value} `).join('')}${line}`);
      const answer = spec.answers?.[line] ?? { ok: false, output: `${command}: not found` };
      for (const file of answer.creates ?? []) files.add(file);
      return { ok: answer.ok, output: answer.output ?? '' };
    },
    playwrightChromium: () => PLAYWRIGHT_CHROMIUM,
    playwrightCommand: ['/opt/node22/bin/node', '/repo/node_modules/playwright-core/cli.js'],
  };
}

export const PLAYWRIGHT_INSTALL = '/opt/node22/bin/node /repo/node_modules/playwright-core/cli.js install --no-shell chromium';
