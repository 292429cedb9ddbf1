/** UDP through `dgram`: datagrams, implicit binding, rinfo, and what a sender hears about a closed port. */
import type { Socket as DgramSocket, RemoteInfo } from 'node:dgram';
import type { Platform, Scenario } from '../platform';
import { addressShape, errorShape, EventLog, firstOf, isEphemeral, once, PortNames, text } from '../observe';
import { LOOPBACK, thrown } from './helpers';

async function bound(platform: Platform, port = 0, address = LOOPBACK): Promise<DgramSocket> {
  const socket = platform.dgram.createSocket('udp4');
  socket.bind(port, address);
  await once(socket, 'listening');
  return socket;
}

function closeDgram(socket: DgramSocket): Promise<void> {
  return new Promise((resolve) => socket.close(() => resolve()));
}

function rinfoShape(rinfo: RemoteInfo, ports: PortNames): unknown {
  return { address: rinfo.address, family: rinfo.family, port: ports.of(rinfo.port), size: rinfo.size };
}

export const udpScenarios: Scenario[] = [
  {
    name: 'dgram-echo: a reply goes back to the port in rinfo',
    async run(platform) {
      const server = await bound(platform);
      const ports = new PortNames().name(server.address().port, 'server');
      const log = new EventLog();
      server.on('message', (message: Buffer, rinfo: RemoteInfo) => {
        log.add('server', 'message', text(message), rinfoShape(rinfo, ports));
        server.send(message, rinfo.port, rinfo.address);
      });
      const client = await bound(platform);
      ports.name(client.address().port, 'client');
      const reply = once(client, 'message');
      client.send('ping?', server.address().port, LOOPBACK);
      const [message, rinfo] = (await reply) as [Buffer, RemoteInfo];
      log.add('client', 'message', text(message), rinfoShape(rinfo, ports));
      await closeDgram(client);
      await closeDgram(server);
      return log.entries;
    },
  },
  {
    name: 'dgram-send-to-closed-port: an unconnected sender hears nothing',
    async run(platform) {
      const closedPort = await bound(platform).then(async (socket) => {
        const port = socket.address().port;
        await closeDgram(socket);
        return port;
      });
      const receiver = await bound(platform);
      const sender = await bound(platform);
      const log = new EventLog();
      sender.on('error', log.on('sender', 'error', (error: Error) => errorShape(error)));
      sender.send('nobody home', closedPort, LOOPBACK, (error) => log.add('sender', 'send callback', error ?? null));
      // A second datagram to a live port: once it arrives, any error for the first would have been reported.
      const marker = once(receiver, 'message');
      sender.send('marker', receiver.address().port, LOOPBACK);
      const [message] = await marker;
      log.add('receiver', 'message', text(message));
      await platform.settle();
      await closeDgram(sender);
      await closeDgram(receiver);
      return log.entries;
    },
  },
  {
    name: 'dgram-connected-to-closed-port: a connected socket gets ECONNREFUSED',
    async run(platform) {
      const closedPort = await bound(platform).then(async (socket) => {
        const port = socket.address().port;
        await closeDgram(socket);
        return port;
      });
      const sender = platform.dgram.createSocket('udp4');
      sender.connect(closedPort, LOOPBACK);
      await once(sender, 'connect');
      const error = once(sender, 'error');
      sender.send('knock');
      const [reported] = await error;
      const shape = errorShape(reported, new PortNames().name(closedPort, 'closed'));
      await closeDgram(sender);
      return shape;
    },
  },
  {
    name: 'dgram-send-before-bind: sending binds the socket to 0.0.0.0 and an ephemeral port',
    async run(platform) {
      const receiver = await bound(platform);
      const sender = platform.dgram.createSocket('udp4');
      const log = new EventLog();
      sender.on('listening', log.on('sender', 'listening'));
      const arrived = once(receiver, 'message');
      sender.send('implicit bind', receiver.address().port, LOOPBACK, (error) => log.add('sender', 'send callback', error ?? null));
      const [, rinfo] = (await arrived) as [Buffer, RemoteInfo];
      await platform.settle();
      log.add('sender', 'address', addressShape(sender.address()));
      log.add('receiver', 'from', rinfo.address, isEphemeral(rinfo.port), rinfo.port === sender.address().port);
      await closeDgram(sender);
      await closeDgram(receiver);
      return log.entries;
    },
  },
  {
    name: 'dgram-rinfo-shape: message arguments and sizes of an empty and a binary datagram',
    async run(platform) {
      const receiver = await bound(platform);
      const sender = await bound(platform, 0, '0.0.0.0');
      const ports = new PortNames().name(sender.address().port, 'sender');
      const messages: unknown[] = [];
      const both = new Promise<void>((resolve) => {
        receiver.on('message', (message: Buffer, rinfo: RemoteInfo) => {
          messages.push({ bytes: [...message], isBuffer: message instanceof Uint8Array, rinfo: rinfoShape(rinfo, ports) });
          if (messages.length === 2) resolve();
        });
      });
      sender.send(new Uint8Array(0), receiver.address().port, LOOPBACK);
      sender.send(new Uint8Array([0, 255, 10]), receiver.address().port, LOOPBACK);
      await both;
      await closeDgram(sender);
      await closeDgram(receiver);
      return messages;
    },
  },
  {
    name: 'dgram-bind-eaddrinuse: two sockets on one port',
    async run(platform) {
      const first = await bound(platform);
      const port = first.address().port;
      const second = platform.dgram.createSocket('udp4');
      second.bind(port, LOOPBACK);
      const [error] = await once(second, 'error');
      await closeDgram(first);
      return errorShape(error, new PortNames().name(port, 'port'));
    },
  },
  {
    name: 'dgram-bind-port-zero-any: address() of a socket bound to 0.0.0.0:0',
    async run(platform) {
      const socket = await bound(platform, 0, '0.0.0.0');
      const address = addressShape(socket.address());
      await closeDgram(socket);
      return address;
    },
  },
  {
    name: 'dgram-argument-errors: bad type, bad port, send after close, address before bind',
    async run(platform) {
      const socket = platform.dgram.createSocket('udp4');
      const beforeBind = errorShape(thrown(() => socket.address()));
      const badPort = errorShape(thrown(() => socket.send('x', 0, LOOPBACK)));
      const badType = errorShape(thrown(() => platform.dgram.createSocket('udp5' as 'udp4')));
      await once(socket.bind(0, LOOPBACK), 'listening');
      await closeDgram(socket);
      const afterClose = errorShape(thrown(() => socket.send('x', 9, LOOPBACK)));
      return { beforeBind, badPort, badType, afterClose };
    },
  },
  {
    name: 'tcp-and-udp-share-a-port-number: port tables are per protocol',
    async run(platform) {
      const server = platform.net.createServer();
      server.listen(0, LOOPBACK);
      await once(server, 'listening');
      const port = (server.address() as { port: number }).port;
      const udp = platform.dgram.createSocket('udp4');
      udp.bind(port, LOOPBACK);
      const { event, args } = await firstOf(udp, ['listening', 'error']);
      const outcome = event === 'listening' ? { udp: udp.address().port === port ? 'same port' : 'other port' } : { error: errorShape(args[0]) };
      await closeDgram(udp);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return outcome;
    },
  },
];
