import { describe, expect, it } from 'vitest';
import { ensureTool, systemTools, toolSkipReason, toolsTheTestsNeed, type ToolName } from '../../scripts/machine/system-tools';
import { DEBIAN_OS_RELEASE, fakeMachine, type FakeSpec } from './fake-machine';

async function ensure(spec: FakeSpec, name: ToolName) {
  const machine = fakeMachine(spec);
  const log: string[] = [];
  const status = await ensureTool(machine, name, (line) => log.push(line));
  return { status, log, ran: machine.ran };
}

const debianRoot = { uid: 0, osRelease: DEBIAN_OS_RELEASE, path: ['/usr/sbin', '/usr/bin'] } as const;

describe('system tools the tests drive', () => {
  it('uses a tool already on PATH and installs nothing', async () => {
    const { status, ran } = await ensure({ ...debianRoot, files: ['/usr/bin/apt-get', '/usr/sbin/ip'] }, 'ip');
    expect(status).toEqual({ path: '/usr/sbin/ip', installed: false });
    expect(ran).toEqual([]);
  });

  it.each([
    ['ip', 'iproute2'],
    ['sysctl', 'procps'],
    ['ss', 'iproute2'],
    ['nft', 'nftables'],
  ] as const)('installs a missing %s from Debian’s %s as root on Debian (apt-get update first)', async (name, debianPackage) => {
    const { status, ran } = await ensure(
      {
        ...debianRoot,
        files: ['/usr/bin/apt-get'],
        answers: {
          'apt-get update -q': { ok: true },
          [`apt-get install -y -q --no-install-recommends ${debianPackage}`]: { ok: true, creates: [`/usr/sbin/${name}`] },
        },
      },
      name,
    );
    expect(ran).toEqual(['apt-get update -q', `DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ${debianPackage}`]);
    expect(status).toEqual({ path: `/usr/sbin/${name}`, installed: true });
  });

  it('elsewhere runs nothing and gives the skip line: which tests, what to install', async () => {
    const { status, ran } = await ensure({ uid: 501, osRelease: undefined, files: [] }, 'ip');
    expect(ran).toEqual([]);
    expect(status).toEqual({
      path: undefined,
      skipReason:
        'The two-host differential tests (tests/netsim/differential/two-host*) need `ip`, which is not on PATH, so they are skipped: ' +
        'install iproute2 (Debian: `sudo apt-get install iproute2`; `npm test` run as root on Debian installs it).',
    });
  });

  it('says why when the install fails, then skips', async () => {
    const { status, log } = await ensure(
      { ...debianRoot, files: ['/usr/bin/apt-get'], answers: { 'apt-get update -q': { ok: false, output: 'E: Could not get lock /var/lib/apt/lists/lock\n' } } },
      'nft',
    );
    expect(log).toContain('nft could not be installed: apt-get update failed (Could not get lock /var/lib/apt/lists/lock).');
    expect(status.path).toBeUndefined();
  });

  it('gives a skip reason only when the tool is missing', () => {
    expect(toolSkipReason(fakeMachine({ files: ['/usr/bin/nft'] }), 'nft')).toBeUndefined();
    expect(toolSkipReason(fakeMachine({}), 'nft')).toMatch(/^The packet-loss differential tests need `nft`.*nftables/);
  });

  it('knows every tool the tests need', () => {
    for (const name of toolsTheTestsNeed) expect(systemTools).toHaveProperty(name);
    // The two-host tests make namespaces with ip and turn their IPv6 off with sysctl; the recipe tests read ss.
    expect(toolsTheTestsNeed).toEqual(['ip', 'sysctl', 'ss']);
  });
});
