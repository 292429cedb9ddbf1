/** Listening: which address/port pairs a host lets two servers share, and the errors when it does not. */
import type { Scenario } from '../platform';
import { addressShape, errorShape, firstOf, isEphemeral, listenAddressShape, once, PortNames } from '../observe';
import { closeServer, connect, echoServer, listen, thrown } from './helpers';

/** Two servers on the same port: the first on `first`, the second on `second`. Linux decides per pair. */
const samePortPairs: [first: string, second: string][] = [
  ['127.0.0.1', '127.0.0.1'],
  ['0.0.0.0', '127.0.0.1'],
  ['127.0.0.1', '0.0.0.0'],
  ['0.0.0.0', '0.0.0.0'],
  ['127.0.0.1', '127.0.0.2'],
];

const samePortScenarios: Scenario[] = samePortPairs.map(([first, second]) => ({
  name: `net-listen-same-port: ${first} then ${second}`,
  async run(platform) {
    const firstServer = platform.net.createServer();
    const port = await listen(firstServer, 0, first);
    const secondServer = platform.net.createServer();
    secondServer.listen(port, second);
    const { event, args } = await firstOf(secondServer, ['listening', 'error']);
    const outcome = event === 'listening'
      ? { listening: addressShape(secondServer.address()) }
      : { error: errorShape(args[0], new PortNames().name(port, 'port')) };
    if (secondServer.listening) await closeServer(secondServer);
    await closeServer(firstServer);
    return outcome;
  },
}));

export const tcpListenScenarios: Scenario[] = [
  ...samePortScenarios,
  {
    name: 'net-listen-eaddrnotavail: listening on an address the host lacks',
    async run(platform) {
      const server = platform.net.createServer();
      server.listen(8080, '192.0.2.1');
      const [error] = await once(server, 'error');
      return { error: errorShape(error), listening: server.listening, address: server.address() };
    },
  },
  {
    name: 'net-listen-port-zero: the kernel picks an ephemeral port',
    async run(platform) {
      const server = platform.net.createServer();
      const port = await listen(server, 0, '0.0.0.0');
      const result = { ephemeral: isEphemeral(port), address: addressShape(server.address()), listening: server.listening };
      await closeServer(server);
      return result;
    },
  },
  {
    name: 'net-server-address-before-listen: address() is null',
    async run(platform) {
      const server = platform.net.createServer();
      return { address: server.address(), listening: server.listening };
    },
  },
  {
    name: 'net-listen-twice: ERR_SERVER_ALREADY_LISTEN is thrown',
    async run(platform) {
      const server = platform.net.createServer();
      await listen(server);
      const error = thrown(() => server.listen(0, '127.0.0.1'));
      await closeServer(server);
      return errorShape(error);
    },
  },
  {
    name: 'net-server-close-not-running: the callback gets ERR_SERVER_NOT_RUNNING',
    async run(platform) {
      const server = platform.net.createServer();
      const [error] = await new Promise<unknown[]>((resolve) => server.close((...args) => resolve(args)));
      return errorShape(error);
    },
  },
  {
    name: 'net-listen-bad-port: ports outside 0-65535 throw ERR_SOCKET_BAD_PORT',
    async run(platform) {
      const server = platform.net.createServer();
      return [70000, -1, 65536, 1.5].map((port) => errorShape(thrown(() => server.listen(port, '127.0.0.1'))));
    },
  },
  {
    name: 'net-connect-bad-port: connect to a port outside 0-65535 throws ERR_SOCKET_BAD_PORT',
    async run(platform) {
      return [70000, -1, 65536].map((port) => errorShape(thrown(() => platform.net.connect(port, '127.0.0.1'))));
    },
  },
  {
    name: 'net-listen-any-accepts-loopback: a server on 0.0.0.0 accepts 127.0.0.1 and sees where it was reached',
    async run(platform) {
      let accepted: { localAddress?: string; remoteAddress?: string } | undefined;
      const server = platform.net.createServer((socket) => (accepted = { localAddress: socket.localAddress, remoteAddress: socket.remoteAddress }));
      const port = await listen(server, 0, '0.0.0.0');
      const client = await connect(platform, port, '127.0.0.1');
      await platform.settle();
      client.destroy();
      await closeServer(server);
      return { accepted: accepted ?? null, server: addressShape(server.address()) };
    },
  },
  {
    name: 'net-listen-after-time-wait: a server can listen again on a port whose old connection is in TIME-WAIT',
    async run(platform) {
      // The server side closes first, so the TIME-WAIT sits on the server's port; Node sets SO_REUSEADDR.
      const first = platform.net.createServer((socket) => socket.end('bye'));
      const port = await listen(first);
      const client = await connect(platform, port);
      client.resume();
      await once(client, 'end');
      client.end();
      await once(client, 'close');
      await closeServer(first);
      const second = platform.net.createServer();
      second.listen(port, '127.0.0.1');
      const { event, args } = await firstOf(second, ['listening', 'error']);
      const outcome = event === 'listening' ? 'listening' : errorShape(args[0], new PortNames().name(port, 'port'));
      if (second.listening) await closeServer(second);
      return outcome;
    },
  },
  {
    name: 'net-server-close-event: close() of an idle server calls back and emits close',
    async run(platform) {
      const server = echoServer(platform);
      await listen(server);
      const order: string[] = [];
      server.on('close', () => order.push('close-event'));
      await new Promise<void>((resolve) => server.close((error) => {
        order.push(`callback:${error === undefined ? 'no error' : String(error)}`);
        resolve();
      }));
      await platform.settle();
      return { order, listening: server.listening, address: server.address() };
    },
  },
  {
    name: 'net-listen-no-host: listen(port) with no address listens on every address',
    async run(platform) {
      const server = platform.net.createServer((socket) => socket.end('reached'));
      server.listen(0);
      await once(server, 'listening');
      const address = server.address() as { port: number };
      const client = await connect(platform, address.port, '127.0.0.1');
      client.resume();
      await once(client, 'end');
      await closeServer(server);
      return { address: listenAddressShape(address), reachedOverLoopback: true };
    },
  },
  {
    name: 'net-is-ip: isIP, isIPv4 and isIPv6 classify address text',
    async run(platform) {
      const { isIP, isIPv4, isIPv6 } = platform.net;
      const samples = ['10.0.0.1', '127.0.0.1', '::1', '::', '1.2.3.256', '01.2.3.4', 'localhost', ''];
      return samples.map((sample) => [sample, isIP(sample), isIPv4(sample), isIPv6(sample)]);
    },
  },
];
