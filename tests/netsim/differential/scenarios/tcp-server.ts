/**
 * A net.Server beyond binding: when `listen` takes effect and 'listening' fires relative to the calling code,
 * address() through its life, close() twice, getConnections(), maxConnections and its 'drop' event.
 */
import type { Server } from 'node:net';
import type { Platform, Scenario } from '../platform';
import { addressShape, errorShape, EventLog, listenAddressShape, once, PortNames } from '../observe';
import { closed, closeServer, connect, listen, LOOPBACK } from './helpers';

/**
 * Calls `listen` from inside a macrotask (an immediate), so the order of what follows is the event loop's:
 * synchronous code, then the nextTick queue ('listening' is emitted from there), then promise callbacks,
 * then the next immediate.
 */
function listenTiming(platform: Platform, start: (server: Server) => void): Promise<unknown[]> {
  return new Promise((resolve) => {
    platform.timers.setImmediate(() => {
      const order: unknown[] = [];
      const server = platform.net.createServer();
      start(server);
      order.push(['right after listen()', { listening: server.listening, address: listenAddressShape(server.address()) }]);
      server.on('listening', () => order.push(['listening event', { listening: server.listening, address: listenAddressShape(server.address()) }]));
      void Promise.resolve().then(() => order.push('promise callback'));
      platform.timers.setImmediate(() => {
        order.push('next immediate');
        server.close(() => resolve(order));
      });
    });
  });
}

export const tcpServerScenarios: Scenario[] = [
  {
    name: "net-listen-timing-no-host: listen(0) binds at once (listening, address()); 'listening' follows in the next tick",
    async run(platform) {
      return listenTiming(platform, (server) => server.listen(0, () => undefined));
    },
  },
  {
    name: "net-listen-timing-ip-host: listen(0, '127.0.0.1') binds only after a lookup tick; 'listening' still comes before promises",
    async run(platform) {
      return listenTiming(platform, (server) => server.listen(0, LOOPBACK));
    },
  },
  {
    name: 'net-listen-timing-options: listen({ port: 0, host }) behaves as listen(0, host); the callback runs before later listeners',
    async run(platform) {
      const order: string[] = [];
      const server = platform.net.createServer();
      server.listen({ port: 0, host: LOOPBACK }, () => order.push('listen callback'));
      server.on('listening', () => order.push('listening listener added after listen()'));
      order.push(`sync: listening ${server.listening}`);
      await once(server, 'listening');
      await closeServer(server);
      return order;
    },
  },
  {
    name: 'net-server-address-life: address() is null before listen, an object while listening, null again right after close()',
    async run(platform) {
      const server = platform.net.createServer();
      const before = server.address();
      await listen(server);
      const listening = addressShape(server.address());
      const closedAt = new Promise<void>((resolve) => server.close(() => resolve()));
      const rightAfterClose = { address: server.address(), listening: server.listening };
      await closedAt;
      return { before, listening, rightAfterClose, afterCloseEvent: server.address() };
    },
  },
  {
    name: "net-server-close-twice: the second close() calls back with ERR_SERVER_NOT_RUNNING, and 'close' is emitted a second time",
    async run(platform) {
      const log = new EventLog();
      const server = platform.net.createServer();
      await listen(server);
      server.on('close', log.on('server', 'close event'));
      const first = new Promise<void>((resolve) => server.close((error) => {
        log.add('server', 'first close callback', error === undefined ? 'no error' : errorShape(error));
        resolve();
      }));
      const second = new Promise<void>((resolve) => server.close((error) => {
        log.add('server', 'second close callback', error === undefined ? 'no error' : errorShape(error));
        resolve();
      }));
      await Promise.all([first, second]);
      await platform.settle();
      return log.entries;
    },
  },
  {
    name: 'net-server-get-connections: the count follows connections as they come and go, and after close()',
    async run(platform) {
      const server = platform.net.createServer((socket) => socket.resume());
      const count = () => new Promise<unknown>((resolve) => server.getConnections((error, n) => resolve(error ? errorShape(error) : n)));
      const counts: unknown[] = [['before listen', await count()]];
      const port = await listen(server);
      const first = await connect(platform, port);
      const second = await connect(platform, port);
      await platform.settle();
      counts.push(['two clients', await count()]);
      first.end();
      first.resume();
      await closed(first);
      await platform.settle();
      counts.push(['one left', await count()]);
      const serverClosed = closeServer(server);
      counts.push(['after close() with one open', await count()]);
      second.end();
      second.resume();
      await closed(second);
      await serverClosed;
      counts.push(['all gone', await count()]);
      return counts;
    },
  },
  {
    name: "net-max-connections-drop: the 'drop' event describes the refused connection; the client sees it closed",
    async run(platform) {
      const ports = new PortNames();
      const server = platform.net.createServer((socket) => socket.resume());
      server.maxConnections = 1;
      const drops: unknown[] = [];
      server.on('drop', (drop?: Record<string, unknown>) => drops.push(drop === undefined ? 'no argument' : {
        ...drop,
        localPort: ports.of(drop.localPort),
        remotePort: ports.of(drop.remotePort),
      }));
      const port = await listen(server);
      ports.name(port, 'server');
      const first = await connect(platform, port);
      const second = await connect(platform, port);
      const log = new EventLog();
      second.on('end', log.on('second', 'end'));
      second.on('error', log.on('second', 'error', (error: Error) => errorShape(error)));
      second.on('close', log.on('second', 'close', (hadError: boolean) => hadError));
      second.resume();
      await closed(second);
      await platform.settle();
      first.destroy();
      await closeServer(server);
      return { drops, second: log.entries };
    },
  },
  {
    name: 'net-max-connections-zero: with maxConnections = 0 every connection is dropped before the connection listener sees it',
    async run(platform) {
      let accepted = 0;
      const server = platform.net.createServer(() => (accepted += 1));
      server.maxConnections = 0;
      let drops = 0;
      server.on('drop', () => (drops += 1));
      const port = await listen(server);
      const client = await connect(platform, port);
      client.resume();
      client.on('error', () => undefined);
      await closed(client);
      await platform.settle();
      await closeServer(server);
      return { accepted, drops };
    },
  },
  {
    name: "net-listen-bad-options: listen({}) throws ERR_INVALID_ARG_VALUE; listen on a closed server's port works again",
    async run(platform) {
      const server = platform.net.createServer();
      let thrown: unknown = 'did not throw';
      try {
        server.listen({} as { port: number });
      } catch (error) {
        thrown = error;
      }
      const port = await listen(server);
      await closeServer(server);
      server.listen(port, LOOPBACK);
      await once(server, 'listening');
      const again = (server.address() as { port: number }).port === port;
      await closeServer(server);
      return { thrown: errorShape(thrown), listensAgainOnTheSamePort: again };
    },
  },
];
