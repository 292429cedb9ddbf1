import { describe, expect, it } from 'vitest';
import { ensureChromium, findChromium, locateChromium } from '../../scripts/machine/chromium';
import { SetupError } from '../../scripts/machine/setup-error';
import { DEBIAN_OS_RELEASE, fakeMachine, PLAYWRIGHT_CHROMIUM, PLAYWRIGHT_INSTALL, UBUNTU_OS_RELEASE, type FakeSpec } from './fake-machine';

const APT_UPDATE = 'apt-get update -q';
const APT_INSTALL = 'DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium';

/** ensureChromium with its log collected. */
async function ensure(spec: FakeSpec) {
  const machine = fakeMachine(spec);
  const log: string[] = [];
  const outcome = await ensureChromium(machine, (line) => log.push(line)).then(
    (found) => ({ found, error: undefined }),
    (error: unknown) => ({ found: undefined, error }),
  );
  return { ...outcome, log, ran: machine.ran };
}

/** A sentence: one capital start, one full stop at the very end, no line break, no stack frame. */
function expectOneSentence(text: string) {
  expect(text).not.toContain('\n');
  expect(text).toMatch(/^[A-Z]/);
  expect(text).toMatch(/[^.]\.$/);
  expect(text.slice(0, -1)).not.toMatch(/\.\s+[A-Z]/);
}

describe('finding Chromium (no installs)', () => {
  it('takes CHROMIUM_PATH first when it names an executable file, before /usr/bin/chromium', () => {
    const machine = fakeMachine({ env: { CHROMIUM_PATH: '/opt/chrome/chrome' }, files: ['/opt/chrome/chrome', '/usr/bin/chromium'] });
    expect(findChromium(machine).found).toEqual({ path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
    expect(machine.ran).toEqual([]);
  });

  it('says so when CHROMIUM_PATH names a missing file, and goes on to /usr/bin/chromium', async () => {
    const { found, log, ran } = await ensure({ env: { CHROMIUM_PATH: '/opt/nope/chrome' }, files: ['/usr/bin/chromium'] });
    expect(found).toEqual({ path: '/usr/bin/chromium', source: "Debian's chromium", installed: false });
    expect(log).toEqual(["CHROMIUM_PATH=/opt/nope/chrome is not an executable file; using /usr/bin/chromium (Debian's chromium) instead."]);
    expect(ran).toEqual([]);
  });

  it('takes /usr/bin/chromium when CHROMIUM_PATH is not set', () => {
    expect(findChromium(fakeMachine({ files: ['/usr/bin/chromium', '/usr/bin/google-chrome'] })).found).toEqual({
      path: '/usr/bin/chromium',
      source: "Debian's chromium",
    });
  });

  it('then a Chromium or Chrome on PATH, in PATH order', () => {
    const machine = fakeMachine({ path: ['/home/learner/bin', '/snap/bin'], files: ['/snap/bin/chromium', '/home/learner/bin/google-chrome'] });
    // `chromium` is the preferred name, so it wins though its directory comes later on PATH.
    expect(findChromium(machine).found).toEqual({ path: '/snap/bin/chromium', source: 'chromium on PATH' });
    const chromeOnly = fakeMachine({ path: ['/home/learner/bin'], files: ['/home/learner/bin/google-chrome'] });
    expect(findChromium(chromeOnly).found).toEqual({ path: '/home/learner/bin/google-chrome', source: 'google-chrome on PATH' });
  });

  it("then the Chromium Playwright's installer downloaded for this playwright-core", () => {
    expect(findChromium(fakeMachine({ files: [PLAYWRIGHT_CHROMIUM] })).found).toEqual({ path: PLAYWRIGHT_CHROMIUM, source: "Playwright's Chromium" });
  });

  it('names every place it looked when there is none, and tells a test run how to get one', () => {
    const machine = fakeMachine({ env: { CHROMIUM_PATH: '/opt/nope/chrome' } });
    expect(findChromium(machine)).toEqual({
      found: undefined,
      missed: [
        'CHROMIUM_PATH=/opt/nope/chrome is not an executable file',
        'no /usr/bin/chromium',
        'no Chromium or Chrome on PATH',
        `none from Playwright's installer at ${PLAYWRIGHT_CHROMIUM}`,
      ],
    });
    const error = (() => {
      try {
        locateChromium(machine);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SetupError);
    const sentence = (error as SetupError).message;
    expectOneSentence(sentence);
    expect(sentence).toContain('npm run test:e2e');
    expect(sentence).toContain('CHROMIUM_PATH');
    expect((error as SetupError).stack).toBe(sentence);
  });
});

describe('getting Chromium when there is none', () => {
  it("on Debian as root: apt-get update, then Debian's chromium package", async () => {
    const { found, ran, log } = await ensure({
      uid: 0,
      osRelease: DEBIAN_OS_RELEASE,
      files: ['/usr/bin/apt-get'],
      answers: { [APT_UPDATE]: { ok: true }, [`apt-get install -y -q --no-install-recommends chromium`]: { ok: true, creates: ['/usr/bin/chromium'] } },
    });
    expect(ran).toEqual([APT_UPDATE, APT_INSTALL]);
    expect(found).toEqual({ path: '/usr/bin/chromium', source: "Debian's chromium", installed: true });
    expect(log.at(-1)).toMatch(/^Installing Debian's chromium package with apt-get/);
  });

  it("as a user who is not root (laptop, no Debian): Playwright's installer for Chromium, never apt-get", async () => {
    const { found, ran } = await ensure({
      uid: 501,
      osRelease: undefined,
      files: ['/usr/bin/apt-get'],
      answers: { [PLAYWRIGHT_INSTALL]: { ok: true, creates: [PLAYWRIGHT_CHROMIUM] } },
    });
    expect(ran).toEqual([PLAYWRIGHT_INSTALL]);
    expect(found).toEqual({ path: PLAYWRIGHT_CHROMIUM, source: "Playwright's Chromium", installed: true });
  });

  it("on Debian but not root, and on Ubuntu as root: Playwright's installer (no sudo, no snap stub)", async () => {
    for (const spec of [
      { uid: 1000, osRelease: DEBIAN_OS_RELEASE },
      { uid: 0, osRelease: UBUNTU_OS_RELEASE },
    ]) {
      const { found, ran } = await ensure({ ...spec, files: ['/usr/bin/apt-get'], answers: { [PLAYWRIGHT_INSTALL]: { ok: true, creates: [PLAYWRIGHT_CHROMIUM] } } });
      expect(ran).toEqual([PLAYWRIGHT_INSTALL]);
      expect(found?.path).toBe(PLAYWRIGHT_CHROMIUM);
    }
  });

  it("falls back to Playwright's installer when apt-get fails", async () => {
    const { found, ran } = await ensure({
      uid: 0,
      osRelease: DEBIAN_OS_RELEASE,
      files: ['/usr/bin/apt-get'],
      answers: {
        [APT_UPDATE]: { ok: false, output: 'Err:1 http://deb.debian.org/debian bookworm InRelease\nE: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease\n' },
        [PLAYWRIGHT_INSTALL]: { ok: true, creates: [PLAYWRIGHT_CHROMIUM] },
      },
    });
    expect(ran).toEqual([APT_UPDATE, PLAYWRIGHT_INSTALL]);
    expect(found?.path).toBe(PLAYWRIGHT_CHROMIUM);
  });

  it('stops with one sentence saying what to install and how to point CHROMIUM_PATH at it when nothing works', async () => {
    const { found, error, ran } = await ensure({
      uid: 0,
      osRelease: DEBIAN_OS_RELEASE,
      env: { CHROMIUM_PATH: '/opt/nope/chrome' },
      files: ['/usr/bin/apt-get'],
      answers: {
        [APT_UPDATE]: { ok: true },
        'apt-get install -y -q --no-install-recommends chromium': { ok: false, output: 'Reading package lists...\nE: Unable to locate package chromium\n' },
        [PLAYWRIGHT_INSTALL]: {
          ok: false,
          output: 'Downloading Chrome for Testing\nError: getaddrinfo ENOTFOUND cdn.playwright.dev\n    at GetAddrInfoReqWrap.onlookupall (node:internal/dns/promises:102:17)\nFailed to install browsers\n',
        },
      },
    });
    expect(found).toBeUndefined();
    expect(ran).toEqual([APT_UPDATE, APT_INSTALL, PLAYWRIGHT_INSTALL]);
    expect(error).toBeInstanceOf(SetupError);
    const sentence = (error as SetupError).message;
    expectOneSentence(sentence);
    expect(sentence).toContain('apt-get install chromium failed (Unable to locate package chromium)');
    expect(sentence).toContain("Playwright's installer: getaddrinfo ENOTFOUND cdn.playwright.dev");
    expect(sentence).toContain('sudo apt-get install chromium');
    expect(sentence).toContain('npx playwright-core install --no-shell chromium');
    expect(sentence).toContain('CHROMIUM_PATH=/path/to/chrome npm test');
    expect(sentence).not.toMatch(/\bat \S+ \(/);
  });

  it("says why apt-get was not tried on Debian, and that an installer which 'succeeds' without a browser failed", async () => {
    const { error } = await ensure({
      uid: 1000,
      osRelease: DEBIAN_OS_RELEASE,
      files: ['/usr/bin/apt-get'],
      answers: { [PLAYWRIGHT_INSTALL]: { ok: true } },
    });
    expect((error as SetupError).message).toContain(`(apt-get: not root; Playwright's installer: it left no ${PLAYWRIGHT_CHROMIUM})`);
  });
});
