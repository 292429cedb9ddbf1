/**
 * A small echo network for the views' tests: a laptop (10.0.0.10) and a web server (10.0.0.2). On web, a
 * TCP echo server listens on port 7 and a UDP socket on port 53; the laptop connects to the echo server, sends "hello",
 * reads the echo and closes, then sends one datagram. The servers stay up for the terminal.
 */
import type { Network } from '../../src/lib/netsim/api';
import type { TopologySpec } from '../../src/lib/netsim/types';

export const echoTopology: TopologySpec = {
  version: 1,
  seed: 7,
  hosts: [
    { name: 'laptop', nics: [{ name: 'eth0', ip: '10.0.0.10', prefix: 24 }] },
    { name: 'web', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24 }] },
  ],
};

export async function echoScenario(network: Network): Promise<void> {
  const web = network.spawn('web', 'node');
  const echo = web.sockets.socket('tcp');
  await echo.bind('0.0.0.0', 7);
  await echo.listen();
  void (async () => {
    for (;;) {
      const connection = await echo.accept();
      void (async () => {
        for (;;) {
          const { text } = await connection.recv();
          if (text === '') break; // the client has finished sending (FIN)
          await connection.send(text);
        }
        await connection.close();
      })();
    }
  })();

  const dns = web.sockets.socket('udp');
  await dns.bind('0.0.0.0', 53);

  const laptop = network.spawn('laptop', 'node');
  void (async () => {
    const client = laptop.sockets.socket('tcp');
    await client.connect('10.0.0.2', 7);
    await client.send('hello');
    await client.recv();
    await client.close();
    const query = laptop.sockets.socket('udp');
    await query.send('ping', { ip: '10.0.0.2', port: 53 });
    await query.close();
  })();
}
