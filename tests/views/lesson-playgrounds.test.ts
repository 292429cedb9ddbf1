/**
 * The lessons' playgrounds do what the lessons say they do, typed through the real shell as a learner would:
 * two cards and loopback (chapter 1), two subnets and a router (chapter 2), the web on 80 and 8080 (chapter 3).
 */
import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../src/lib/netsim';
import { createShell, instantClock, stripAnsi } from '../../src/lib/shell';
import type { PlaygroundScenario } from '../../src/components/network/playgrounds/kit/playground';
import * as twoCards from '../../src/components/network/playgrounds/two-cards';
import * as twoSubnets from '../../src/components/network/playgrounds/two-subnets';
import * as web8080 from '../../src/components/network/playgrounds/web-8080';

async function playground(scenario: PlaygroundScenario, host: string) {
  const network = createNetwork(scenario.topology);
  await scenario.start(network);
  let screen = '';
  const shell = createShell({ network, host, cols: 160, clock: instantClock, write: (ansi) => (screen += ansi) });
  shell.prompt();
  const run = async (line: string) => {
    const start = screen.length;
    shell.input(`${line}\r`);
    await shell.settled();
    const printed = stripAnsi(screen.slice(start)).replace(/\r\n/g, '\n');
    return printed.slice(printed.indexOf('\n') + 1).replace(/learner@[a-z]+:~\$ $/, '');
  };
  return { network, run, shell };
}

describe('scratch', () => {
  it('prints', async () => {
    const { run } = await playground(twoSubnets, 'laptop');
    for (const line of ['ssh printer', 'curl -v http://10.0.0.2/', 'nc -v 10.0.0.2 80', 'nc -zv 10.0.0.2 80']) {
      console.log(`$ ${line}\n${await run(line)}`);
    }
    const c = await playground(twoCards, 'laptop');
    for (const line of ['ip addr', 'ip route', 'curl http://127.0.0.1:3000/', 'curl http://10.0.0.10:3000/', 'ss -tlnp', 'ping -c 1 phone', 'ssh web', 'curl http://10.0.0.10:3000/', 'ping -c 1 192.168.1.7', 'ping -c 1 phone']) {
      console.log(`$ ${line}\n${await c.run(line)}`);
    }
    const w = await playground(web8080, 'laptop');
    for (const line of ['curl http://web/', 'curl http://web:8080/', 'curl -v http://web/', 'ssh web', 'ss -tlnp', 'sudo ss -tlnp', 'nc -l 8080', 'sudo nc -l 8080']) {
      console.log(`$ ${line}\n${await w.run(line)}`);
    }
  }, 60_000);
});
