/** Establishing TCP connections: who talks to whom, from which port, and what each side reports. */
import type { Socket } from 'node:net';
import type { Scenario } from '../platform';
import { addressShape, errorShape, EventLog, isEphemeral, once, PortNames, portShape, text } from '../observe';
import { closed, closeServer, connect, echoServer, listen, LOOPBACK, readAll, unusedPort } from './helpers';

export const tcpConnectScenarios: Scenario[] = [
  {
    name: 'net-echo: the client reads back what it wrote',
    async run(platform) {
      const server = echoServer(platform);
      const port = await listen(server);
      const client = await connect(platform, port);
      const reply = readAll(client);
      client.end('hello, echo');
      const received = await reply;
      await closeServer(server);
      return { received };
    },
  },
  {
    name: 'net-connect-econnrefused: nobody listens on the port',
    async run(platform) {
      const port = await unusedPort(platform);
      const log = new EventLog();
      const client = platform.net.connect(port, LOOPBACK);
      const ports = new PortNames().name(port, 'closed');
      client.on('connect', log.on('client', 'connect'));
      client.on('error', log.on('client', 'error', (error: Error) => errorShape(error, ports)));
      log.add('client', 'close', await closed(client));
      return { events: log.entries, destroyed: client.destroyed, readyState: client.readyState };
    },
  },
  {
    name: 'net-event-order: connect, data, end, close on both sides of a short exchange',
    async run(platform) {
      const log = new EventLog();
      const serverClosed = new Promise<void>((resolve) => {
        const server = platform.net.createServer((socket) => {
          log.add('server', 'connection');
          socket.on('data', log.on('server', 'data', (chunk: Buffer) => text(chunk)));
          socket.on('end', () => {
            log.add('server', 'end');
            socket.end('bye');
          });
          socket.on('finish', log.on('server', 'finish'));
          socket.on('close', (hadError: boolean) => {
            log.add('server', 'close', hadError);
            server.close(() => resolve());
          });
        });
        void listen(server).then((port) => {
          const client = platform.net.connect(port, LOOPBACK, () => log.add('client', 'connect-callback'));
          client.on('connect', log.on('client', 'connect'));
          client.on('ready', log.on('client', 'ready'));
          client.on('data', log.on('client', 'data', (chunk: Buffer) => text(chunk)));
          client.on('end', log.on('client', 'end'));
          client.on('finish', log.on('client', 'finish'));
          client.on('close', log.on('client', 'close', (hadError: boolean) => hadError));
          client.end('hi');
        });
      });
      await serverClosed;
      await platform.settle();
      return { client: log.of('client'), server: log.of('server') };
    },
  },
  {
    name: 'net-connect-callback-before-data: a server that speaks first',
    async run(platform) {
      const log = new EventLog();
      const server = platform.net.createServer((socket) => socket.end('welcome'));
      const port = await listen(server);
      const client = platform.net.connect(port, LOOPBACK, () => log.add('client', 'connect-callback'));
      client.on('data', log.on('client', 'data', (chunk: Buffer) => text(chunk)));
      await once(client, 'end');
      log.add('client', 'end');
      await closeServer(server);
      return log.entries;
    },
  },
  {
    name: 'net-two-clients-one-port: same server end-point, different client ports',
    async run(platform) {
      const accepted: Socket[] = [];
      const server = platform.net.createServer((socket) => accepted.push(socket));
      const port = await listen(server);
      const first = await connect(platform, port);
      const second = await connect(platform, port);
      await platform.settle();
      const byClientPort = (port: number | undefined) => accepted.find((socket) => socket.remotePort === port);
      const serverSides = [byClientPort(first.localPort), byClientPort(second.localPort)];
      const connections = await new Promise((resolve) => server.getConnections((_error, count) => resolve(count)));
      const result = {
        accepted: accepted.length,
        connections,
        clientPortsDiffer: first.localPort !== second.localPort,
        clientPortsEphemeral: [first.localPort, second.localPort].map(isEphemeral),
        serverSidesMatchClients: serverSides.every((socket) => socket !== undefined),
        serverLocalEndpoints: serverSides.map((socket) => `${socket?.localAddress}:${socket?.localPort === port ? '<server>' : socket?.localPort}`),
        clientRemoteEndpoints: [first, second].map((socket) => `${socket.remoteAddress}:${socket.remotePort === port ? '<server>' : socket.remotePort}`),
      };
      first.destroy();
      second.destroy();
      await closeServer(server);
      return result;
    },
  },
  {
    name: 'net-local-address-port: address(), remoteFamily and ports of both ends',
    async run(platform) {
      const ports = new PortNames();
      let serverSide: Socket | undefined;
      const server = platform.net.createServer((socket) => (serverSide = socket));
      const port = await listen(server);
      ports.name(port, 'server');
      const client = await connect(platform, port);
      await platform.settle();
      const describe = (socket: Socket | undefined) => ({
        address: addressShape(socket?.address()),
        localAddress: socket?.localAddress,
        localPort: ports.of(socket?.localPort),
        remoteAddress: socket?.remoteAddress,
        remotePort: ports.of(socket?.remotePort),
        remoteFamily: socket?.remoteFamily,
      });
      const result = { server: { address: addressShape(server.address()) }, client: describe(client), accepted: describe(serverSide) };
      client.destroy();
      await closeServer(server);
      return result;
    },
  },
  {
    name: 'net-socket-before-connect: pending, readyState and addresses before and after',
    async run(platform) {
      const server = echoServer(platform);
      const port = await listen(server);
      const client = platform.net.connect(port, LOOPBACK);
      const before = {
        pending: client.pending,
        connecting: client.connecting,
        readyState: client.readyState,
        remoteAddress: client.remoteAddress ?? 'undefined',
        localPort: client.localPort ?? 'undefined',
      };
      await once(client, 'connect');
      const after = { pending: client.pending, connecting: client.connecting, readyState: client.readyState };
      client.end();
      const afterEnd = client.readyState;
      await once(client, 'close');
      const closed = { readyState: client.readyState, destroyed: client.destroyed };
      await closeServer(server);
      return { before, after, afterEnd, closed };
    },
  },
  {
    name: 'net-ephemeral-port: a client gets a port from 32768-60999 and the server sees it',
    async run(platform) {
      let seenByServer: number | undefined;
      const server = platform.net.createServer((socket) => (seenByServer = socket.remotePort));
      const port = await listen(server);
      const client = await connect(platform, port);
      await platform.settle();
      const result = { clientPort: portShape(client.localPort), serverSeesSamePort: seenByServer === client.localPort };
      client.destroy();
      await closeServer(server);
      return result;
    },
  },
  {
    name: 'net-bytes-stats: bytesRead and bytesWritten on both sides',
    async run(platform) {
      let serverSide: Socket | undefined;
      const server = platform.net.createServer((socket) => {
        serverSide = socket;
        socket.on('data', () => undefined);
        socket.on('end', () => socket.end('0123456789'));
      });
      const port = await listen(server);
      const client = await connect(platform, port);
      const initial = { bytesRead: client.bytesRead, bytesWritten: client.bytesWritten };
      const reply = readAll(client);
      client.write('héllo');
      client.end(new Uint8Array([1, 2, 3]));
      await reply;
      await once(client, 'close');
      await platform.settle();
      const result = {
        initial,
        client: { bytesRead: client.bytesRead, bytesWritten: client.bytesWritten },
        server: { bytesRead: serverSide?.bytesRead, bytesWritten: serverSide?.bytesWritten },
      };
      await closeServer(server);
      return result;
    },
  },
  {
    name: 'net-connect-enotfound: a host name that does not resolve',
    async run(platform) {
      const client = platform.net.connect(80, 'nosuch.invalid');
      const [error] = await once(client, 'error');
      const [hadError] = await once(client, 'close');
      return { error: errorShape(error), hadError };
    },
  },
  {
    name: 'net-connect-local-address-eaddrnotavail: binding the client to an address the host lacks',
    async run(platform) {
      const server = echoServer(platform);
      const port = await listen(server);
      const client = platform.net.connect({ port, host: LOOPBACK, localAddress: '192.0.2.1' });
      const [error] = await once(client, 'error');
      await closeServer(server);
      return errorShape(error, new PortNames().name(port, 'server'));
    },
  },
  {
    name: 'net-connect-local-port-in-use: a client asking for the listening port',
    async run(platform) {
      const server = echoServer(platform);
      const port = await listen(server, 0, '0.0.0.0');
      const client = platform.net.connect({ port, host: LOOPBACK, localPort: port });
      const [error] = await once(client, 'error');
      await closeServer(server);
      return errorShape(error, new PortNames().name(port, 'server'));
    },
  },
  {
    name: 'net-connect-localhost: the name localhost reaches a server on 127.0.0.1',
    async run(platform) {
      const server = echoServer(platform);
      const port = await listen(server);
      const client = platform.net.connect({ port, host: 'localhost', family: 4 });
      await once(client, 'connect');
      const result = { remoteAddress: client.remoteAddress, remoteFamily: client.remoteFamily };
      client.destroy();
      await closeServer(server);
      return result;
    },
  },
];
