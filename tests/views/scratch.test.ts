import { it } from 'vitest';
import { createNetwork } from '../../src/lib/netsim';
import { createShell, instantClock, stripAnsi } from '../../src/lib/shell';
import * as twoSubnets from '../../src/components/network/playgrounds/two-subnets';
it('scratch', async () => {
  const network = createNetwork(twoSubnets.topology);
  await twoSubnets.start(network);
  let screen = '';
  const shell = createShell({ network, host: 'laptop', cols: 160, clock: instantClock, write: (a) => (screen += a) });
  shell.prompt();
  for (const line of ['ping -c 1 web', 'ping -c 1 intranet', 'nc -v 10.0.0.99 80', 'nc -v 10.0.1.99 80', 'nc -v intranet 81', 'trace', 'ssh router', 'ip route', 'exit']) {
    const start = screen.length;
    shell.input(`${line}\r`);
    await shell.settled();
    console.log(stripAnsi(screen.slice(start)).replace(/\r\n/g, '\n'));
  }
}, 60000);
