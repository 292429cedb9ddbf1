import { describe, it, expect } from 'vitest';
import type { Socket } from 'node:net';
import { echo, startSession, TOPOLOGY, type Session } from './harness';
import { instantClock } from '../../src/lib/shell/index';
import type { TopologySpec } from '../../src/lib/netsim/types';

type NetConnect = { connect(port: number, host: string, onConnect: () => void): Socket };

/** A Node client on laptop, started by the test while a command runs in the terminal. */
function clientFromLaptop(s: Session, port: number, text: string): Socket {
  const net = s.network.spawn('laptop', 'node').modules['node:net'] as NetConnect;
  const socket = net.connect(port, '10.0.0.2', () => socket.write(text));
  socket.on('data', () => {});
  socket.on('end', () => socket.end());
  // The shell cannot see work queued from outside until told (as the runner does after starting programs).
  s.shell.wake();
  return socket;
}

describe('nc as a client', () => {
  it('sends typed lines to an echo server and prints the echo; Ctrl+C ends it with status 130', async () => {
    const s = startSession();
    await s.serve('web', 7, echo);
    await s.type('nc web 7\r');
    await s.type('hello\r');
    await s.type('\x03');
    expect(s.transcript()).toBe('learner@laptop:~$ nc web 7\nhello\nhello\n^C\nlearner@laptop:~$ ');
    expect(s.shell.lastStatus).toBe(130);
    // nc's socket was closed by Ctrl+C: only the TIME-WAIT of the client side is left on laptop.
    expect(await s.run('ss -tn')).not.toContain('ESTAB');
  });

  it('half-closes on Ctrl+D and ends when the server closes too', async () => {
    const s = startSession();
    await s.serve('web', 7, echo);
    await s.type('nc web 7\r');
    await s.type('bye\r');
    await s.type('\x04');
    expect(s.transcript()).toBe('learner@laptop:~$ nc web 7\nbye\nbye\nlearner@laptop:~$ ');
    expect(s.shell.lastStatus).toBe(0);
  });

  it('gives typed-ahead input to the command that starts', async () => {
    const s = startSession();
    await s.serve('web', 7, echo);
    await s.type('nc web 7\rearly\r');
    await s.type('\x03');
    expect(s.transcript()).toContain('early\nearly\n^C');
  });
});

describe('nc -l as a server', () => {
  it('prints what a client sends, with -v saying who connected', async () => {
    const s = startSession('web');
    await s.type('nc -lv 9000\r');
    clientFromLaptop(s, 9000, 'hi from laptop\n');
    await s.shell.settled();
    await s.type('\x03');
    expect(s.transcript()).toMatch(
      /^learner@web:~\$ nc -lv 9000\nListening on 0\.0\.0\.0 9000\nConnection received on laptop \d+\nhi from laptop\n\^C\nlearner@web:~\$ $/,
    );
  });

  it('answers EADDRINUSE when the port is taken', async () => {
    const s = startSession('web');
    await s.serve('web', 8080, echo);
    expect(await s.run('nc -l 8080')).toBe('nc: Address already in use\n');
    expect(s.shell.lastStatus).toBe(1);
  });

  it('answers EACCES to the learner on a port below 1024, before looking whether it is taken', async () => {
    const s = startSession('web');
    await s.serve('web', 80, echo);
    expect(await s.run('nc -l 80')).toBe('nc: Permission denied\n');
    expect(await s.run('nc -l 7')).toBe('nc: Permission denied\n');
    expect(s.shell.lastStatus).toBe(1);
    expect(await s.run('sudo nc -l 80')).toBe('nc: Address already in use\n');
  });
});

describe('tcpdump', () => {
  it('prints a handshake, data and the close live, with relative numbers after the SYNs', async () => {
    const s = startSession('web');
    await s.serve('web', 80, (socket) => socket.on('data', (data) => socket.end(data)));
    await s.type('sudo tcpdump -n tcp\r');
    clientFromLaptop(s, 80, 'hello');
    await s.shell.settled();
    await s.type('\x03');
    const lines = s.transcript().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'learner@web:~$ sudo tcpdump -n tcp',
      'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode',
      'listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes',
    ]);
    const packets = lines.slice(3, lines.indexOf('^C'));
    const shape = packets.map((l) => l.replace(/^\d\d:\d\d:\d\d\.\d{6} /, '').replace(/\.\d{5}\b/, '.PORT'));
    expect(shape[0]).toMatch(/^IP 10\.0\.0\.10\.PORT > 10\.0\.0\.2\.80: Flags \[S\], seq \d+, win \d+, length 0$/);
    expect(shape[1]).toMatch(/^IP 10\.0\.0\.2\.80 > 10\.0\.0\.10\.PORT: Flags \[S\.\], seq \d+, ack \d+, win \d+, length 0$/);
    expect(shape[2]).toMatch(/^IP 10\.0\.0\.10\.PORT > 10\.0\.0\.2\.80: Flags \[\.\], ack 1, win \d+, length 0$/);
    expect(shape[3]).toMatch(/^IP 10\.0\.0\.10\.PORT > 10\.0\.0\.2\.80: Flags \[P\.\], seq 1:6, ack 1, win \d+, length 5: HTTP$/);
    expect(shape).toContainEqual(expect.stringMatching(/^IP 10\.0\.0\.2\.80 > 10\.0\.0\.10\.PORT: Flags \[F\.\], seq 6, ack 6, win \d+, length 0$/));
    const synAck = /seq (\d+), ack (\d+)/.exec(shape[1]!)!;
    expect(Number(synAck[2])).toBe(Number(/seq (\d+)/.exec(shape[0]!)![1]) + 1);
    expect(lines.slice(lines.indexOf('^C') + 1, -1)).toEqual([
      `${packets.length} packets captured`,
      `${packets.length} packets received by filter`,
      '0 packets dropped by kernel',
    ]);
  });

  it('stops by itself after -c packets, names hosts and services without -n', async () => {
    const s = startSession('web');
    await s.serve('web', 80, (socket) => socket.on('data', (data) => socket.end(data)));
    await s.type('sudo tcpdump -c 2 port 80\r');
    clientFromLaptop(s, 80, 'hello');
    await s.shell.settled();
    const out = s.transcript().split('\n').slice(3);
    expect(out[0]).toMatch(/^09:00:00\.\d{6} IP laptop\.\d+ > web\.http: Flags \[S\]/);
    expect(out[1]).toMatch(/^09:00:00\.\d{6} IP web\.http > laptop\.\d+: Flags \[S\.\]/);
    expect(out.slice(2)).toEqual(['2 packets captured', '2 packets received by filter', '0 packets dropped by kernel', 'learner@web:~$ ']);
  });
});

describe('ping interrupted', () => {
  it('prints the statistics on Ctrl+C', async () => {
    // A clock that lets the test's keystrokes in between the shell's waits, as wall time does.
    const s = startSession('laptop', 120, { sleep: () => new Promise((resolve) => setImmediate(resolve)) });
    s.shell.input('ping -c 1000 web\r');
    while (!s.transcript().includes('icmp_seq=2 ')) await new Promise((resolve) => setImmediate(resolve));
    s.shell.input('\x03');
    await s.shell.settled();
    const text = s.transcript();
    expect(text).toMatch(/\^C\n--- web ping statistics ---\n(\d+) packets transmitted, \1 received, 0% packet loss, time \d+ms\nrtt/);
    expect(s.shell.lastStatus).toBe(0);
  });
});

describe('tab completion', () => {
  it.each([
    ['netst', 'netstat '],
    ['ssh w', 'ssh web '],
    ['curl http://we', 'curl http://web '],
    ['ip ad', 'ip addr'],
  ])('completes %j', async (typed, completed) => {
    const s = startSession();
    await s.type(`${typed}\t`);
    expect(s.screen.currentLine()).toBe(`learner@laptop:~$ ${completed}`.trimEnd());
  });
});

describe('tcpdump sees what a real capture sees', () => {
  /** Starts a capture, lets `act` send traffic, stops it, and returns the packet lines without their times. */
  async function capture(s: Session, command: string, act: () => void): Promise<string[]> {
    await s.type(`${command}\r`);
    act();
    s.shell.wake();
    await s.shell.settled();
    await s.type('\x03');
    const lines = s.transcript().split('\n');
    return lines.slice(lines.indexOf(lines.find((l) => l.startsWith('listening on'))!) + 1, lines.indexOf('^C')).map((l) => l.replace(/^\d\d:\d\d:\d\d\.\d{6} /, ''));
  }

  it('needs root, as opening a packet socket does', async () => {
    const s = startSession('web');
    expect(await s.run('tcpdump -n')).toBe("tcpdump: eth0: You don't have permission to perform this capture on that device\n(socket: Operation not permitted)\n");
    expect(s.shell.lastStatus).toBe(1);
  });

  it.each(['web', 'laptop'])('shows the ARP request and its reply on %s, the answerer and the asker', async (host) => {
    const s = startSession(host);
    await s.serve('web', 80, (socket) => socket.end());
    const lines = await capture(s, 'sudo tcpdump -n arp', () => clientFromLaptop(s, 80, 'hello'));
    expect(lines).toEqual(['ARP, Request who-has 10.0.0.2 tell 10.0.0.10, length 28', 'ARP, Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 28']);
  });

  it('names the hosts and says the maker is unknown without -n, as tcpdump does', async () => {
    const s = startSession('web');
    await s.serve('web', 80, (socket) => socket.end());
    const lines = await capture(s, 'sudo tcpdump arp', () => clientFromLaptop(s, 80, 'hello'));
    expect(lines).toEqual(['ARP, Request who-has web tell laptop, length 28', 'ARP, Reply web is-at 02:00:00:00:00:02 (oui Unknown), length 28']);
  });

  it('shows a third host on the subnet the broadcast request only', async () => {
    const topology: TopologySpec = { ...TOPOLOGY, hosts: [...TOPOLOGY.hosts, { name: 'printer', nics: [{ name: 'eth0', ip: '10.0.0.30', prefix: 24 }] }] };
    const s = startSession('printer', 120, instantClock, topology);
    await s.serve('web', 80, (socket) => socket.end());
    const lines = await capture(s, 'sudo tcpdump -n', () => clientFromLaptop(s, 80, 'hello'));
    expect(lines).toEqual(['ARP, Request who-has 10.0.0.2 tell 10.0.0.10, length 28']);
  });

  it('computes the length of ICMP port unreachable from the datagram it quotes: 8 + 20 + 8 + 4 = 40', async () => {
    const s = startSession('web');
    const lines = await capture(s, 'sudo tcpdump -n icmp', () => {
      const dgram = s.network.spawn('laptop', 'node').modules['node:dgram'] as { createSocket(type: 'udp4'): { send(text: string, port: number, host: string): void } };
      dgram.createSocket('udp4').send('ping', 9, '10.0.0.2');
    });
    expect(lines).toEqual(['IP 10.0.0.2 > 10.0.0.10: ICMP 10.0.0.2 udp port 9 unreachable, length 40']);
  });
});
