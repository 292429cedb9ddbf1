/**
 * Node's stream contract on a real socket (`net.Socket` is a `stream.Duplex`): buffering until someone reads,
 * pause/resume, 'readable' + read(n), async iteration, cork/uncork, end() and its events, write errors,
 * destroySoon, buffer sizes, and pipe / pipeline with a slow reader. Chunk boundaries are the kernel's, so
 * received bytes are compared joined, except where one write on loopback is one segment by construction.
 */
import type { Socket } from 'node:net';
import type { Writable } from 'node:stream';
import type { Platform, Scenario } from '../platform';
import { errorShape, EventLog, once, text } from '../observe';
import { closed, closeServer, connect, listen, thrown } from './helpers';

/** A server that hands each accepted socket to `onSocket`, listening; resolves with it and its port. */
async function serve(platform: Platform, onSocket: (socket: Socket) => void, options: { allowHalfOpen?: boolean; pauseOnConnect?: boolean } = {}) {
  const server = platform.net.createServer(options, onSocket);
  const port = await listen(server);
  return { server, port };
}

/** Logs a socket's lifecycle events (not its data) under `who`. */
function watchEvents(log: EventLog, who: string, socket: Socket): void {
  socket.on('end', log.on(who, 'end'));
  socket.on('finish', log.on(who, 'finish'));
  socket.on('error', log.on(who, 'error', (error: Error) => errorShape(error)));
  socket.on('close', log.on(who, 'close', (hadError: boolean) => hadError));
}

/** Collects everything a socket reads, as latin1 text. */
function collect(socket: Socket): { readonly text: string } {
  const sink = { text: '' };
  socket.on('data', (chunk: Buffer) => (sink.text += text(chunk)));
  return sink;
}

/** Resolves after `ms` of the platform's time (a slow consumer's pace, never a wait for delivery). */
function delay(platform: Platform, ms: number): Promise<void> {
  return new Promise((resolve) => platform.timers.setTimeout(resolve, ms));
}

/** `length` bytes whose values depend on their position, so reordering or loss shows. */
function patterned(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 7 + (i >> 8)) % 251;
  return bytes;
}

function samePattern(received: Uint8Array[], length: number): boolean {
  const expected = patterned(length);
  let offset = 0;
  for (const chunk of received) {
    for (const byte of chunk) if (expected[offset++] !== byte) return false;
  }
  return offset === length;
}

/** A Writable that takes `ms` per chunk and keeps what it got. */
function slowWritable(stream: Platform['stream'], platform: Platform, ms: number, highWaterMark: number, onChunk: (chunk: Buffer) => void = () => undefined): Writable {
  return new stream.Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, callback) {
      onChunk(chunk);
      platform.timers.setTimeout(() => callback(), ms);
    },
  });
}

export const streamScenarios: Scenario[] = [
  {
    name: 'net-stream-kept-until-read: bytes that arrive before any data listener wait in the socket, on both sides',
    async run(platform) {
      let serverSide: Socket | undefined;
      const { server, port } = await serve(platform, (socket) => {
        serverSide = socket;
        socket.write('from the server, before any listener');
      });
      const client = await connect(platform, port);
      client.write('from the client, before any listener');
      await platform.settle();
      const waiting = (socket: Socket | undefined) => ({
        readableLength: socket?.readableLength,
        readableFlowing: socket?.readableFlowing,
        isPaused: socket?.isPaused(),
      });
      const before = { client: waiting(client), server: waiting(serverSide) };
      await delay(platform, 20);
      const clientGot = once(client, 'data');
      const serverGot = once(serverSide!, 'data');
      const received = { client: text((await clientGot)[0]), server: text((await serverGot)[0]) };
      client.destroy();
      await closeServer(server);
      return { before, received };
    },
  },
  {
    name: 'net-stream-pause-resume: a paused socket emits no data, even with a data listener; resume() delivers what waited',
    async run(platform) {
      let serverSide: Socket | undefined;
      const { server, port } = await serve(platform, (socket) => (serverSide = socket));
      const client = await connect(platform, port);
      client.pause();
      const chunks: string[] = [];
      client.on('data', (chunk: Buffer) => chunks.push(text(chunk)));
      await platform.settle();
      serverSide?.write('sent while paused');
      await platform.settle();
      const whilePaused = { dataEvents: chunks.length, isPaused: client.isPaused(), readableFlowing: client.readableFlowing, readableLength: client.readableLength };
      client.resume();
      const rightAfterResume = { dataEvents: chunks.length, isPaused: client.isPaused(), readableFlowing: client.readableFlowing };
      await platform.settle();
      const received = chunks.join('');
      client.destroy();
      await closeServer(server);
      return { whilePaused, rightAfterResume, received };
    },
  },
  {
    name: "net-stream-readable-read-n: 'readable' and read(4) give 4-byte pieces, the last shorter piece once the stream ended",
    async run(platform) {
      const { server, port } = await serve(platform, (socket) => socket.end('abcdefghij'));
      const client = await connect(platform, port);
      const pieces: string[] = [];
      client.on('readable', () => {
        let piece: Buffer | null;
        while ((piece = client.read(4) as Buffer | null) !== null) pieces.push(text(piece));
      });
      await once(client, 'end');
      const afterEnd = { read: client.read(), readableEnded: client.readableEnded };
      await closed(client);
      await closeServer(server);
      return { pieces, afterEnd };
    },
  },
  {
    name: 'net-stream-async-iteration: for await reads every chunk until the peer ends, then the socket is destroyed',
    async run(platform) {
      const { server, port } = await serve(platform, (socket) => {
        socket.write('first, ');
        platform.timers.setTimeout(() => socket.end('second'), 10);
      });
      const client = await connect(platform, port);
      let received = '';
      const kinds = new Set<string>();
      for await (const chunk of client) {
        kinds.add(typeof chunk === 'string' ? 'string' : (chunk as object).constructor.name);
        received += text(chunk);
      }
      const afterLoop = { destroyed: client.destroyed, readableEnded: client.readableEnded };
      await closeServer(server);
      return { received, kinds: [...kinds], afterLoop };
    },
  },
  {
    name: 'net-stream-async-iteration-break: leaving a for await loop destroys the socket; the peer sees end then close',
    async run(platform) {
      const log = new EventLog();
      let serverClosed: Promise<boolean> = Promise.resolve(false);
      const { server, port } = await serve(platform, (socket) => {
        watchEvents(log, 'server', socket);
        serverClosed = closed(socket);
        socket.write('one chunk');
      });
      const client = await connect(platform, port);
      for await (const chunk of client) {
        log.add('client', 'chunk', text(chunk));
        break;
      }
      log.add('client', 'after break', client.destroyed);
      await serverClosed;
      await closeServer(server);
      return { client: log.of('client'), server: log.of('server') };
    },
  },
  {
    name: 'net-stream-async-iteration-reset: a reset connection makes for await throw the socket error',
    async run(platform) {
      let serverSide: Socket | undefined;
      // pauseOnConnect: the server never reads, so what the client sends stays in its kernel and closing resets.
      const { server, port } = await serve(platform, (socket) => {
        serverSide = socket;
        socket.write('before the reset');
      }, { pauseOnConnect: true });
      const client = await connect(platform, port);
      let received = '';
      const iterating = (async () => {
        try {
          for await (const chunk of client) received += text(chunk);
        } catch (error) {
          return error;
        }
        return 'did not throw';
      })();
      await new Promise<void>((resolve) => client.write(patterned(100_000), () => resolve()));
      await platform.settle();
      serverSide?.destroy();
      const thrownError = await iterating;
      await closeServer(server);
      return { received, thrown: errorShape(thrownError), destroyed: client.destroyed };
    },
  },
  {
    name: 'net-stream-cork: writes while corked stay queued and leave together on uncork; nested corks need as many uncorks',
    async run(platform) {
      const received: string[] = [];
      const { server, port } = await serve(platform, (socket) => socket.on('data', (chunk: Buffer) => received.push(text(chunk))));
      const client = await connect(platform, port);
      client.cork();
      client.write('a');
      client.write('b');
      client.write('c');
      const whileCorked = { writableCorked: client.writableCorked, writableLength: client.writableLength };
      await platform.settle();
      const receivedWhileCorked = received.join('');
      client.uncork();
      await platform.settle();
      // One writev on loopback is one segment: the server reads the three writes as one chunk.
      const afterUncork = { writableCorked: client.writableCorked, chunks: received.splice(0) };
      client.cork();
      client.cork();
      client.write('d');
      client.uncork();
      await platform.settle();
      const afterOneOfTwoUncorks = { writableCorked: client.writableCorked, received: received.join('') };
      client.uncork();
      await platform.settle();
      const afterBoth = { writableCorked: client.writableCorked, received: received.join('') };
      client.destroy();
      await closeServer(server);
      return { whileCorked, receivedWhileCorked, afterUncork, afterOneOfTwoUncorks, afterBoth };
    },
  },
  {
    name: 'net-stream-end-uncorks: end() sends what a corked socket queued',
    async run(platform) {
      let serverText: Promise<string> = Promise.resolve('');
      const { server, port } = await serve(platform, (socket) => {
        const sink = collect(socket);
        serverText = once(socket, 'end').then(() => sink.text);
      });
      const client = await connect(platform, port);
      client.cork();
      client.write('corked, ');
      client.end('then ended');
      await closed(client);
      const received = await serverText;
      await closeServer(server);
      return { received };
    },
  },
  {
    name: "net-stream-end-callback: end(cb) — the flags at once, then the callback and 'finish', then 'end' and 'close' when the peer ends too",
    async run(platform) {
      const log = new EventLog();
      const { server, port } = await serve(platform, (socket) => socket.resume());
      const client = await connect(platform, port);
      client.resume();
      watchEvents(log, 'client', client);
      client.end('bye', () => log.add('client', 'end callback'));
      log.add('client', 'after end()', { writable: client.writable, writableEnded: client.writableEnded, writableFinished: client.writableFinished, readyState: client.readyState });
      await once(client, 'finish');
      log.add('client', 'at finish', { writableFinished: client.writableFinished, readable: client.readable });
      await closed(client);
      await closeServer(server);
      return log.of('client');
    },
  },
  {
    name: 'net-stream-server-ends-first: a half-open client still writes after the server ended; both sides see every event',
    async run(platform) {
      const log = new EventLog();
      let serverClosed: Promise<boolean> = Promise.resolve(false);
      let serverText = { text: '' };
      const { server, port } = await serve(platform, (socket) => {
        watchEvents(log, 'server', socket);
        serverText = collect(socket);
        serverClosed = closed(socket);
        socket.end('server is done');
      });
      const client = platform.net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
      watchEvents(log, 'client', client);
      const clientText = collect(client);
      client.on('end', () => {
        log.add('client', 'in end listener', { readyState: client.readyState, writable: client.writable });
        client.end('the client answers after the end');
      });
      await closed(client);
      await serverClosed;
      await closeServer(server);
      return { client: log.of('client'), server: log.of('server'), clientReceived: clientText.text, serverReceived: serverText.text };
    },
  },
  {
    name: "net-stream-server-ends-first-default: a client without allowHalfOpen answers the server's FIN with its own at once",
    async run(platform) {
      const log = new EventLog();
      let serverClosed: Promise<boolean> = Promise.resolve(false);
      const { server, port } = await serve(platform, (socket) => {
        watchEvents(log, 'server', socket);
        socket.resume();
        serverClosed = closed(socket);
        socket.end('server is done');
      });
      const client = await connect(platform, port);
      watchEvents(log, 'client', client);
      const clientText = collect(client);
      client.on('end', () => log.add('client', 'in end listener', { readyState: client.readyState, writable: client.writable, writableEnded: client.writableEnded }));
      await closed(client);
      await serverClosed;
      await closeServer(server);
      return { client: log.of('client'), server: log.of('server'), clientReceived: clientText.text };
    },
  },
  {
    name: 'net-stream-write-bad-values: write(null) and write(42) throw; the socket still works afterwards',
    async run(platform) {
      let serverText: Promise<string> = Promise.resolve('');
      const { server, port } = await serve(platform, (socket) => {
        const sink = collect(socket);
        serverText = once(socket, 'end').then(() => sink.text);
      });
      const client = await connect(platform, port);
      const errors = {
        null: errorShape(thrown(() => client.write(null as unknown as string))),
        number: errorShape(thrown(() => client.write(42 as unknown as string))),
        object: errorShape(thrown(() => client.write({} as unknown as string))),
      };
      client.end('still fine');
      const received = await serverText;
      await closed(client);
      await closeServer(server);
      return { errors, received };
    },
  },
  {
    name: 'net-stream-write-after-destroy: the callback gets ERR_STREAM_DESTROYED and no error event follows',
    async run(platform) {
      const log = new EventLog();
      const { server, port } = await serve(platform, (socket) => socket.resume());
      const client = await connect(platform, port);
      watchEvents(log, 'client', client);
      client.destroy();
      const returned = client.write('too late', (error) => log.add('client', 'write callback', errorShape(error)));
      log.add('client', 'write returned', returned);
      await closed(client);
      await platform.settle();
      await closeServer(server);
      return log.of('client');
    },
  },
  {
    name: 'net-stream-end-twice: a second end() before finish waits for it; end() after finish gets ERR_STREAM_ALREADY_FINISHED',
    async run(platform) {
      const log = new EventLog();
      // The server stays half-open until the client ends, so the client is finished but not yet destroyed.
      const { server, port } = await serve(platform, (socket) => {
        socket.resume();
        socket.on('end', () => socket.end());
      }, { allowHalfOpen: true });
      const client = await connect(platform, port);
      client.end();
      client.end(() => log.add('client', 'second end callback', 'no error'));
      await once(client, 'finish');
      client.end((error?: Error | null) => log.add('client', 'end after finish callback', errorShape(error)));
      await platform.settle();
      client.destroy();
      await closeServer(server);
      return log.entries;
    },
  },
  {
    name: 'net-stream-destroy-soon: destroySoon() sends everything queued, then closes; the peer gets all of it',
    async run(platform) {
      const log = new EventLog();
      const total = 256 * 1024;
      let serverDone: Promise<number> = Promise.resolve(0);
      const { server, port } = await serve(platform, (socket) => {
        let received = 0;
        socket.on('data', (chunk: Buffer) => (received += chunk.length));
        serverDone = once(socket, 'end').then(() => received);
      });
      const client = await connect(platform, port);
      watchEvents(log, 'client', client);
      client.write(patterned(total));
      client.destroySoon();
      log.add('client', 'after destroySoon', { writable: client.writable, destroyed: client.destroyed });
      await closed(client);
      const serverReceived = await serverDone;
      await closeServer(server);
      return { client: log.of('client'), serverReceived };
    },
  },
  {
    name: 'net-stream-write-before-connect: writes queue while connecting (writableLength, bufferSize) and go out on connect',
    async run(platform) {
      let serverText: Promise<string> = Promise.resolve('');
      const { server, port } = await serve(platform, (socket) => {
        const sink = collect(socket);
        serverText = once(socket, 'end').then(() => sink.text);
      });
      const client = platform.net.connect(port, '127.0.0.1');
      const returned = client.write('queued while connecting');
      const whileConnecting = { returned, connecting: client.connecting, writableLength: client.writableLength, bufferSize: client.bufferSize };
      await once(client, 'connect');
      await platform.settle();
      const connected = { writableLength: client.writableLength, bufferSize: client.bufferSize };
      client.end();
      const received = await serverText;
      await closeServer(server);
      return { whileConnecting, connected, received };
    },
  },
  {
    name: 'net-stream-need-drain: against a reader that does not read, write() ends up returning false; writableNeedDrain holds until drain',
    async run(platform) {
      let serverSide: Socket | undefined;
      const { server, port } = await serve(platform, (socket) => (serverSide = socket), { pauseOnConnect: true });
      const client = await connect(platform, port);
      const small = { returned: client.write('x'), writableNeedDrain: client.writableNeedDrain };
      // A write larger than the high-water mark still returns true when the kernel takes it all at once, so
      // keep writing until the kernel's buffers are full (the count depends on them; it is not observed).
      const chunk = patterned(64 * 1024);
      let returned = true;
      for (let writes = 0; returned && writes < 1024; writes++) returned = client.write(chunk);
      const full = { returned, writableNeedDrain: client.writableNeedDrain, atLeastHighWaterMark: client.writableLength >= client.writableHighWaterMark };
      serverSide?.resume();
      await once(client, 'drain');
      const drained = { writableNeedDrain: client.writableNeedDrain, writableLength: client.writableLength };
      client.destroy();
      await closeServer(server);
      return { small, full, drained };
    },
  },
  {
    name: 'net-stream-write-encodings: write(text, hex|base64) and setDefaultEncoding decode before sending',
    async run(platform) {
      let serverText: Promise<string> = Promise.resolve('');
      const { server, port } = await serve(platform, (socket) => {
        const sink = collect(socket);
        serverText = once(socket, 'end').then(() => sink.text);
      });
      const client = await connect(platform, port);
      client.write('68656c6c6f', 'hex');
      client.write('IHRoZXJl', 'base64');
      client.setDefaultEncoding('hex');
      client.end('21');
      const received = await serverText;
      await closeServer(server);
      return { received };
    },
  },
  {
    name: 'net-stream-pipe-slow-writer: pipe() pauses the socket while the destination is full and delivers every byte in order',
    async run(platform) {
      const stream = platform.stream; // first, so a platform without it fails here, not in a callback
      const total = 512 * 1024;
      const chunks: Uint8Array[] = [];
      const events: string[] = [];
      let sawPaused = false;
      let pipeReturnedDestination = false;
      let finished: Promise<unknown> = Promise.resolve();
      const { server, port } = await serve(platform, (socket) => {
        const destination = slowWritable(stream, platform, 1, 1024, (chunk) => chunks.push(new Uint8Array(chunk)));
        socket.on('pause', () => (sawPaused = true));
        for (const event of ['pipe', 'unpipe', 'finish']) destination.on(event, () => events.push(event));
        finished = once(destination, 'finish');
        pipeReturnedDestination = socket.pipe(destination) === destination;
      });
      const client = await connect(platform, port);
      client.end(patterned(total));
      await closed(client);
      await finished;
      await platform.settle();
      await closeServer(server);
      return { pipeReturnedDestination, sawPaused, events, inOrder: samePattern(chunks, total) };
    },
  },
  {
    name: 'net-stream-pipeline: stream.pipeline(socket, transform, writable, cb) delivers everything and calls back without error',
    async run(platform) {
      const stream = platform.stream; // first, so a platform without it fails here, not in a callback
      const log = new EventLog();
      let markDone = () => {};
      const pipelineDone = new Promise<void>((resolve) => (markDone = resolve));
      let collected = '';
      const { server, port } = await serve(platform, (socket) => {
        const upper = new stream.Transform({
          transform(chunk: Buffer, _encoding, callback) {
            callback(null, text(chunk).toUpperCase());
          },
        });
        const sink = slowWritable(stream, platform, 1, 16, (chunk) => (collected += text(chunk)));
        stream.pipeline(socket, upper, sink, (error) => {
          log.add('server', 'pipeline callback', error === undefined || error === null ? 'no error' : errorShape(error));
          markDone();
        });
      });
      const client = await connect(platform, port);
      watchEvents(log, 'client', client);
      client.end('hello, pipeline');
      await closed(client);
      await pipelineDone;
      await platform.settle();
      await closeServer(server);
      return { collected, client: log.of('client'), server: log.of('server') };
    },
  },
  {
    name: 'net-stream-pipeline-error: a failing destination makes pipeline destroy the socket and pass the error on',
    async run(platform) {
      const stream = platform.stream; // first, so a platform without it fails here, not in a callback
      const log = new EventLog();
      let markDone = () => {};
      const pipelineDone = new Promise<void>((resolve) => (markDone = resolve));
      const { server, port } = await serve(platform, (socket) => {
        const failing = new stream.Writable({
          write(_chunk, _encoding, callback) {
            callback(new Error('disk full'));
          },
        });
        stream.pipeline(socket, failing, (error) => {
          log.add('server', 'pipeline callback', errorShape(error));
          log.add('server', 'socket destroyed', socket.destroyed);
          markDone();
        });
      });
      const client = await connect(platform, port);
      watchEvents(log, 'client', client);
      client.write('some bytes');
      await closed(client);
      await pipelineDone;
      await platform.settle();
      await closeServer(server);
      return { client: log.of('client'), server: log.of('server') };
    },
  },
  {
    name: 'net-stream-promises-pipeline: await stream.promises.pipeline(socket, async generator, writable) resolves once all is through',
    async run(platform) {
      const stream = platform.stream; // first, so a platform without it fails here, not in a callback
      let collected = '';
      let outcome: Promise<unknown> = Promise.resolve();
      const { server, port } = await serve(platform, (socket) => {
        const sink = slowWritable(stream, platform, 1, 16, (chunk) => (collected += text(chunk)));
        const reversedLines = async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) yield text(chunk).split('').reverse().join('');
        };
        outcome = stream.promises.pipeline(socket, reversedLines, sink).then(
          (value) => ({ resolved: value === undefined ? 'undefined' : value }),
          (error: unknown) => ({ rejected: errorShape(error) }),
        );
      });
      const client = await connect(platform, port);
      client.end('stressed');
      await closed(client);
      const result = await outcome;
      await closeServer(server);
      return { result, collected };
    },
  },
  {
    name: 'net-stream-finished-clean: stream.finished(socket) calls back without error after a clean exchange',
    async run(platform) {
      const stream = platform.stream; // first, so a platform without it fails here, not in a callback
      let outcome: Promise<unknown> = Promise.resolve();
      const { server, port } = await serve(platform, (socket) => {
        socket.resume();
        outcome = new Promise((resolve) => stream.finished(socket, (error) => resolve(error === undefined || error === null ? 'no error' : errorShape(error))));
      });
      const client = await connect(platform, port);
      client.resume();
      client.end('done');
      await closed(client);
      const result = await outcome;
      await closeServer(server);
      return result;
    },
  },
  {
    name: 'net-stream-finished-premature: stream.finished reports ERR_STREAM_PREMATURE_CLOSE for a socket destroyed mid-stream',
    async run(platform) {
      const stream = platform.stream; // first, so a platform without it fails here, not in a callback
      const { server, port } = await serve(platform, (socket) => socket.resume());
      const client = await connect(platform, port);
      const outcome = new Promise((resolve) => stream.finished(client, (error) => resolve(errorShape(error))));
      client.write('half a message');
      client.destroy();
      const result = await outcome;
      await closeServer(server);
      return result;
    },
  },
  {
    name: 'net-stream-pause-on-connect: a server with pauseOnConnect leaves bytes in the kernel until resume()',
    async run(platform) {
      let serverSide: Socket | undefined;
      const { server, port } = await serve(platform, (socket) => (serverSide = socket), { pauseOnConnect: true });
      const client = await connect(platform, port);
      client.write('waiting in the kernel');
      await platform.settle();
      const chunks: string[] = [];
      serverSide?.on('data', (chunk: Buffer) => chunks.push(text(chunk)));
      await platform.settle();
      const paused = { isPaused: serverSide?.isPaused(), readableLength: serverSide?.readableLength, dataEvents: chunks.length };
      serverSide?.resume();
      await platform.settle();
      client.destroy();
      await closeServer(server);
      return { paused, received: chunks.join('') };
    },
  },
  {
    name: 'net-stream-is-a-duplex: a socket is a stream.Duplex, Readable and Writable',
    async run(platform) {
      const stream = platform.stream; // first, so a platform without it fails here, not in a callback
      const { server, port } = await serve(platform, (socket) => socket.resume());
      const client = await connect(platform, port);
      const { Duplex, Readable, Writable, Stream } = stream;
      const result = {
        duplex: client instanceof Duplex,
        readable: client instanceof Readable,
        writable: client instanceof Writable,
        stream: client instanceof Stream,
        socketClass: client.constructor.name,
        highWaterMarks: [client.readableHighWaterMark, client.writableHighWaterMark],
        objectMode: [client.readableObjectMode, client.writableObjectMode],
      };
      client.destroy();
      await closeServer(server);
      return result;
    },
  },
  {
    name: 'net-stream-default-high-water-mark: stream.setDefaultHighWaterMark sizes the sockets and servers made after it, not those before',
    async run(platform) {
      const stream = platform.stream;
      const before = await connectedPair(platform);
      stream.setDefaultHighWaterMark(false, 1000);
      try {
        const after = await connectedPair(platform);
        const sizes = (pair: { client: Socket; accepted: Socket }) => [pair.client.readableHighWaterMark, pair.client.writableHighWaterMark, pair.accepted.readableHighWaterMark];
        const result = {
          defaults: [stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true)],
          before: sizes(before),
          after: sizes(after),
          readable: new stream.Readable().readableHighWaterMark,
          explicit: new stream.Writable({ highWaterMark: 5 }).writableHighWaterMark,
        };
        for (const pair of [before, after]) {
          pair.client.destroy();
          await closeServer(pair.server);
        }
        return result;
      } finally {
        stream.setDefaultHighWaterMark(false, 65536); // the real platform is this test process
      }
    },
  },
];

/** A listening server, a client connected to it and the socket the server accepted. */
async function connectedPair(platform: Platform): Promise<{ server: import('node:net').Server; client: Socket; accepted: Socket }> {
  let accept: (socket: Socket) => void = () => undefined;
  const acceptedSocket = new Promise<Socket>((resolve) => (accept = resolve));
  const { server, port } = await serve(platform, (socket) => {
    socket.resume();
    accept(socket);
  });
  const client = await connect(platform, port);
  return { server, client, accepted: await acceptedSocket };
}
