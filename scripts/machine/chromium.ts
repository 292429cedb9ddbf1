/**
 * The one place that decides which Chromium the browser tests and benchmarks drive, and gets one when the
 * machine has none. Looked for in this order: CHROMIUM_PATH, Debian's /usr/bin/chromium, a Chromium or
 * Chrome on PATH, the one Playwright's installer downloads for this playwright-core. Got, when none is
 * there: on Debian as root, Debian's `chromium` package; otherwise (or when apt-get fails) with
 * Playwright's installer; when neither works, a SetupError says in one sentence what to do.
 */
import { apt, isDebian, errorLine, type Apt } from './debian.ts';
import type { Machine } from './machine.ts';
import { SetupError } from './setup-error.ts';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** What Chromium and Chrome are called on PATH, most specific first. */
export const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'] as const;

/** The flags every launch uses on these machines (headless, no sandbox as root, nothing phoning home). */
export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface FoundChromium {
  readonly path: string;
  /** Where it came from, for the log: `CHROMIUM_PATH`, `Debian's chromium`, `chromium on PATH`… */
  readonly source: string;
}

export interface ChromiumSearch {
  readonly found: FoundChromium | undefined;
  /** Each place looked at that had nothing usable, in order, as a short phrase. */
  readonly missed: readonly string[];
}

/** Looks, never installs. */
export function findChromium(machine: Machine): ChromiumSearch {
  const missed: string[] = [];
  const wanted = machine.env.CHROMIUM_PATH;
  if (wanted !== undefined && wanted !== '') {
    if (machine.fileExists(wanted)) return { found: { path: wanted, source: 'CHROMIUM_PATH' }, missed };
    missed.push(`CHROMIUM_PATH=${wanted} is not an executable file`);
  } else {
    missed.push('CHROMIUM_PATH is not set');
  }
  if (machine.fileExists(DEBIAN_CHROMIUM)) return { found: { path: DEBIAN_CHROMIUM, source: "Debian's chromium" }, missed };
  missed.push(`no ${DEBIAN_CHROMIUM}`);
  for (const name of PATH_NAMES) {
    const path = machine.which(name);
    if (path !== undefined) return { found: { path, source: `${name} on PATH` }, missed };
  }
  missed.push('no Chromium or Chrome on PATH');
  const downloaded = machine.playwrightChromium();
  if (machine.fileExists(downloaded)) return { found: { path: downloaded, source: "Playwright's Chromium" }, missed };
  missed.push(`none from Playwright's installer at ${downloaded}`);
  return { found: undefined, missed };
}

/** The CHROMIUM_PATH phrase when that variable named a missing file: worth saying even when another was found. */
export function chromiumPathProblem(search: ChromiumSearch): string | undefined {
  return search.missed.find((phrase) => phrase.startsWith('CHROMIUM_PATH='));
}

/** For the processes that launch Chromium (tests, benchmarks): finds it or says how to get one. */
export function locateChromium(machine: Machine): FoundChromium {
  const search = findChromium(machine);
  if (search.found !== undefined) return search.found;
  throw new SetupError(
    `No Chromium found (${search.missed.join('; ')}): run \`npm run test:e2e\`, which installs one, ` +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  );
}

export interface EnsuredChromium extends FoundChromium {
  /** Installed by this call rather than found. */
  readonly installed: boolean;
}

/** Finds a Chromium or installs one, saying what it does through `log`; throws a SetupError when it cannot. */
export async function ensureChromium(machine: Machine, log: (line: string) => void, debian: Apt = apt(machine)): Promise<EnsuredChromium> {
  const search = findChromium(machine);
  if (search.found !== undefined) {
    const note = chromiumPathProblem(search);
    if (note !== undefined) log(`${note}; using ${search.found.path} (${search.found.source}) instead.`);
    return { ...search.found, installed: false };
  }
  log(`No Chromium found (${search.missed.join('; ')}).`);
  const failures: string[] = [];

  if (debian.unavailable === undefined) {
    log("Installing Debian's chromium package with apt-get (about a minute)…");
    const outcome = await debian.install('chromium');
    if (outcome.ok && machine.fileExists(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: "Debian's chromium", installed: true };
    failures.push(outcome.ok ? `apt-get installed chromium but left no ${DEBIAN_CHROMIUM}` : outcome.reason);
  } else if (isDebian(machine.osRelease)) {
    failures.push(`apt-get: ${debian.unavailable}`);
  }

  log("Downloading Chromium with Playwright's installer (about 170 MB)…");
  const [command, ...prefix] = machine.playwrightCommand;
  const result = await machine.run(command, [...prefix, 'install', '--no-shell', 'chromium']);
  const downloaded = machine.playwrightChromium();
  if (result.ok && machine.fileExists(downloaded)) return { path: downloaded, source: "Playwright's Chromium", installed: true };
  failures.push(`Playwright's installer: ${result.ok ? `it left no ${downloaded}` : errorLine(result.output)}`);

  throw new SetupError(
    `No Chromium here and none could be installed (${failures.join('; ')}): install Chromium or Chrome ` +
      '(Debian: `sudo apt-get install chromium`; elsewhere: `npx playwright-core install --no-shell chromium` or your package manager) ' +
      'and, if the tests do not find it, point CHROMIUM_PATH at its executable, as in `CHROMIUM_PATH=/path/to/chrome npm test`.',
  );
}
