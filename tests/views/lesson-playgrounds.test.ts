/**
 * The lessons' playgrounds do what the lessons say they do, typed through the real shell as a learner would:
 * two cards and loopback (chapter 1), two subnets and a router (chapter 2), the web on 80 and 8080
 * (chapter 3), one server and several clients (chapter 4).
 */
import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../src/lib/netsim';
import { createShell, instantClock, stripAnsi } from '../../src/lib/shell';
import type { PlaygroundScenario } from '../../src/components/network/playgrounds/kit/playground';
import * as manyClients from '../../src/components/network/playgrounds/many-clients';
import * as twoCards from '../../src/components/network/playgrounds/two-cards';
import * as twoSubnets from '../../src/components/network/playgrounds/two-subnets';
import * as web8080 from '../../src/components/network/playgrounds/web-8080';

/** The scenario started on a fresh network, with a shell on `host`; `run` types one line and returns what it printed. */
async function playground(scenario: PlaygroundScenario, host: string) {
  const network = createNetwork(scenario.topology);
  await scenario.start(network);
  let screen = '';
  const shell = createShell({ network, host, cols: 160, clock: instantClock, write: (ansi) => (screen += ansi) });
  shell.prompt();
  const type = async (keys: string) => {
    const start = screen.length;
    shell.input(keys);
    await shell.settled();
    return stripAnsi(screen.slice(start)).replace(/\r\n/g, '\n');
  };
  const run = async (line: string) => {
    const printed = await type(`${line}\r`);
    return printed.slice(printed.indexOf('\n') + 1).replace(/learner@[a-z]+:~\$ $/, '');
  };
  return { run, type };
}

describe('two-cards (chapter 1: several cards and the loopback)', () => {
  it('prints three blocks in ip addr, as the lesson shows them', async () => {
    const { run } = await playground(twoCards, 'laptop');
    const blocks = await run('ip addr');
    expect(blocks.match(/^\d+: /gm)).toEqual(['1: ', '2: ', '3: ']);
    expect(blocks).toContain('inet 10.0.0.10/24 scope global eth0');
    expect(blocks).toContain('link/ether ba:5e:19:c4:27:81');
    expect(blocks).toContain('inet 192.168.1.7/24 scope global wlan0');
  });

  it('serves the development server on 127.0.0.1:3000 to laptop only; 127.5.5.5 and 10.0.0.10 are refused', async () => {
    const { run } = await playground(twoCards, 'laptop');
    expect(await run('ss -tln')).toMatch(/LISTEN\s+0\s+511\s+127\.0\.0\.1:3000/);
    expect(await run('curl http://127.0.0.1:3000/')).toContain('<title>My work in progress</title>');
    expect(await run('curl http://127.5.5.5:3000/')).toContain("Couldn't connect to server");
    await run('ssh web');
    expect(await run('curl -v http://10.0.0.10:3000/')).toContain('failed: Connection refused');
  });

  it('reaches phone from laptop, and nowhere from web: Network is unreachable', async () => {
    const { run } = await playground(twoCards, 'laptop');
    expect(await run('ping -c 1 phone')).toContain('1 received');
    await run('ssh web');
    expect(await run('nc -v 192.168.1.20 80')).toBe('nc: connect to 192.168.1.20 port 80 (tcp) failed: Network is unreachable\n');
  });
});

describe('two-subnets (chapter 2: the prefix, routers and the default route)', () => {
  it('shows laptop’s default route and own subnet, and the router’s two subnets', async () => {
    const { run } = await playground(twoSubnets, 'laptop');
    expect(await run('ip route')).toBe('default via 10.0.0.1 dev eth0 \n10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.10 \n');
    await run('ssh router');
    expect(await run('ip route')).toBe('10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1 \n10.0.1.0/24 dev eth1 proto kernel scope link src 10.0.1.1 \n');
  });

  it('reaches intranet through the router: laptop asks ARP for the router, the router for intranet', async () => {
    const { run } = await playground(twoSubnets, 'laptop');
    expect(await run('curl http://intranet/')).toContain('<title>Intranet</title>');
    const trace = await run('trace -n 50');
    expect(trace).toContain('ARP  laptop asks who has 10.0.0.1');
    expect(trace).toContain('ARP  router asks who has 10.0.1.20');
  });

  it('gives EHOSTUNREACH for an address nobody has, ECONNREFUSED for a closed port, ENETUNREACH on printer', async () => {
    const { run } = await playground(twoSubnets, 'laptop');
    expect(await run('nc -v 10.0.0.99 80')).toBe('nc: connect to 10.0.0.99 port 80 (tcp) failed: No route to host\n');
    expect(await run('nc -v intranet 81')).toBe('nc: connect to intranet (10.0.1.20) port 81 (tcp) failed: Connection refused\n');
    await run('ssh printer');
    expect(await run('ip route')).toBe('10.0.1.0/24 dev eth0 proto kernel scope link src 10.0.1.30 \n');
    expect(await run('nc -v 10.0.0.2 80')).toBe('nc: connect to 10.0.0.2 port 80 (tcp) failed: Network is unreachable\n');
    expect(await run('curl http://intranet/')).toContain('<title>Intranet</title>');
  });
});

describe('web-8080 (chapter 3: the web on port 80)', () => {
  it('answers http://web/ and http://web:80/ from port 80, http://web:8080/ from the test server', async () => {
    const { run } = await playground(web8080, 'laptop');
    expect(await run('curl http://web/')).toContain('<title>The real site</title>');
    expect(await run('curl http://web:80/')).toContain('<title>The real site</title>');
    const verbose = await run('curl -v http://web:8080/');
    expect(verbose).toContain('> Host: web:8080\n');
    expect(verbose).toContain('< Server: node\n');
    expect(verbose).toContain('<title>Test version</title>');
  });

  it('answers a request typed into nc, line by line, ending with an empty line', async () => {
    const { type } = await playground(web8080, 'laptop');
    await type('nc web 80\r');
    await type('GET / HTTP/1.0\r');
    await type('Host: web\r');
    const answer = await type('\r');
    expect(answer).toContain('HTTP/1.0 200 OK');
    expect(answer).toContain('<title>The real site</title>');
  });

  it('shows both listening sockets on web, and port 8080 taken for nc', async () => {
    const { run } = await playground(web8080, 'laptop');
    await run('ssh web');
    const listening = await run('sudo ss -tlnp');
    expect(listening).toMatch(/0\.0\.0\.0:80\s.*"httpd"/);
    expect(listening).toMatch(/0\.0\.0\.0:8080\s.*"node"/);
    expect(await run('nc -l 8080')).toBe('nc: Address already in use\n');
  });
});

describe('many-clients (chapter 4: one listening socket, many connections)', () => {
  it('shows on web one listening socket and two accepted ones sharing 10.0.0.2:80; on phone, the same four numbers swapped', async () => {
    const { run } = await playground(manyClients, 'laptop');
    await run('ssh web');
    const server = await run('ss -tan');
    expect(server).toMatch(/LISTEN\s+0\s+511\s+0\.0\.0\.0:80\s+0\.0\.0\.0:\*/);
    const peers = [...server.matchAll(/ESTAB\s+0\s+0\s+10\.0\.0\.2:80\s+10\.0\.0\.20:(\d+)/g)].map((match) => match[1]!);
    expect(peers).toHaveLength(2);
    expect(new Set(peers).size).toBe(2);
    await run('exit');
    await run('ssh phone');
    const client = await run('ss -tan');
    for (const port of peers) expect(client).toMatch(new RegExp(`ESTAB\\s+0\\s+0\\s+10\\.0\\.0\\.20:${port}\\s+10\\.0\\.0\\.2:80`));
  });
});
