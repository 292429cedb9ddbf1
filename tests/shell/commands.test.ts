import { describe, it, expect } from 'vitest';
import { echo, httpHello, startSession } from './harness';

describe('hosts, prompt and moving between hosts', () => {
  it('prints the prompt as user@host', () => {
    const s = startSession();
    expect(s.transcript()).toBe('learner@laptop:~$ ');
  });

  it('lists the hosts with their addresses', async () => {
    const s = startSession();
    expect(await s.run('hosts')).toBe(
      'HOST    NIC   ADDRESS\n' + 'laptop  eth0  10.0.0.10/24  <- you are here\n' + 'web     eth0  10.0.0.2/24\n',
    );
  });

  it('moves to another host with ssh and back with exit', async () => {
    const s = startSession();
    expect(await s.run('ssh web')).toBe('');
    expect(s.shell.host).toBe('web');
    expect(await s.run('hostname')).toBe('web\n');
    expect(await s.run('exit')).toBe('logout\nConnection to web closed.\n');
    expect(s.screen.currentLine()).toBe('learner@laptop:~$');
  });

  it('goes back from ssh on Ctrl+D at an empty prompt', async () => {
    const s = startSession();
    await s.run('ssh 10.0.0.2');
    await s.type('\x04');
    expect(s.shell.host).toBe('laptop');
  });

  it.each([
    ['foo', 'bash: foo: command not found\n', 127],
    ['ssh nowhere', 'ssh: Could not resolve hostname nowhere: Name or service not known\n', 255],
    ['echo "open', "bash: unexpected EOF while looking for matching `\"'\n", 2],
    ['ip', undefined, 255],
    ['ip foo', 'Object "foo" is unknown, try "ip help".\n', 1],
    ['ip a show dev eth9', 'Device "eth9" does not exist.\n', 1],
    ['nc', undefined, 1],
    ['curl', "curl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    ['curl http://nosuchhost/', 'curl: (6) Could not resolve host: nosuchhost\n', 6],
    ['curl https://web/', 'curl: (1) the emulated network has no TLS, so https:// cannot work here; try http://web/\n', 1],
    ['curl ftp://web/', "curl: (1) this terminal's curl speaks http:// only, not ftp://\n", 1],
    ['ping', 'ping: usage error: Destination address required\n', 1],
    ['ping nosuch', 'ping: nosuch: Name or service not known\n', 2],
    ['ss -x', undefined, 1],
    ['tcpdump -i eth7', 'tcpdump: eth7: No such device exists\n(SIOCGIFHWADDR: No such device)\n', 1],
    ['whoami', 'learner\n', 0],
    ['sudo whoami', 'root\n', 0],
    ['sudo', 'usage: sudo -h | -K | -k | -V\nusage: sudo COMMAND [ARG ...]\n', 1],
    ['sudo foo', 'sudo: foo: command not found\n', 1],
  ])('answers %j as the real tool does, with its exit status', async (line, output, status) => {
    const s = startSession();
    const printed = await s.run(line);
    if (output !== undefined) expect(printed).toBe(output);
    expect(s.shell.lastStatus).toBe(status);
    expect(await s.run('echo $?')).toBe(`${status}\n`);
  });

  it('prints nc usage without arguments, as netcat-openbsd does', async () => {
    const s = startSession();
    expect(await s.run('nc')).toBe(
      'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n' +
        '\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n' +
        '\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n' +
        '\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n' +
        '\t  [destination] [port]\n',
    );
  });

  it('lists every command in help, one line each', async () => {
    const s = startSession();
    const lines = (await s.run('help')).trimEnd().split('\n');
    for (const name of ['hosts', 'ssh', 'ip', 'ss', 'netstat', 'nc', 'curl', 'ping', 'tcpdump', 'trace', 'clear', 'history']) {
      expect(lines.some((l) => l.trimStart().startsWith(`${name} `))).toBe(true);
    }
  });
});

describe('ip', () => {
  const laptopAddr =
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n' +
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
    '    inet 127.0.0.1/8 scope host lo\n' +
    '       valid_lft forever preferred_lft forever\n' +
    '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000\n' +
    '    link/ether 02:00:00:00:00:0a brd ff:ff:ff:ff:ff:ff\n' +
    '    inet 10.0.0.10/24 scope global eth0\n' +
    '       valid_lft forever preferred_lft forever\n';

  it.each(['ip addr', 'ip a', 'ip address show', 'ip -4 a'])('prints every NIC for %j', async (line) => {
    expect(await startSession().run(line)).toBe(laptopAddr);
  });

  it.each(['ip a show dev eth0', 'ip addr show eth0'])('prints one NIC for %j', async (line) => {
    expect(await startSession().run(line)).toBe(laptopAddr.slice(laptopAddr.indexOf('2: eth0')));
  });

  it('prints the connected route', async () => {
    expect(await startSession().run('ip route')).toBe('10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.10 \n');
  });

  it('prints the default route first, through the card on the gateway’s subnet, as Linux does', async () => {
    const routed = {
      version: 1 as const,
      hosts: [
        { name: 'laptop', nics: [{ name: 'eth0', ip: '10.0.0.10', prefix: 24 }, { name: 'wlan0', ip: '192.168.1.7', prefix: 24 }], gateway: '192.168.1.1' },
        { name: 'router', nics: [{ name: 'eth0', ip: '192.168.1.1', prefix: 24 }], forwarding: true },
      ],
    };
    const s = startSession('laptop', 120, undefined, routed);
    expect(await s.run('ip route')).toBe(
      'default via 192.168.1.1 dev wlan0 \n' +
        '10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.10 \n' +
        '192.168.1.0/24 dev wlan0 proto kernel scope link src 192.168.1.7 \n',
    );
    expect(await s.run('ip route show dev eth0')).toBe('10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.10 \n');
  });
});

describe('ss and netstat on a live network', () => {
  it("hides root's processes from the learner's ss -p, as /proc does for a normal user", async () => {
    const s = startSession('web');
    await s.serve('web', 80, httpHello);
    expect(await s.run('ss -tlnp')).toMatch(/^State.*\nLISTEN 0      511          0\.0\.0\.0:80        0\.0\.0\.0:\*          \n$/);
  });

  it("shows the learner's own processes without sudo", async () => {
    const s = startSession('web');
    await s.serve('web', 8080, httpHello, undefined, 'user');
    expect(await s.run('ss -tlnp')).toMatch(/0\.0\.0\.0:8080      0\.0\.0\.0:\*    users:\(\("node",pid=\d+,fd=\d+\)\)\n$/);
  });

  it('shows the listeners of web with their process under sudo', async () => {
    const s = startSession('web');
    await s.serve('web', 80, httpHello);
    await s.serve('web', 7, echo, '10.0.0.2');
    const out = await s.run('sudo ss -tlnp');
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\s*$/);
    expect(lines[1]).toMatch(/^LISTEN 0      511          0\.0\.0\.0:80        0\.0\.0\.0:\*    users:\(\("node",pid=\d+,fd=\d+\)\)$/);
    expect(lines[2]).toMatch(/^LISTEN 0      511         10\.0\.0\.2:7         0\.0\.0\.0:\*    users:\(\("node",pid=\d+,fd=\d+\)\)$/);
  });

  it('shows the client side in TIME-WAIT after curl, with no process', async () => {
    const s = startSession();
    await s.serve('web', 80, httpHello);
    await s.run('curl http://web/');
    const out = await s.run('ss -tan');
    expect(out).toMatch(/^State     Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\nTIME-WAIT 0      0          10\.0\.0\.10:(\d+)     10\.0\.0\.2:80         \n$/);
    const port = Number(/10\.0\.0\.10:(\d+)/.exec(out)![1]);
    expect(port).toBeGreaterThanOrEqual(32768);
    expect(port).toBeLessThanOrEqual(60999);
  });

  it('prints netstat -tulpn in net-tools columns (as root, under sudo)', async () => {
    const s = startSession('web');
    await s.serve('web', 80, httpHello);
    const out = await s.run('sudo netstat -tulpn');
    expect(out).toMatch(
      /^Active Internet connections \(only servers\)\nProto Recv-Q Send-Q Local Address {11}Foreign Address {9}State {7}PID\/Program name {4}\ntcp {8}0 {6}0 0\.0\.0\.0:80 {14}0\.0\.0\.0:\* {15}LISTEN {6}\d+\/node +\n/,
    );
  });

  it("prints net-tools' notice and - for root's process to the learner's netstat -p", async () => {
    const s = startSession('web');
    await s.serve('web', 80, httpHello);
    expect(await s.run('netstat -tlnp')).toMatch(
      /^\(Not all processes could be identified, non-owned process info\n will not be shown, you would have to be root to see it all\.\)\nActive Internet connections \(only servers\)\n.*\ntcp {8}0 {6}0 0\.0\.0\.0:80 {14}0\.0\.0\.0:\* {15}LISTEN {6}- +\n$/,
    );
  });
});

describe('curl', () => {
  it('prints the body of a page', async () => {
    const s = startSession();
    await s.serve('web', 80, httpHello);
    expect(await s.run('curl http://web/')).toBe('<h1>hello from web</h1>\n');
    expect(s.shell.lastStatus).toBe(0);
  });

  it('shows the conversation with -v', async () => {
    const s = startSession();
    await s.serve('web', 80, httpHello);
    expect(await s.run('curl -v http://10.0.0.2/')).toBe(
      '*   Trying 10.0.0.2:80...\n' +
        '* Connected to 10.0.0.2 (10.0.0.2) port 80 (#0)\n' +
        '> GET / HTTP/1.1\n> Host: 10.0.0.2\n> User-Agent: curl/7.88.1\n> Accept: */*\n> \n' +
        '< HTTP/1.1 200 OK\n< Content-Type: text/html\n< Content-Length: 24\n< Connection: close\n< \n' +
        '<h1>hello from web</h1>\n' +
        '* Closing connection 0\n',
    );
  });

  it('reads a chunked body from a server that does not send Content-Length', async () => {
    const s = startSession();
    await s.serve('web', 8080, (socket) =>
      socket.on('data', () => socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n')),
    );
    expect(await s.run('curl -v http://web:8080/x')).toContain('> GET /x HTTP/1.1\n> Host: web:8080\n');
    expect(await s.run('curl http://web:8080/')).toBe('hello world');
  });

  it('fails as curl-v-refused.txt when nothing listens', async () => {
    const s = startSession();
    expect(await s.run('curl -v http://10.0.0.2:8080/')).toMatch(
      /^\* {3}Trying 10\.0\.0\.2:8080\.\.\.\n\* connect to 10\.0\.0\.2 port 8080 failed: Connection refused\n\* Failed to connect to 10\.0\.0\.2 port 8080 after \d+ ms: Couldn't connect to server\n\* Closing connection 0\ncurl: \(7\) Failed to connect to 10\.0\.0\.2 port 8080 after \d+ ms: Couldn't connect to server\n$/,
    );
    expect(s.shell.lastStatus).toBe(7);
  });
});

describe('ping', () => {
  it('prints replies and statistics for a reachable host', async () => {
    const s = startSession();
    const out = await s.run('ping -c 2 10.0.0.2');
    expect(out).toMatch(
      /^PING 10\.0\.0\.2 \(10\.0\.0\.2\) 56\(84\) bytes of data\.\n64 bytes from 10\.0\.0\.2: icmp_seq=1 ttl=64 time=[\d.]+ ms\n64 bytes from 10\.0\.0\.2: icmp_seq=2 ttl=64 time=[\d.]+ ms\n\n--- 10\.0\.0\.2 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time \d+ms\nrtt min\/avg\/max\/mdev = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms\n$/,
    );
    expect(s.shell.lastStatus).toBe(0);
  });

  it('sends 4 requests by default', async () => {
    const out = await startSession().run('ping web');
    expect(out).toContain('4 packets transmitted, 4 received, 0% packet loss');
  });

  it('reports an address nobody has as unreachable, with exit status 1', async () => {
    const s = startSession();
    const out = await s.run('ping -c 2 10.0.0.3');
    expect(out).toContain('PING 10.0.0.3 (10.0.0.3) 56(84) bytes of data.\n');
    expect(out).toContain('2 packets transmitted, 0 received');
    expect(out).toContain('100% packet loss');
    expect(s.shell.lastStatus).toBe(1);
  });
});

describe('nc -z', () => {
  it('prints nc-zv.txt lines for an open and a closed port', async () => {
    const s = startSession();
    await s.serve('web', 80, httpHello);
    expect(await s.run('nc -zv 10.0.0.2 80')).toBe('Connection to 10.0.0.2 80 port [tcp/http] succeeded!\n');
    expect(s.shell.lastStatus).toBe(0);
    expect(await s.run('nc -zv 10.0.0.2 81')).toBe('nc: connect to 10.0.0.2 port 81 (tcp) failed: Connection refused\n');
    expect(s.shell.lastStatus).toBe(1);
  });
});
