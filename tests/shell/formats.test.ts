import { describe, it, expect } from 'vitest';
import type { SocketRow } from '../../src/lib/netsim/types';
import { formatNetstat } from '../../src/lib/shell/format/netstat';
import { pingStatistics, pingTime } from '../../src/lib/shell/format/ping';
import { tcpdumpFlags, tcpdumpTime } from '../../src/lib/shell/format/tcpdump';

const node = { name: 'node', pid: 11500, fd: 22, runAs: 'root' as const };
const rows: SocketRow[] = [
  { id: 1, host: 'web', protocol: 'tcp', state: 'LISTEN', local: { ip: '0.0.0.0', port: 80 }, remote: null, recvQ: 0, sendQ: 511, owner: node },
  { id: 2, host: 'web', protocol: 'tcp', state: 'LISTEN', local: { ip: '10.0.0.2', port: 7 }, remote: null, recvQ: 0, sendQ: 511, owner: node },
  { id: 3, host: 'web', protocol: 'udp', state: 'UNCONN', local: { ip: '0.0.0.0', port: 53 }, remote: null, recvQ: 0, sendQ: 0, owner: node },
  { id: 4, host: 'web', protocol: 'tcp', state: 'TIME-WAIT', local: { ip: '10.0.0.2', port: 80 }, remote: { ip: '10.0.0.10', port: 50002 }, recvQ: 0, sendQ: 0, owner: null },
  { id: 5, host: 'web', protocol: 'tcp', state: 'ESTABLISHED', local: { ip: '10.0.0.2', port: 7 }, remote: { ip: '10.0.0.10', port: 47504 }, recvQ: 0, sendQ: 0, owner: node },
];
const flags = { tcp: false, udp: false, all: false, listening: false, numeric: true, programs: false };

describe('netstat output', () => {
  it('prints netstat -an exactly as net-tools does (netstat-an.txt)', () => {
    expect(formatNetstat(rows, { ...flags, all: true })).toBe(
      'Active Internet connections (servers and established)\n' +
        'Proto Recv-Q Send-Q Local Address           Foreign Address         State      \n' +
        'tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN     \n' +
        'tcp        0      0 10.0.0.2:7              0.0.0.0:*               LISTEN     \n' +
        'tcp        0      0 10.0.0.2:80             10.0.0.10:50002         TIME_WAIT  \n' +
        'tcp        0      0 10.0.0.2:7              10.0.0.10:47504         ESTABLISHED\n' +
        'udp        0      0 0.0.0.0:53              0.0.0.0:*                          \n' +
        'Active UNIX domain sockets (servers and established)\n' +
        'Proto RefCnt Flags       Type       State         I-Node   Path\n',
    );
  });

  it('prints netstat -tulpn exactly as net-tools does (netstat-tulpn.txt)', () => {
    expect(formatNetstat(rows, { ...flags, tcp: true, udp: true, listening: true, programs: true })).toBe(
      'Active Internet connections (only servers)\n' +
        'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    \n' +
        'tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      11500/node          \n' +
        'tcp        0      0 10.0.0.2:7              0.0.0.0:*               LISTEN      11500/node          \n' +
        'udp        0      0 0.0.0.0:53              0.0.0.0:*                           11500/node          \n',
    );
  });
});

describe('ping output', () => {
  it.each([
    [0.195, '0.195'],
    [1, '1.00'],
    [12.34, '12.3'],
    [123.4, '123'],
  ])('prints a %s ms round trip as iputils does: %s', (ms, text) => {
    expect(pingTime(ms)).toBe(text);
  });

  it('prints the statistics in the shape of ping.txt', () => {
    expect(pingStatistics({ target: '10.0.0.2', transmitted: 2, rtts: [1, 3], errors: 0, elapsedMs: 1016 })).toBe(
      '\n--- 10.0.0.2 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 1016ms\n' +
        'rtt min/avg/max/mdev = 1.000/2.000/3.000/1.000 ms\n',
    );
  });

  it('prints the statistics of ping-unreachable.txt', () => {
    expect(pingStatistics({ target: '10.0.0.3', transmitted: 2, rtts: [], errors: 0, elapsedMs: 1021 })).toBe(
      '\n--- 10.0.0.3 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 1021ms\n\n',
    );
  });
});

describe('tcpdump pieces', () => {
  it.each([
    [['SYN'], 'S'],
    [['SYN', 'ACK'], 'S.'],
    [['ACK'], '.'],
    [['PSH', 'ACK'], 'P.'],
    [['FIN', 'ACK'], 'F.'],
    [['RST', 'ACK'], 'R.'],
  ] as const)('writes flags %j as [%s]', (flags, text) => {
    expect(tcpdumpFlags(flags)).toBe(text);
  });

  it('prints virtual time as a time of day from 09:00:00 with microseconds', () => {
    expect(tcpdumpTime(0)).toBe('09:00:00.000000');
    expect(tcpdumpTime(1234.5675)).toBe('09:00:01.234568');
    expect(tcpdumpTime(3_600_000)).toBe('10:00:00.000000');
  });
});
