import { describe, expect, it } from 'vitest';
import { prepareTestMachine } from '../../scripts/machine/prepare';
import { DEBIAN_OS_RELEASE, fakeMachine, PLAYWRIGHT_INSTALL, type FakeSpec } from './fake-machine';

async function prepare(spec: FakeSpec, wanted = { browser: true, tools: true }) {
  const machine = fakeMachine(spec);
  const info: string[] = [];
  const problems: string[] = [];
  const status = await prepareTestMachine(machine, wanted, { info: (line) => info.push(line), problem: (line) => problems.push(line) });
  return { status, info, problems, ran: machine.ran };
}

describe('the step before the tests', () => {
  it('prints one line per thing it found, with the browser’s version', async () => {
    const { status, info, problems } = await prepare({
      files: ['/usr/bin/chromium', '/usr/sbin/ip', '/usr/sbin/sysctl', '/usr/bin/ss'],
      path: ['/usr/sbin', '/usr/bin'],
      answers: { '/usr/bin/chromium --version': { ok: true, output: '/usr/bin/chromium: 9: [: unexpected operator\nChromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)\n' } },
    });
    expect(status).toBe(0);
    expect(problems).toEqual([]);
    expect(info).toEqual([
      "[setup] Chromium: /usr/bin/chromium (Debian's chromium, Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm))",
      '[setup] ip: /usr/sbin/ip',
      '[setup] sysctl: /usr/sbin/sysctl',
      '[setup] ss: /usr/bin/ss',
    ]);
  });

  it('installs both with one apt-get update on Debian as root', async () => {
    const { status, ran, info } = await prepare({
      uid: 0,
      osRelease: DEBIAN_OS_RELEASE,
      path: ['/usr/sbin', '/usr/bin'],
      files: ['/usr/bin/apt-get'],
      answers: {
        'apt-get update -q': { ok: true },
        'apt-get install -y -q --no-install-recommends chromium': { ok: true, creates: ['/usr/bin/chromium'] },
        'apt-get install -y -q --no-install-recommends iproute2': { ok: true, creates: ['/usr/sbin/ip', '/usr/bin/ss'] },
        'apt-get install -y -q --no-install-recommends procps': { ok: true, creates: ['/usr/sbin/sysctl'] },
      },
    });
    expect(status).toBe(0);
    expect(ran.filter((line) => line.includes('apt-get update'))).toHaveLength(1);
    expect(info.filter((line) => line.includes(': installed in '))).toEqual([
      expect.stringMatching(/^\[setup\] Chromium: installed in \d+ s: \/usr\/bin\/chromium \(Debian's chromium\)$/),
      expect.stringMatching(/^\[setup\] ip: installed in \d+ s: \/usr\/sbin\/ip$/),
      expect.stringMatching(/^\[setup\] sysctl: installed in \d+ s: \/usr\/sbin\/sysctl$/),
    ]);
    // iproute2 brought ss along with ip: found, not installed again.
    expect(info.at(-1)).toBe('[setup] ss: /usr/bin/ss');
    expect(ran.filter((line) => line.endsWith(' iproute2'))).toHaveLength(1);
  });

  it('only looks for what it is asked for', async () => {
    const { info } = await prepare({ files: ['/usr/bin/chromium', '/usr/bin/sysctl', '/usr/bin/ss'] }, { browser: false, tools: true });
    expect(info).toEqual([
      expect.stringMatching(/^\[setup\] ip: The two-host differential tests .* are skipped/),
      '[setup] sysctl: /usr/bin/sysctl',
      '[setup] ss: /usr/bin/ss',
    ]);
  });

  it('exits 1 with the one sentence on stderr, and nothing else there, when no Chromium can be had', async () => {
    const { status, info, problems, ran } = await prepare({ uid: 501, answers: { [PLAYWRIGHT_INSTALL]: { ok: false, output: 'Error: getaddrinfo ENOTFOUND cdn.playwright.dev\n' } } });
    expect(status).toBe(1);
    expect(ran).toEqual([PLAYWRIGHT_INSTALL]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^No Chromium here and none could be installed \(Playwright's installer: getaddrinfo ENOTFOUND cdn\.playwright\.dev\): install Chromium or Chrome .*CHROMIUM_PATH.*\.$/);
    expect(info.join('\n')).not.toContain('ip:');
  });
});
