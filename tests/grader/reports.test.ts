/**
 * The checks that read what a program printed against what the record says really was: a host's cards
 * (reports-interfaces, prints-hostname), who was refused (refused), and what became of each connection
 * attempt (reports-outcomes), with the detectors that explain their failures.
 */
import { describe, expect, it } from 'vitest';
import type { Check, MisconceptionKind } from '../../src/lib/grader/checks';
import { gradeOne } from '../../src/lib/grader/grade';
import type { RunRecord } from '../../src/lib/runner/protocol';
import type { TopologySpec } from '../../src/lib/netsim/types';
import { build, laptop, web } from './records';
import { lines, program, run } from '../runner/helpers';

const detectors = (...kinds: MisconceptionKind[]) => kinds.map((kind) => ({ kind }));

/** laptop with two cards besides lo, and report.ts its program. */
function reportRecord(...printed: string[]): RunRecord {
  const record = build().done();
  record.hosts = [
    {
      name: 'laptop',
      nics: [
        { index: 1, name: 'lo', mac: '00:00:00:00:00:00', ip: '127.0.0.1', prefix: 8, loopback: true },
        { index: 2, name: 'eth1', mac: '02:aa:bb:cc:dd:01', ip: '10.4.7.9', prefix: 16, loopback: false },
        { index: 3, name: 'wlan0', mac: '02:aa:bb:cc:dd:02', ip: '192.168.5.130', prefix: 25, loopback: false },
      ],
      processes: [{ name: 'node', pid: 7, runAs: 'user' }],
    },
  ];
  record.programs = [{ file: 'report.ts', host: 'laptop', pid: 7, role: 'learner' }];
  record.console = printed.map((text) => ({ file: 'report.ts', text, stream: 'log' as const, at: 1 }));
  return record;
}

const cards: Check = {
  id: 'cards', title: 'cards', kind: 'reports-interfaces', file: 'report.ts', show: ['prefix', 'mac'], loopback: 'skip',
  misconceptions: detectors('hard-coded-address', 'reported-loopback', 'missed-a-card'),
};
const hostname: Check = { id: 'name', title: 'name', kind: 'prints-hostname', file: 'report.ts' };

describe('reports-interfaces', () => {
  it('passes when every card is on a line with its address, prefix (or netmask) and MAC, in any words and order', () => {
    const result = gradeOne(reportRecord('laptop', 'eth1: 10.4.7.9/16 (02:AA:BB:CC:DD:01)', 'MAC 02:aa:bb:cc:dd:02 wlan0 192.168.5.130 255.255.255.128'), cards);
    expect(result).toMatchObject({ passed: true });
  });

  it('names an address the host does not have, and the cards it has', () => {
    const result = gradeOne(reportRecord('eth0 10.0.0.10/24 3c:22:fb:7a:10:4e'), cards);
    expect(result).toMatchObject({ passed: false, misconception: 'hard-coded-address' });
    expect(result.message).toContain('printed 10.0.0.10, but laptop has no such address in this run');
    expect(result.message).toContain('eth1 (10.4.7.9/16) and wlan0 (192.168.5.130/25)');
  });

  it('reads addresses as whole words: a card address inside a longer one is neither reported nor foreign', () => {
    const result = gradeOne(reportRecord('eth1 10.4.7.91/16 02:aa:bb:cc:dd:01', 'wlan0 192.168.5.130/25 02:aa:bb:cc:dd:02'), cards);
    expect(result).toMatchObject({ passed: false, misconception: 'hard-coded-address' });
    expect(result.message).toContain('printed 10.4.7.91');
  });

  it('accepts the networks, netmasks and broadcasts of the cards besides their addresses', () => {
    const result = gradeOne(reportRecord('eth1 10.4.7.9/16 on 10.4.0.0 bcast 10.4.255.255 02:aa:bb:cc:dd:01', 'wlan0 192.168.5.130/25 02:aa:bb:cc:dd:02'), cards);
    expect(result.passed).toBe(true);
  });

  it('fails a report of lo when the loopback is to be skipped', () => {
    const result = gradeOne(reportRecord('lo 127.0.0.1/8', 'eth1 10.4.7.9/16 02:aa:bb:cc:dd:01', 'wlan0 192.168.5.130/25 02:aa:bb:cc:dd:02'), cards);
    expect(result).toMatchObject({ passed: false, misconception: 'reported-loopback' });
    expect(result.message).toContain('internal: true');
  });

  it('names the missing card when only the first was reported', () => {
    const result = gradeOne(reportRecord('eth1 10.4.7.9/16 02:aa:bb:cc:dd:01'), cards);
    expect(result).toMatchObject({ passed: false, misconception: 'missed-a-card' });
    expect(result.message).toContain('reported eth1 only: wlan0 (192.168.5.130/25, MAC 02:aa:bb:cc:dd:02) is missing');
  });

  it('says what a card\'s line lacks, and what [object Object] is', () => {
    const noMac = gradeOne(reportRecord('eth1 10.4.7.9/16', 'wlan0 192.168.5.130/25 02:aa:bb:cc:dd:02'), cards);
    expect(noMac.message).toContain('the line "eth1 10.4.7.9/16" names eth1 but not its MAC address 02:aa:bb:cc:dd:01');
    const object = gradeOne(reportRecord('eth1: [object Object]', 'wlan0: [object Object]'), cards);
    expect(object.message).toContain('[object Object] is what a list of addresses becomes in a string');
    expect(object.misconception).toBeUndefined();
  });

  it('does not take a card name inside another word (veth10 is not eth1)', () => {
    const result = gradeOne(reportRecord('veth10 10.4.7.9/16 02:aa:bb:cc:dd:01', 'wlan0 192.168.5.130/25 02:aa:bb:cc:dd:02'), cards);
    expect(result.passed).toBe(false);
    expect(result.message).toContain('eth1 (10.4.7.9/16, MAC 02:aa:bb:cc:dd:01) is missing');
  });

  it('fails a program that printed nothing', () => {
    expect(gradeOne(reportRecord(), cards).message).toContain('report.ts printed nothing. laptop has 2 cards in this run');
  });
});

describe('prints-hostname', () => {
  it('passes on the host name as a word, and explains an uncalled os.hostname', () => {
    expect(gradeOne(reportRecord('I am laptop.'), hostname).passed).toBe(true);
    expect(gradeOne(reportRecord('laptops'), hostname).passed).toBe(false);
    expect(gradeOne(reportRecord('host [Function: hostname]'), hostname).message).toContain('Call it, os.hostname()');
  });
});

describe('refused', () => {
  const refused: Check = { id: 'r', title: 'r', kind: 'refused', client: { host: 'laptop' }, server: { host: 'web', port: 9000 }, misconceptions: detectors('listened-beyond-loopback') };

  it('passes on a connect refused at that port of that host', () => {
    const record = build().listen('web', '127.0.0.1', 9000).error('laptop', 'ECONNREFUSED', true, 'connect ECONNREFUSED 10.0.0.2:9000').done();
    expect(gradeOne(record, refused)).toMatchObject({ passed: true });
  });

  it('fails when the client got in, and names where the server listens', () => {
    const record = build().listen('web', '0.0.0.0', 9000).connect(laptop(40000), web(9000)).done();
    const result = gradeOne(record, refused);
    expect(result).toMatchObject({ passed: false, misconception: 'listened-beyond-loopback' });
    expect(result.message).toContain('listens on 0.0.0.0:9000: every address of web');
  });

  it('does not count a refusal at another port', () => {
    const record = build().error('laptop', 'ECONNREFUSED', true, 'connect ECONNREFUSED 10.0.0.2:9001').done();
    expect(gradeOne(record, refused).passed).toBe(false);
  });
});

describe('reports-outcomes, on real runs', () => {
  const topology: TopologySpec = {
    version: 1,
    hosts: [
      { name: 'laptop', nics: [{ name: 'eth0', ip: '10.0.0.10', prefix: 24 }], gateway: '10.0.0.1' },
      { name: 'web', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24 }] },
      { name: 'router', nics: [{ name: 'eth0', ip: '10.0.0.1', prefix: 24 }, { name: 'eth1', ip: '10.0.1.1', prefix: 24 }], forwarding: true },
      { name: 'vault', nics: [{ name: 'eth0', ip: '10.0.0.40', prefix: 24 }], dropsIncoming: true },
    ],
  };
  const check = (extra: Partial<Check> = {}): Check => ({
    id: 'o', title: 'o', kind: 'reports-outcomes', file: 'probe.ts',
    targets: [{ address: '10.0.0.2', port: 80 }, { address: '10.0.0.2', port: 81 }, { address: '10.0.1.99', port: 80 }, { address: '10.0.0.40', port: 443 }],
    misconceptions: detectors('waited-for-the-kernel', 'claimed-an-outcome'),
    ...extra,
  } as Check);
  const server = program('web.ts', lines("import net from 'node:net';", 'net.createServer((s) => s.end()).listen(80);'), 'web', 'driver');
  const probe = (body: string) =>
    program('probe.ts', lines("import net from 'node:net';", "for (const [host, port] of [['web', 80], ['web', 81], ['10.0.1.99', 80], ['10.0.0.40', 443]] as const) {", body, '}'), 'laptop', 'learner', 'user');
  const grade = async (body: string, extra?: Partial<Check>) => {
    const { record } = await run([server, probe(body)], { topology, virtualTimeLimitMs: 150_000 });
    return gradeOne(record, check(extra));
  };
  const honest = lines(
    '  const s = net.connect(port, host);',
    "  s.setTimeout(5000, () => { console.log(`${host}:${port} timed out`); s.destroy(); });",
    "  s.on('connect', () => { s.setTimeout(0); console.log(`${host}:${port} connected`); s.destroy(); });",
    "  s.on('error', (e: NodeJS.ErrnoException) => console.log(`${host}:${port} ${e.code}`));",
  );

  it('passes a program that says what happened to each: connected, refused, unreachable beyond the router, timed out', async () => {
    const result = await grade(honest, { giveUpWithinMs: 10_000, waitAtLeastMs: 4000 });
    expect(result.message).toContain('web:80 (10.0.0.2:80) connected, web:81 (10.0.0.2:81) ECONNREFUSED, 10.0.1.99:80 EHOSTUNREACH and vault:443 (10.0.0.40:443) timed out');
    expect(result.passed).toBe(true);
  });

  it('fails a claim the record contradicts', async () => {
    const result = await grade(lines("  const s = net.connect(port, host); console.log(`${host}:${port} open`);", "  s.on('error', () => {}); s.on('connect', () => s.destroy());"));
    expect(result).toMatchObject({ passed: false, misconception: 'claimed-an-outcome' });
    expect(result.message).toContain('printed "web:81 open", but in this run its attempt at 10.0.0.2:81 failed with ECONNREFUSED');
  });

  it('fails a wait longer than allowed, and one shorter than the network needs', async () => {
    const long = await grade(honest.replace('5000', '30000'), { giveUpWithinMs: 10_000 });
    expect(long).toMatchObject({ passed: false, misconception: 'waited-for-the-kernel' });
    expect(long.message).toContain('waited 30 s for 10.0.0.40:443');
    const short = await grade(honest.replace('5000', '1000'), { waitAtLeastMs: 4000 });
    expect(short.message).toContain('gave up on 10.0.1.99:80 after 1000 ms');
  });

  it('fails a line that does not say why, and an end-point never tried', async () => {
    const vague = await grade(honest.replace('${e.code}', 'failed'));
    expect(vague.message).toContain('say why: print the error\'s code, ECONNREFUSED');
    const partial = await grade(lines("  if (port === 443) continue;", honest));
    expect(partial.message).toContain('never tried vault:443 (10.0.0.40:443)');
  });
});
