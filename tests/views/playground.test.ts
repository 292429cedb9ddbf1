/**
 * The playground's scenario on a real netsim network, driven through the real shell as a learner would
 * type: the web server answers curl, the echo server echoes, and the client is the one left in TIME-WAIT.
 */
import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../src/lib/netsim';
import { createShell, instantClock, stripAnsi } from '../../src/lib/shell';
import * as twoHosts from '../../src/components/network/playgrounds/two-hosts';
import { loadPlayground, playgroundNames } from '../../src/components/network/playgroundScenarios';
import { createInPageRunner } from '../../src/components/network/inPageRunner';
import type { RunnerEvent } from '../../src/lib/runner/protocol';

/** The two-hosts scenario started on a fresh network, with a shell on `host`. */
async function playground(host = 'laptop') {
  const network = createNetwork(twoHosts.topology);
  await twoHosts.start(network);
  let screen = '';
  const shell = createShell({ network, host, cols: 120, clock: instantClock, write: (ansi) => (screen += ansi) });
  shell.prompt();
  const type = async (keys: string) => {
    const start = screen.length;
    shell.input(keys);
    await shell.settled();
    return stripAnsi(screen.slice(start)).replace(/\r\n/g, '\n');
  };
  /** Types a command line; returns what it printed, without the echoed line and the next prompt. */
  const run = async (line: string) => {
    const printed = await type(`${line}\r`);
    return printed.slice(printed.indexOf('\n') + 1).replace(/learner@[a-z]+:~\$ $/, '');
  };
  return { network, run, type };
}

describe('the two-hosts playground', () => {
  it('starts httpd on 0.0.0.0:80 and echo on 10.0.0.2:7 on web, both listening before the learner types', async () => {
    const { run } = await playground('web');
    const listening = await run('sudo ss -tlnp');
    expect(listening).toMatch(/LISTEN\s+0\s+511\s+0\.0\.0\.0:80\s+0\.0\.0\.0:\*\s+users:\(\("httpd",pid=\d+,fd=\d+\)\)/);
    expect(listening).toMatch(/LISTEN\s+0\s+511\s+10\.0\.0\.2:7\s+0\.0\.0\.0:\*\s+users:\(\("echo",pid=\d+,fd=\d+\)\)/);
  });

  it("gives laptop the addresses the lesson names: 10.0.0.10/24 on eth0 and 127.0.0.1/8 on lo", async () => {
    const { run } = await playground();
    const addresses = await run('ip addr');
    expect(addresses).toContain('inet 127.0.0.1/8 scope host lo');
    expect(addresses).toMatch(/inet 10\.0\.0\.10\/24 scope global eth0/);
  });

  it('answers `curl http://web/` with a short HTML page', async () => {
    const { run } = await playground();
    const page = await run('curl http://web/');
    expect(page).toContain('<title>Hello from web</title>');
    expect(page).toContain('<p>This page came from the web server (httpd) on web, 10.0.0.2, port 80.</p>');
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('sends a Content-Length that matches the body, and keeps the connection alive as HTTP/1.1 does', async () => {
    const { run } = await playground();
    const conversation = await run('curl -v http://web/');
    const length = Number(/^< Content-Length: (\d+)$/m.exec(conversation)?.[1]);
    const body = conversation.slice(conversation.indexOf('<!doctype html>'), conversation.indexOf('</html>\n') + '</html>\n'.length);
    expect(length).toBe(new TextEncoder().encode(body).length);
    expect(conversation).toMatch(/^< HTTP\/1\.1 200 OK$/m);
    expect(conversation).toMatch(/^< Server: httpd$/m);
    expect(conversation).toMatch(/^< Connection: keep-alive$/m);
    expect(conversation).toContain('* Connection #0 to host web left intact');
  });

  it("leaves the client's ephemeral port in TIME-WAIT after curl, because the client closed first", async () => {
    const { run } = await playground();
    await run('curl http://web/');
    const sockets = await run('ss -tan');
    const timeWait = /TIME-WAIT\s+0\s+0\s+10\.0\.0\.10:(\d+)\s+10\.0\.0\.2:80/.exec(sockets);
    expect(timeWait, sockets).not.toBeNull();
    const port = Number(timeWait![1]);
    expect(port).toBeGreaterThanOrEqual(32768);
    expect(port).toBeLessThanOrEqual(60999);
  });

  it('answers 404 for a page it does not have', async () => {
    const { run } = await playground();
    expect(await run('curl -i http://web/missing')).toMatch(/^HTTP\/1\.1 404 Not Found\n[\s\S]*<h1>404 Not Found<\/h1>/);
  });

  it('echoes what nc sends to web port 7', async () => {
    const { type } = await playground();
    await type('nc web 7\r');
    expect(await type('hello\r')).toBe('hello\nhello\n');
    await type('\x03');
  });

  it('refuses the echo port on 127.0.0.1 of web: echo listens on 10.0.0.2 only', async () => {
    const { run } = await playground('web');
    expect(await run('nc -v 127.0.0.1 7')).toMatch(/Connection refused/);
  });
});

describe('the playground registry', () => {
  it('finds scenarios by file name', async () => {
    expect(playgroundNames()).toContain('two-hosts');
    expect((await loadPlayground('two-hosts')).topology).toBe(twoHosts.topology);
  });

  it('names the scenarios it has when asked for one it does not', async () => {
    await expect(loadPlayground('three-hosts')).rejects.toThrow(/No playground scenario "three-hosts": add src\/components\/network\/playgrounds\/three-hosts\.ts, or use one of .*two-hosts/);
  });
});

/** The two-hosts playground on an in-page runner with a shell on laptop, and every event it sends. */
function twoHostsRunner() {
  const runner = createInPageRunner({
    createNetwork,
    topology: twoHosts.topology,
    scenario: twoHosts.start,
    createShell: (network, write) => createShell({ network, host: 'laptop', write, clock: instantClock }),
  });
  const events: RunnerEvent[] = [];
  runner.subscribe((event) => events.push(event));
  return { runner, events };
}

describe('the in-page runner on the playground', () => {
  it('sends the network, then done, then a prompt on the chosen host; typed keys reach that shell', async () => {
    const { runner, events } = twoHostsRunner();
    const record = await runner.run();
    expect(record.sockets.filter((row) => row.state === 'LISTEN').map((row) => `${row.host} ${row.local.ip}:${row.local.port}`).sort()).toEqual([
      'web 0.0.0.0:80',
      'web 10.0.0.2:7',
    ]);
    const output = () => stripAnsi(events.flatMap((event) => (event.type === 'shell-output' ? [event.data] : [])).join(''));
    expect(events[0]?.type).toBe('network');
    expect(output()).toBe('learner@laptop:~$ ');
    runner.send({ type: 'shell-input', data: 'hostname\r' });
    await expect.poll(output).toContain('laptop\r\nlearner@laptop:~$ ');
  });

  it('takes the network down on reset: the shell stops answering', async () => {
    const { runner, events } = twoHostsRunner();
    await runner.run();
    runner.send({ type: 'reset' });
    expect(runner.network).toBeNull();
    const before = events.length;
    runner.send({ type: 'shell-input', data: 'hostname\r' });
    expect(events.slice(before).filter((event) => event.type === 'shell-output')).toEqual([]);
    expect(events.at(-1)?.type).toBe('network-reset');
  });
});
