/** Ending connections: half-close, server close, write after end, destroy, and what the peer sees. */
import type { Socket } from 'node:net';
import type { Scenario } from '../platform';
import { errorShape, EventLog, once, text } from '../observe';
import { closed, closeServer, connect, listen, LOOPBACK } from './helpers';

/** Logs every lifecycle event of a socket under `who`. */
function watch(log: EventLog, who: string, socket: Socket): void {
  socket.on('data', log.on(who, 'data', (chunk: Buffer) => text(chunk)));
  socket.on('end', log.on(who, 'end'));
  socket.on('finish', log.on(who, 'finish'));
  socket.on('error', log.on(who, 'error', (error: Error) => errorShape(error)));
  socket.on('close', log.on(who, 'close', (hadError: boolean) => hadError));
}

function halfClose(allowHalfOpen: boolean): Scenario {
  return {
    name: `net-half-close: allowHalfOpen ${allowHalfOpen} on the server, the client ends first, the server answers later`,
    async run(platform) {
      const log = new EventLog();
      let serverSideClosed: Promise<boolean> = Promise.resolve(false);
      let markAnswered = () => {};
      const answered = new Promise<void>((resolve) => (markAnswered = resolve));
      const server = platform.net.createServer({ allowHalfOpen }, (socket) => {
        watch(log, 'server', socket);
        serverSideClosed = closed(socket);
        socket.on('end', () => {
          log.add('server', 'in end listener', socket.readyState, socket.writable);
          // Without allowHalfOpen, Node ends the socket right after 'end': a later reply is too late.
          platform.timers.setTimeout(() => {
            log.add('server', 'later', socket.readyState, socket.writable);
            if (socket.writable) socket.end('late reply');
            markAnswered();
          }, 5);
        });
      });
      const port = await listen(server);
      const client = await connect(platform, port);
      watch(log, 'client', client);
      const clientClosed = closed(client);
      client.end('request');
      await answered;
      await clientClosed;
      await serverSideClosed;
      await platform.settle();
      await closeServer(server);
      return { client: log.of('client'), server: log.of('server') };
    },
  };
}

export const tcpCloseScenarios: Scenario[] = [
  halfClose(true),
  halfClose(false),
  {
    name: 'net-server-close-with-connections: close waits for the last connection to end',
    async run(platform) {
      const order: unknown[] = [];
      const accepted: Socket[] = [];
      const server = platform.net.createServer((socket) => accepted.push(socket));
      const port = await listen(server);
      const clients = [await connect(platform, port), await connect(platform, port)];
      await platform.settle();
      const count = () => new Promise((resolve) => server.getConnections((_error, n) => resolve(n)));
      order.push(['connections', await count()]);
      const serverClosed = new Promise<void>((resolve) => server.close(() => {
        order.push('server close callback');
        resolve();
      }));
      order.push(['listening after close()', server.listening]);
      // A new client is refused at once: the listening socket is gone even though the server has not closed.
      const late = platform.net.connect(port, LOOPBACK);
      const [lateError] = await once(late, 'error');
      order.push(['late client', (lateError as { code?: string }).code]);
      for (const socket of accepted) socket.end();
      for (const client of clients) client.resume();
      await Promise.all(clients.map((client) => closed(client)));
      order.push('clients closed');
      await serverClosed;
      order.push(['connections', await count()]);
      return order;
    },
  },
  {
    name: 'net-write-after-end: ERR_STREAM_WRITE_AFTER_END goes to the callback and the error event',
    async run(platform) {
      const log = new EventLog();
      const server = platform.net.createServer((socket) => socket.resume());
      const port = await listen(server);
      const client = await connect(platform, port);
      client.on('error', log.on('client', 'error', (error: Error) => errorShape(error)));
      client.end();
      const returned = client.write('too late', (error) => log.add('client', 'write callback', errorShape(error)));
      log.add('client', 'write returned', returned);
      await closed(client);
      log.add('client', 'close');
      await closeServer(server);
      return log.entries;
    },
  },
  {
    name: 'net-destroy-mid-stream: the peer of a destroyed socket sees end then close',
    async run(platform) {
      const log = new EventLog();
      let serverSideClosed: Promise<boolean> = Promise.resolve(false);
      const server = platform.net.createServer((socket) => {
        watch(log, 'server', socket);
        serverSideClosed = closed(socket);
      });
      const port = await listen(server);
      const client = await connect(platform, port);
      watch(log, 'client', client);
      client.write('partial');
      client.destroy();
      log.add('client', 'after destroy', client.destroyed, client.readyState);
      await closed(client);
      await platform.settle();
      await serverSideClosed;
      await closeServer(server);
      return { client: log.of('client'), server: log.of('server') };
    },
  },
  {
    name: 'net-destroy-with-unread-data: closing with bytes still queued in the kernel resets the peer',
    async run(platform) {
      const log = new EventLog();
      let serverSide: Socket | undefined;
      let markAccepted = () => {};
      const accepted = new Promise<void>((resolve) => (markAccepted = resolve));
      const server = platform.net.createServer((socket) => {
        serverSide = socket;
        socket.pause(); // never reads: past Node's own buffer, the client's bytes stay in the kernel
        markAccepted();
      });
      const port = await listen(server);
      const client = await connect(platform, port);
      watch(log, 'client', client);
      await accepted;
      client.write(new Uint8Array(1024 * 1024));
      await platform.settle();
      serverSide?.destroy();
      await closed(client);
      await closeServer(server);
      return log.of('client');
    },
  },
  {
    name: 'net-destroy-with-error: destroy(err) emits that error then close(true)',
    async run(platform) {
      const log = new EventLog();
      const server = platform.net.createServer((socket) => socket.resume());
      const port = await listen(server);
      const client = await connect(platform, port);
      watch(log, 'client', client);
      client.destroy(new Error('gave up'));
      await closed(client);
      await closeServer(server);
      return log.of('client');
    },
  },
  {
    name: 'net-write-callback: the write callback runs once the bytes are handed over',
    async run(platform) {
      const log = new EventLog();
      const server = platform.net.createServer((socket) => socket.pipe(socket));
      const port = await listen(server);
      const client = await connect(platform, port);
      const returned = client.write('abc', (error) => log.add('client', 'write callback', error ?? 'no error'));
      log.add('client', 'write returned', returned);
      client.on('data', log.on('client', 'data', (chunk: Buffer) => text(chunk)));
      await once(client, 'data');
      client.destroy();
      await closeServer(server);
      return log.entries;
    },
  },
  {
    name: 'net-socket-timeout: an idle socket emits timeout and stays open',
    async run(platform) {
      const log = new EventLog();
      const server = platform.net.createServer((socket) => socket.resume());
      const port = await listen(server);
      const client = await connect(platform, port);
      client.setTimeout(50);
      const started = platform.now();
      await once(client, 'timeout');
      const waited = platform.now() - started;
      log.add('timeout', waited >= 45, client.destroyed);
      client.destroy();
      await closeServer(server);
      return log.entries;
    },
  },
  {
    name: 'net-socket-timeout-write: writing counts as activity and keeps the idle timer from firing',
    async run(platform) {
      const server = platform.net.createServer((socket) => socket.resume());
      const port = await listen(server);
      const client = await connect(platform, port);
      const timeouts: number[] = [];
      client.setTimeout(200);
      client.on('timeout', () => timeouts.push(platform.now()));
      // Five writes 50 ms apart (250 ms in all) against a 200 ms idle timeout, nothing received: only the writes keep
      // the socket from being idle. The margins are wide so that a loaded machine does not matter.
      for (let write = 0; write < 5; write += 1) {
        client.write('tick');
        await new Promise<void>((resolve) => platform.timers.setTimeout(resolve, 50));
      }
      const duringWrites = timeouts.length;
      await once(client, 'timeout');
      client.destroy();
      await closeServer(server);
      return { timeoutsWhileWriting: duringWrites, timedOutOnceIdle: true };
    },
  },
  {
    name: 'net-max-connections: a connection over maxConnections is closed by the server',
    async run(platform) {
      const server = platform.net.createServer((socket) => socket.resume());
      server.maxConnections = 1;
      const drops: unknown[] = [];
      server.on('drop', (drop?: { localPort?: number }) => drops.push(drop === undefined ? 'no detail' : 'detail'));
      const port = await listen(server);
      const first = await connect(platform, port);
      const second = await connect(platform, port);
      const log = new EventLog();
      watch(log, 'second', second);
      second.resume();
      await closed(second);
      await platform.settle();
      first.destroy();
      await closeServer(server);
      return { second: log.of('second'), drops };
    },
  },
];
