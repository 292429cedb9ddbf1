/**
 * dgram's argument and state checks, from Node's dgram documentation: options before bind, datagram size
 * limits, offset/length, lists of buffers, reuseAddr, binding/closing/connecting twice, what send reports.
 */
import type { Socket as DgramSocket, RemoteInfo } from 'node:dgram';
import type { Platform, Scenario } from '../platform';
import { addressShape, errorShape, EventLog, firstOf, once, PortNames, text } from '../observe';
import { LOOPBACK, thrown } from './helpers';

async function bound(platform: Platform, port = 0, address = LOOPBACK, options: { reuseAddr?: boolean } = {}): Promise<DgramSocket> {
  const socket = platform.dgram.createSocket({ type: 'udp4', ...options });
  socket.bind(port, address);
  await once(socket, 'listening');
  return socket;
}

function closeDgram(socket: DgramSocket): Promise<void> {
  return new Promise((resolve) => socket.close(() => resolve()));
}

/** Sends and resolves with what the send callback got: [error shape or null, bytes]. */
function sent(send: (callback: (error: Error | null, bytes: number) => void) => void, ports = new PortNames()): Promise<unknown[]> {
  return new Promise((resolve) => send((error, bytes) => resolve([error === null ? null : errorShape(error, ports), bytes ?? 'undefined'])));
}

/** The next datagram a socket receives: its bytes as text and its size. */
async function nextMessage(socket: DgramSocket): Promise<{ text: string; size: number }> {
  const [message, rinfo] = (await once(socket, 'message')) as [Buffer, RemoteInfo];
  return { text: text(message), size: rinfo.size };
}

/** A call's return value, or the error it threw. */
function outcome(action: () => unknown): unknown {
  try {
    const value = action();
    return { returned: value === undefined ? 'undefined' : value };
  } catch (error) {
    return { threw: errorShape(error) };
  }
}

export const udpCheckScenarios: Scenario[] = [
  {
    name: 'dgram-options-before-bind: socket options need a bound socket (EBADF before bind, accepted after)',
    async run(platform) {
      const socket = platform.dgram.createSocket('udp4');
      const calls = {
        setBroadcast: () => socket.setBroadcast(true),
        setTTL: () => socket.setTTL(64),
        setMulticastTTL: () => socket.setMulticastTTL(2),
        setMulticastLoopback: () => socket.setMulticastLoopback(true),
        setRecvBufferSize: () => socket.setRecvBufferSize(8192),
        getRecvBufferSize: () => socket.getRecvBufferSize(),
      };
      const run = () => Object.fromEntries(Object.entries(calls).map(([name, call]) => [name, outcome(call)]));
      const beforeBind = run();
      socket.bind(0, LOOPBACK);
      await once(socket, 'listening');
      // Linux doubles the requested SO_RCVBUF (for its bookkeeping), so getRecvBufferSize() reads 16384.
      const afterBind = run();
      await closeDgram(socket);
      return { beforeBind, afterBind };
    },
  },
  {
    name: 'dgram-option-ranges: setTTL outside 1-255 fails with EINVAL; a TTL that is not a number throws ERR_INVALID_ARG_TYPE',
    async run(platform) {
      const socket = await bound(platform);
      const result = {
        zero: outcome(() => socket.setTTL(0)),
        tooBig: outcome(() => socket.setTTL(256)),
        text: outcome(() => socket.setTTL('64' as unknown as number)),
        max: outcome(() => socket.setTTL(255)),
      };
      await closeDgram(socket);
      return result;
    },
  },
  {
    name: 'dgram-datagram-size-limit: 65507 bytes is the largest IPv4 UDP payload; one byte more fails with EMSGSIZE',
    async run(platform) {
      const receiver = await bound(platform);
      const sender = await bound(platform);
      const ports = new PortNames().name(receiver.address().port, 'receiver');
      const port = receiver.address().port;
      const arriving = nextMessage(receiver);
      const largest = await sent((callback) => sender.send(new Uint8Array(65507), port, LOOPBACK, callback), ports);
      const received = await arriving;
      const tooLarge = await sent((callback) => sender.send(new Uint8Array(65508), port, LOOPBACK, callback), ports);
      await closeDgram(sender);
      await closeDgram(receiver);
      return { largest, receivedSize: received.size, tooLarge };
    },
  },
  {
    name: "dgram-send-error-without-callback: a failed send with no callback is dropped silently (no 'error' event), whatever the documentation says",
    async run(platform) {
      const sender = await bound(platform);
      const errors: unknown[] = [];
      sender.on('error', (error: Error) => errors.push(errorShape(error)));
      sender.send(new Uint8Array(65508), 9, LOOPBACK);
      sender.send('to everyone', 9, '255.255.255.255');
      await platform.settle();
      await closeDgram(sender);
      return { errors };
    },
  },
  {
    name: 'dgram-send-offset-length: send(buffer, offset, length, …) sends only that slice; out-of-range slices throw',
    async run(platform) {
      const receiver = await bound(platform);
      const sender = await bound(platform);
      const port = receiver.address().port;
      const bytes = new Uint8Array([...'abcdefghij'].map((c) => c.charCodeAt(0)));
      const arriving = nextMessage(receiver);
      const callback = await sent((done) => sender.send(bytes, 2, 3, port, LOOPBACK, done));
      const slice = await arriving;
      const stringArriving = nextMessage(receiver);
      sender.send('klmnop', 1, 2, port, LOOPBACK);
      const stringSlice = await stringArriving;
      const errors = {
        offsetPastEnd: errorShape(thrown(() => sender.send(bytes, 11, 1, port, LOOPBACK))),
        lengthPastEnd: errorShape(thrown(() => sender.send(bytes, 8, 5, port, LOOPBACK))),
      };
      await closeDgram(sender);
      await closeDgram(receiver);
      return { callback, slice, stringSlice, errors };
    },
  },
  {
    name: 'dgram-send-list: a list of buffers and strings goes out as one datagram',
    async run(platform) {
      const receiver = await bound(platform);
      const sender = await bound(platform);
      const arriving = nextMessage(receiver);
      const callback = await sent((done) => sender.send([new Uint8Array([104, 105]), ', ', new Uint8Array([33])], receiver.address().port, LOOPBACK, done));
      const received = await arriving;
      await closeDgram(sender);
      await closeDgram(receiver);
      return { callback, received };
    },
  },
  {
    name: 'dgram-send-callback: the callback gets (null, bytes sent) and send() returns undefined',
    async run(platform) {
      const receiver = await bound(platform);
      const sender = await bound(platform);
      let returned: unknown = 'not called';
      const callback = await sent((done) => {
        returned = sender.send('twelve bytes', receiver.address().port, LOOPBACK, done);
      });
      await nextMessage(receiver);
      await closeDgram(sender);
      await closeDgram(receiver);
      return { returned: returned === undefined ? 'undefined' : returned, callback };
    },
  },
  {
    name: 'dgram-reuse-addr: with reuseAddr two sockets bind one port; a datagram reaches exactly one of them',
    async run(platform) {
      const first = await bound(platform, 0, LOOPBACK, { reuseAddr: true });
      const port = first.address().port;
      const second = await bound(platform, port, LOOPBACK, { reuseAddr: true });
      let received = 0;
      for (const socket of [first, second]) socket.on('message', () => (received += 1));
      const sender = await bound(platform);
      sender.send('to whom it may concern', port, LOOPBACK);
      await platform.settle();
      const samePort = second.address().port === port;
      await Promise.all([first, second, sender].map(closeDgram));
      return { samePort, received };
    },
  },
  {
    name: 'dgram-bind-twice: a second bind() throws ERR_SOCKET_ALREADY_BOUND; bind() after close throws ERR_SOCKET_DGRAM_NOT_RUNNING',
    async run(platform) {
      const socket = await bound(platform);
      const again = errorShape(thrown(() => socket.bind(0, LOOPBACK)));
      const pending = platform.dgram.createSocket('udp4');
      pending.bind(0, LOOPBACK);
      const whileBinding = errorShape(thrown(() => pending.bind(0, LOOPBACK)));
      await once(pending, 'listening');
      await closeDgram(pending);
      await closeDgram(socket);
      const afterClose = errorShape(thrown(() => socket.bind(0, LOOPBACK)));
      return { again, whileBinding, afterClose };
    },
  },
  {
    name: "dgram-close-twice: the second close() throws ERR_SOCKET_DGRAM_NOT_RUNNING; 'close' is emitted once; address() then throws too",
    async run(platform) {
      const log = new EventLog();
      const socket = await bound(platform);
      socket.on('close', log.on('socket', 'close event'));
      socket.close(() => log.add('socket', 'close callback'));
      log.add('socket', 'second close', errorShape(thrown(() => socket.close())));
      await platform.settle();
      log.add('socket', 'address after close', errorShape(thrown(() => socket.address())));
      return log.entries;
    },
  },
  {
    name: 'dgram-connect-twice: a second connect() throws ERR_SOCKET_DGRAM_IS_CONNECTED, even before the first completes',
    async run(platform) {
      const receiver = await bound(platform);
      const ports = new PortNames().name(receiver.address().port, 'receiver');
      const socket = platform.dgram.createSocket('udp4');
      socket.connect(receiver.address().port, LOOPBACK);
      const whileConnecting = errorShape(thrown(() => socket.connect(receiver.address().port, LOOPBACK)));
      await once(socket, 'connect');
      const connected = errorShape(thrown(() => socket.connect(receiver.address().port, LOOPBACK)));
      const remote = socket.remoteAddress();
      await closeDgram(socket);
      await closeDgram(receiver);
      return { whileConnecting, connected, remote: { ...remote, port: ports.of(remote.port) } };
    },
  },
  {
    name: 'dgram-connected-checks: a connected socket ignores send(msg, port, address) and refuses send(msg, offset, length, port, address); disconnect() twice throws',
    async run(platform) {
      const receiver = await bound(platform);
      const other = await bound(platform);
      let toOther = 0;
      other.on('message', () => (toOther += 1));
      const socket = platform.dgram.createSocket('udp4');
      const notConnectedYet = errorShape(thrown(() => socket.remoteAddress()));
      socket.connect(receiver.address().port, LOOPBACK);
      await once(socket, 'connect');
      // With a connected socket, (msg, port, address) reads as (msg, callback?) and goes to the peer.
      const shortFormArriving = nextMessage(receiver);
      const shortForm = outcome(() => socket.send('short form', other.address().port, LOOPBACK));
      const shortFormReceived = await shortFormArriving;
      const longForm = outcome(() => socket.send(new Uint8Array([1]), 0, 1, other.address().port, LOOPBACK));
      const arriving = nextMessage(receiver);
      socket.send('no destination needed');
      const received = await arriving;
      await platform.settle();
      socket.disconnect();
      const afterDisconnect = errorShape(thrown(() => socket.remoteAddress()));
      const disconnectAgain = errorShape(thrown(() => socket.disconnect()));
      await Promise.all([socket, receiver, other].map(closeDgram));
      return { notConnectedYet, shortForm, shortFormReceived, longForm, received, datagramsToTheOtherSocket: toOther, afterDisconnect, disconnectAgain };
    },
  },
  {
    name: 'dgram-send-without-port: an unconnected socket must be given a port',
    async run(platform) {
      const socket = await bound(platform);
      const result = {
        noPort: errorShape(thrown(() => socket.send('x'))),
        portZero: errorShape(thrown(() => socket.send('x', 0, LOOPBACK))),
        portAsText: errorShape(thrown(() => socket.send('x', 'nine' as unknown as number, LOOPBACK))),
      };
      await closeDgram(socket);
      return result;
    },
  },
  {
    name: 'dgram-send-broadcast-needs-permission: sending to 255.255.255.255 without setBroadcast(true) fails with EACCES',
    async run(platform) {
      const socket = await bound(platform, 0, '0.0.0.0');
      const callback = await sent((done) => socket.send('hello, everyone', 9, '255.255.255.255', done));
      await closeDgram(socket);
      return callback;
    },
  },
  {
    name: 'dgram-bind-eaddrnotavail: binding to an address the host lacks',
    async run(platform) {
      const socket = platform.dgram.createSocket('udp4');
      socket.bind(0, '192.0.2.1');
      const { event, args } = await firstOf(socket, ['listening', 'error']);
      if (event === 'listening') await closeDgram(socket);
      return { event, error: errorShape(args[0]) };
    },
  },
  {
    name: "dgram-create-socket-forms: createSocket(type, listener) adds a 'message' listener; the options form takes type",
    async run(platform) {
      const messages: string[] = [];
      const withListener = platform.dgram.createSocket('udp4', (message: Buffer) => messages.push(text(message)));
      withListener.bind(0, LOOPBACK);
      await once(withListener, 'listening');
      const fromOptions = platform.dgram.createSocket({ type: 'udp4' });
      const bindReturnsSocket = fromOptions.bind() === fromOptions;
      await once(fromOptions, 'listening');
      fromOptions.send('via the listener', withListener.address().port, LOOPBACK);
      await platform.settle();
      const result = { messages, listeners: withListener.listenerCount('message'), bindReturnsSocket };
      await closeDgram(fromOptions);
      await closeDgram(withListener);
      return result;
    },
  },
  {
    name: 'dgram-send-to-any-address: a datagram to 0.0.0.0 reaches a socket of this host, from 127.0.0.1',
    async run(platform) {
      const receiver = await bound(platform);
      const sender = await bound(platform);
      const ports = new PortNames().name(sender.address().port, 'sender');
      const arriving = once(receiver, 'message');
      sender.send('anyone here?', receiver.address().port, '0.0.0.0');
      const [message, rinfo] = (await arriving) as [Buffer, RemoteInfo];
      await closeDgram(sender);
      await closeDgram(receiver);
      return { text: text(message), from: rinfo.address, port: ports.of(rinfo.port) };
    },
  },
];
