import { describe, it, expect } from 'vitest';
import type { SocketRow } from '../../src/lib/netsim/types';
import { formatSs, type SsOptions } from '../../src/lib/shell/format/ss';

const node = (pid: number, fd: number) => ({ name: 'node', pid, fd, runAs: 'root' as const });
const row = (r: Omit<SocketRow, 'recvQ' | 'sendQ' | 'host'> & Partial<SocketRow>): SocketRow => ({
  host: 'web', recvQ: 0, sendQ: r.state === 'LISTEN' ? 511 : 0, ...r,
});

// The sockets of web in /work/shared/reference-output/ss-tuanp.txt.
const web: SocketRow[] = [
  row({ id: 1, protocol: 'tcp', state: 'LISTEN', local: { ip: '0.0.0.0', port: 80 }, remote: null, owner: node(11500, 22) }),
  row({ id: 2, protocol: 'tcp', state: 'LISTEN', local: { ip: '10.0.0.2', port: 7 }, remote: null, owner: node(11500, 23) }),
  row({ id: 3, protocol: 'udp', state: 'UNCONN', local: { ip: '0.0.0.0', port: 53 }, remote: null, owner: node(11500, 24) }),
  row({ id: 4, protocol: 'tcp', state: 'TIME-WAIT', local: { ip: '10.0.0.2', port: 80 }, remote: { ip: '10.0.0.10', port: 50002 }, owner: null }),
  row({ id: 5, protocol: 'tcp', state: 'ESTABLISHED', local: { ip: '10.0.0.2', port: 7 }, remote: { ip: '10.0.0.10', port: 47504 }, owner: node(11500, 25) }),
];
// The sockets of laptop in ss-tuanp-client.txt.
const laptop: SocketRow[] = [
  row({ id: 1, host: 'laptop', protocol: 'tcp', state: 'TIME-WAIT', local: { ip: '10.0.0.10', port: 37284 }, remote: { ip: '10.0.0.2', port: 80 }, owner: null }),
  row({ id: 2, host: 'laptop', protocol: 'tcp', state: 'TIME-WAIT', local: { ip: '10.0.0.10', port: 49204 }, remote: { ip: '10.0.0.2', port: 80 }, owner: null }),
  row({ id: 3, host: 'laptop', protocol: 'tcp', state: 'ESTABLISHED', local: { ip: '10.0.0.10', port: 47504 }, remote: { ip: '10.0.0.2', port: 7 }, owner: node(11508, 22) }),
];

const flags = (f: Partial<SsOptions>): SsOptions => ({
  tcp: false, udp: false, all: false, listening: false, numeric: false, processes: false, ...f,
});

describe('ss output', () => {
  it('prints -tuanp on a server exactly as iproute2 does', () => {
    expect(formatSs(web, flags({ tcp: true, udp: true, all: true, numeric: true, processes: true }))).toBe(
      'Netid State     Recv-Q Send-Q Local Address:Port Peer Address:Port Process                          \n' +
        'udp   UNCONN    0      0            0.0.0.0:53        0.0.0.0:*     users:(("node",pid=11500,fd=24))\n' +
        'tcp   LISTEN    0      511          0.0.0.0:80        0.0.0.0:*     users:(("node",pid=11500,fd=22))\n' +
        'tcp   LISTEN    0      511         10.0.0.2:7         0.0.0.0:*     users:(("node",pid=11500,fd=23))\n' +
        'tcp   TIME-WAIT 0      0           10.0.0.2:80      10.0.0.10:50002                                 \n' +
        'tcp   ESTAB     0      0           10.0.0.2:7       10.0.0.10:47504 users:(("node",pid=11500,fd=25))\n',
    );
  });

  it('prints -tln without the Netid column and only the listeners', () => {
    expect(formatSs(web, flags({ tcp: true, listening: true, numeric: true }))).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n' +
        'LISTEN 0      511          0.0.0.0:80        0.0.0.0:*          \n' +
        'LISTEN 0      511         10.0.0.2:7         0.0.0.0:*          \n',
    );
  });

  it('does not widen the Process column for a users:() on the last line only, as real ss', () => {
    expect(formatSs(laptop, flags({ tcp: true, udp: true, all: true, numeric: true, processes: true }))).toBe(
      'Netid State     Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n' +
        'tcp   TIME-WAIT 0      0          10.0.0.10:37284     10.0.0.2:80         \n' +
        'tcp   TIME-WAIT 0      0          10.0.0.10:49204     10.0.0.2:80         \n' +
        'tcp   ESTAB     0      0          10.0.0.10:47504     10.0.0.2:7    users:(("node",pid=11508,fd=22))\n',
    );
  });

  it.each([
    ['no flags: connections only, no TIME-WAIT', flags({}), ['ESTAB']],
    ['-t: TCP connections only', flags({ tcp: true }), ['ESTAB']],
    ['-l: listeners and unconnected UDP', flags({ listening: true }), ['UNCONN', 'LISTEN', 'LISTEN']],
    ['-ua: every UDP socket', flags({ udp: true, all: true }), ['UNCONN']],
    ['-ta: every TCP socket', flags({ tcp: true, all: true }), ['LISTEN', 'LISTEN', 'TIME-WAIT', 'ESTAB']],
  ])('%s', (_name, options, states) => {
    const lines = formatSs(web, options).trimEnd().split('\n').slice(1);
    const stateColumn = options.tcp !== options.udp ? 0 : 1;
    expect(lines.map((l) => l.split(/\s+/)[stateColumn])).toEqual(states);
  });

  it('names well-known ports without -n but never an ephemeral one', () => {
    const out = formatSs(web, flags({ tcp: true, all: true }));
    expect(out).toContain('0.0.0.0:http');
    expect(out).toContain('10.0.0.2:echo');
    expect(out).toContain('10.0.0.10:50002');
  });
});
