/**
 * A net.Socket through its whole life, as its public fields show it: fresh, connecting, connected, ended,
 * closed, reconnected on the same object; special destinations; idle timeouts; what happens before connect.
 */
import type { Socket } from 'node:net';
import type { Platform, Scenario } from '../platform';
import { addressShape, errorShape, EventLog, once, PortNames } from '../observe';
import { closed, closeServer, connect, echoServer, listen, LOOPBACK, unusedPort } from './helpers';

/** Every public field that says where a socket is in its life (undefined spelled out, ports named). */
function snapshot(socket: Socket, ports: PortNames): Record<string, unknown> {
  const shown = (value: unknown) => (value === undefined ? 'undefined' : value);
  return {
    readyState: socket.readyState,
    pending: socket.pending,
    connecting: socket.connecting,
    destroyed: socket.destroyed,
    readable: socket.readable,
    writable: socket.writable,
    address: addressShape(socket.address()),
    localAddress: shown(socket.localAddress),
    localPort: shown(ports.of(socket.localPort)),
    localFamily: shown(socket.localFamily),
    remoteAddress: shown(socket.remoteAddress),
    remotePort: shown(ports.of(socket.remotePort)),
    remoteFamily: shown(socket.remoteFamily),
    timeout: shown(socket.timeout),
  };
}

/** Resolves after `ms` of the platform's time: here, the quiet period an idle timeout measures. */
function quiet(platform: Platform, ms: number): Promise<void> {
  return new Promise((resolve) => platform.timers.setTimeout(resolve, ms));
}

export const tcpSocketLifeScenarios: Scenario[] = [
  {
    name: 'net-socket-life-fresh: a new net.Socket() before connect, and a write to it',
    async run(platform) {
      const log = new EventLog();
      const socket = new platform.net.Socket();
      const fresh = snapshot(socket, new PortNames());
      socket.on('error', log.on('socket', 'error', (error: Error) => errorShape(error)));
      socket.on('close', log.on('socket', 'close', (hadError: boolean) => hadError));
      const returned = socket.write('into nowhere', (error) => log.add('socket', 'write callback', errorShape(error)));
      log.add('socket', 'write returned', returned);
      await closed(socket);
      return { fresh, events: log.entries };
    },
  },
  {
    name: 'net-socket-life-connection: fields while connecting, connected, after end(), after close',
    async run(platform) {
      const ports = new PortNames();
      const server = echoServer(platform);
      const port = await listen(server);
      ports.name(port, 'server');
      const client = platform.net.connect(port, LOOPBACK);
      const connecting = snapshot(client, ports);
      await once(client, 'connect');
      const connected = snapshot(client, ports);
      client.end();
      const ended = snapshot(client, ports);
      client.resume();
      await closed(client);
      const afterClose = snapshot(client, ports);
      await closeServer(server);
      return { connecting, connected, ended, afterClose };
    },
  },
  {
    name: 'net-socket-life-addresses-after-close: addresses read while connected stay readable after close; unread ones are gone',
    async run(platform) {
      const ports = new PortNames();
      const server = echoServer(platform);
      const port = await listen(server);
      ports.name(port, 'server');
      const readEarly = await connect(platform, port);
      const early = { remoteAddress: readEarly.remoteAddress, localAddress: readEarly.localAddress };
      const neverRead = await connect(platform, port);
      for (const socket of [readEarly, neverRead]) {
        socket.resume();
        socket.end();
      }
      await Promise.all([closed(readEarly), closed(neverRead)]);
      const fields = (socket: Socket) => ({
        remoteAddress: socket.remoteAddress ?? 'undefined',
        remotePort: ports.of(socket.remotePort) ?? 'undefined',
        localAddress: socket.localAddress ?? 'undefined',
        address: addressShape(socket.address()),
      });
      await closeServer(server);
      return { whileConnected: early, readEarlyAfterClose: fields(readEarly), neverReadAfterClose: fields(neverRead) };
    },
  },
  {
    name: 'net-socket-reconnect-after-failure: connect() again on the same Socket after ECONNREFUSED and close',
    async run(platform) {
      const log = new EventLog();
      const ports = new PortNames();
      const closedPort = await unusedPort(platform);
      ports.name(closedPort, 'closed');
      const server = platform.net.createServer((socket) => socket.end('welcome on the second try'));
      const port = await listen(server);
      ports.name(port, 'server');
      const socket = platform.net.connect(closedPort, LOOPBACK);
      socket.on('connect', log.on('socket', 'connect'));
      socket.on('error', log.on('socket', 'error', (error: Error) => errorShape(error, ports)));
      socket.on('close', log.on('socket', 'close', (hadError: boolean) => hadError));
      await closed(socket);
      log.add('socket', 'after failure', snapshot(socket, ports));
      socket.connect(port, LOOPBACK);
      log.add('socket', 'reconnecting', { connecting: socket.connecting, destroyed: socket.destroyed, readyState: socket.readyState });
      let received = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => (received += chunk));
      await once(socket, 'connect');
      log.add('socket', 'reconnected', snapshot(socket, ports));
      await closed(socket);
      log.add('socket', 'received', received);
      await closeServer(server);
      return log.entries;
    },
  },
  {
    name: 'net-connect-any-address: 0.0.0.0 as a destination reaches this host (Linux connects it to 127.0.0.1)',
    async run(platform) {
      let accepted: unknown;
      const ports = new PortNames();
      const server = platform.net.createServer((socket) => (accepted = { localAddress: socket.localAddress, remoteAddress: socket.remoteAddress }));
      const port = await listen(server);
      ports.name(port, 'server');
      const client = platform.net.connect(port, '0.0.0.0');
      await once(client, 'connect');
      await platform.settle();
      const result = { remoteAddress: client.remoteAddress, remotePort: ports.of(client.remotePort), localAddress: client.localAddress, accepted };
      client.destroy();
      const refusedPort = await unusedPort(platform);
      ports.name(refusedPort, 'closed');
      const refused = platform.net.connect(refusedPort, '0.0.0.0');
      const [error] = await once(refused, 'error');
      await closeServer(server);
      return { ...result, refused: errorShape(error, ports) };
    },
  },
  {
    name: 'net-connect-broadcast-address: 255.255.255.255 as a TCP destination fails with ENETUNREACH',
    async run(platform) {
      const client = platform.net.connect(80, '255.255.255.255');
      const [error] = await once(client, 'error');
      const [hadError] = await once(client, 'close');
      return { error: errorShape(error), hadError };
    },
  },
  {
    name: 'net-end-before-connect: end(data) right after connect() sends the data and the FIN once connected',
    async run(platform) {
      const log = new EventLog();
      let serverClosed: Promise<boolean> = Promise.resolve(false);
      const server = platform.net.createServer((socket) => {
        let received = '';
        socket.setEncoding('latin1');
        socket.on('data', (chunk: string) => (received += chunk));
        socket.on('end', () => log.add('server', 'end', received));
        serverClosed = closed(socket);
      });
      const port = await listen(server);
      const client = platform.net.connect(port, LOOPBACK);
      client.on('connect', log.on('client', 'connect'));
      client.on('finish', log.on('client', 'finish'));
      client.on('close', log.on('client', 'close', (hadError: boolean) => hadError));
      client.end('all I had to say');
      log.add('client', 'after end()', { connecting: client.connecting, writable: client.writable, readyState: client.readyState });
      client.resume();
      await closed(client);
      await serverClosed;
      await closeServer(server);
      return { client: log.of('client'), server: log.of('server') };
    },
  },
  {
    name: 'net-destroy-before-connect: destroy() right after connect() closes without connecting; the server sees nobody',
    async run(platform) {
      const log = new EventLog();
      let connections = 0;
      const server = platform.net.createServer(() => (connections += 1));
      const port = await listen(server);
      const client = platform.net.connect(port, LOOPBACK);
      client.on('connect', log.on('client', 'connect'));
      client.on('error', log.on('client', 'error', (error: Error) => errorShape(error)));
      client.on('close', log.on('client', 'close', (hadError: boolean) => hadError));
      client.destroy();
      await once(client, 'close');
      await platform.settle();
      await closeServer(server);
      return { events: log.entries, connections, readyState: client.readyState };
    },
  },
  {
    name: 'net-connect-port-as-text: a numeric string is a port; other text is taken as a Unix socket path; no port at all throws',
    async run(platform) {
      const server = echoServer(platform);
      const port = await listen(server);
      const client = platform.net.connect(String(port) as unknown as number, LOOPBACK);
      await once(client, 'connect');
      const remotePortType = typeof client.remotePort;
      client.destroy();
      const viaOptions = platform.net.connect({ port: String(port) as unknown as number, host: LOOPBACK });
      await once(viaOptions, 'connect');
      viaOptions.destroy();
      const notANumber = platform.net.connect('eighty' as unknown as number, LOOPBACK);
      const [pathError] = await once(notANumber, 'error').catch((error: unknown) => [error]);
      const missing = (action: () => unknown) => {
        try {
          action();
          return 'did not throw';
        } catch (error) {
          return errorShape(error);
        }
      };
      const errors = {
        noArguments: missing(() => (platform.net.connect as () => Socket)()),
        optionsWithoutPort: missing(() => platform.net.connect({ host: LOOPBACK } as unknown as { port: number })),
      };
      await closeServer(server);
      return { connected: true, remotePortType, textPort: errorShape(pathError), errors };
    },
  },
  {
    name: 'net-socket-methods-chain: setNoDelay, setKeepAlive, setTimeout, setEncoding, pause, resume, ref, unref return the socket',
    async run(platform) {
      const server = echoServer(platform);
      const port = await listen(server);
      const client = await connect(platform, port);
      const chained = {
        setNoDelay: client.setNoDelay(true) === client,
        setKeepAlive: client.setKeepAlive(true, 1000) === client,
        setTimeout: client.setTimeout(0) === client,
        setEncoding: client.setEncoding('utf8') === client,
        pause: client.pause() === client,
        resume: client.resume() === client,
        ref: client.ref() === client,
        unref: client.unref() === client,
        end: client.end() === client,
        server: { ref: server.ref() === server, unref: server.unref() === server },
        isSocket: client instanceof platform.net.Socket,
        isServer: server instanceof platform.net.Server,
      };
      await closed(client);
      await closeServer(server);
      return chained;
    },
  },
  {
    name: "net-socket-timeout-once-per-idle-period: 'timeout' fires once per quiet period; activity re-arms it",
    async run(platform) {
      const server = platform.net.createServer((socket) => socket.resume());
      const port = await listen(server);
      const client = await connect(platform, port);
      let timeouts = 0;
      client.on('timeout', () => (timeouts += 1));
      client.setTimeout(30);
      await once(client, 'timeout');
      const afterFirst = timeouts;
      await quiet(platform, 100);
      const afterQuietWhile = timeouts;
      client.write('activity');
      await once(client, 'timeout');
      const afterActivity = timeouts;
      client.destroy();
      await closeServer(server);
      return { afterFirst, afterQuietWhile, afterActivity, destroyed: client.destroyed };
    },
  },
  {
    name: 'net-socket-timeout-zero: setTimeout(0) disables the idle timer and removes the callback given with it',
    async run(platform) {
      const server = platform.net.createServer((socket) => socket.resume());
      const port = await listen(server);
      const client = await connect(platform, port);
      const onTimeout = () => undefined;
      let timeouts = 0;
      client.on('timeout', () => (timeouts += 1));
      client.setTimeout(20, onTimeout);
      const armed = { timeout: client.timeout, listeners: client.listenerCount('timeout') };
      client.setTimeout(0, onTimeout);
      const disarmed = { timeout: client.timeout, listeners: client.listenerCount('timeout') };
      await quiet(platform, 60);
      client.destroy();
      await closeServer(server);
      return { armed, disarmed, timeouts };
    },
  },
  {
    name: 'net-socket-timeout-reading: bytes arriving keep the idle timer from firing',
    async run(platform) {
      // Ticks 10 ms apart against a 150 ms idle timeout: wide margins, so a loaded machine does not matter.
      const server = platform.net.createServer((socket) => {
        let sent = 0;
        socket.on('error', () => undefined);
        const tick = () => {
          if (socket.destroyed) return;
          socket.write('tick');
          if (++sent < 5) platform.timers.setTimeout(tick, 10);
        };
        tick();
      });
      const port = await listen(server);
      const client = await connect(platform, port);
      client.resume();
      let timeouts = 0;
      let bytes = 0;
      let bytesAtTimeout = -1;
      client.on('data', (chunk: Buffer) => (bytes += chunk.length));
      client.on('timeout', () => {
        timeouts += 1;
        bytesAtTimeout = bytes;
      });
      client.setTimeout(150);
      await once(client, 'timeout');
      client.destroy();
      await closeServer(server);
      return { timeouts, bytesBeforeTheTimeout: bytesAtTimeout };
    },
  },
  {
    name: 'net-connect-timeout-option: connect({ timeout }) sets the idle timeout of the new socket',
    async run(platform) {
      const server = platform.net.createServer((socket) => socket.resume());
      const port = await listen(server);
      const client = platform.net.connect({ port, host: LOOPBACK, timeout: 100 });
      const beforeConnect = client.timeout;
      await once(client, 'connect');
      await once(client, 'timeout');
      const result = { beforeConnect, atTimeout: client.timeout, destroyed: client.destroyed };
      client.destroy();
      await closeServer(server);
      return result;
    },
  },
  {
    name: "net-connect-lookup-event: a host name emits 'lookup' (err, address, family, host) before 'connect'; an IP does not",
    async run(platform) {
      const server = echoServer(platform);
      const port = await listen(server);
      const events = async (host: string) => {
        const log = new EventLog();
        // family 4: on a dual-stack host `localhost` may also name ::1; netsim's hosts are IPv4 only.
        const client = platform.net.connect({ port, host, family: 4 });
        client.on('lookup', log.on('client', 'lookup', (error: Error | null, address: string, family: number, name: string) => [error, address, family, name]));
        client.on('connect', log.on('client', 'connect'));
        log.add('client', 'connect() returned');
        await once(client, 'connect');
        client.destroy();
        return log.of('client');
      };
      const result = { byName: await events('localhost'), byAddress: await events(LOOPBACK) };
      await closeServer(server);
      return result;
    },
  },
  {
    name: "net-connect-lookup-failure: a name that does not resolve emits 'lookup' with the error, then 'error', then 'close'",
    async run(platform) {
      const log = new EventLog();
      const client = platform.net.connect(80, 'nosuch.invalid');
      client.on('lookup', log.on('client', 'lookup', (error: Error | null, address: unknown, family: unknown, host: string) => [errorShape(error), address ?? 'undefined', family ?? 'undefined', host]));
      client.on('error', log.on('client', 'error', (error: Error) => (error as { code?: string }).code));
      client.on('close', log.on('client', 'close', (hadError: boolean) => hadError));
      await closed(client);
      return log.entries;
    },
  },
];
