/** The byte stream: order, backpressure, encodings. Chunk boundaries are the kernel's, so only totals count. */
import type { Socket } from 'node:net';
import type { Scenario } from '../platform';
import { once } from '../observe';
import { closeServer, closed, connect, listen } from './helpers';

/** A simple running checksum that notices a byte out of order. */
function checksum(bytes: Uint8Array, seed: number): number {
  let sum = seed;
  for (const byte of bytes) sum = (Math.imul(sum, 31) + byte) >>> 0;
  return sum;
}

function patterned(length: number, offset: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (offset + i) % 251;
  return bytes;
}

export const tcpStreamScenarios: Scenario[] = [
  {
    name: 'net-write-backpressure: write() returns false, drain follows, every byte arrives in order',
    async run(platform) {
      // How much a paused reader's kernel absorbs depends on the machine (tcp_rmem's autotuning reaches tens of
      // MB on Linux): the writer writes until write() says false (at most 128 MB), then resumes the reader.
      const chunk = 64 * 1024;
      const most = 2048;
      const result: Record<string, unknown> = {};
      let serverSide: Socket | undefined;
      let accepted: () => void = () => undefined;
      const serverReady = new Promise<void>((resolve) => (accepted = resolve));
      let received = 0;
      let receivedSum = 0;
      let sent = 0;
      let sentSum = 0;
      const serverDone = new Promise<void>((resolve) => {
        const server = platform.net.createServer((socket) => {
          serverSide = socket;
          accepted();
          socket.pause(); // the reader is slow at first, so the writer must meet backpressure
          socket.on('data', (data: Buffer) => {
            receivedSum = checksum(data, receivedSum);
            received += data.length;
          });
          socket.on('end', () => server.close(() => resolve()));
        });
        void listen(server).then(async (port) => {
          const client = await connect(platform, port);
          await serverReady;
          let drains = 0;
          client.on('drain', () => drains++);
          const write = () => {
            const bytes = patterned(chunk, sent);
            sentSum = checksum(bytes, sentSum);
            sent += chunk;
            return client.write(bytes);
          };
          let sawFalse = false;
          for (let chunks = 0; chunks < most && !sawFalse; chunks++) sawFalse = !write();
          serverSide!.resume();
          if (sawFalse) await once(client, 'drain');
          // After the drain, a few more: they go out as the reader reads.
          for (let more = 0; more < 4; more++) if (!write()) await once(client, 'drain');
          client.end();
          result.sawFalse = sawFalse;
          result.drained = drains > 0;
          result.highWaterMark = client.writableHighWaterMark;
        });
      });
      await serverDone;
      return { ...result, allArrived: received === sent, inOrder: receivedSum === sentSum };
    },
  },
  {
    name: 'net-set-encoding: a UTF-8 character split across writes arrives whole as a string',
    async run(platform) {
      const euro = new Uint8Array([0xe2, 0x82, 0xac]);
      const server = platform.net.createServer((socket) => {
        socket.write(euro.subarray(0, 2));
        setTimeoutOn(platform, () => socket.end(euro.subarray(2)));
      });
      const port = await listen(server);
      const client = await connect(platform, port);
      client.setEncoding('utf8');
      const types = new Set<string>();
      let joined = '';
      client.on('data', (chunk: string) => {
        types.add(typeof chunk);
        joined += chunk;
      });
      await once(client, 'end');
      await closeServer(server);
      return { types: [...types], joined, length: joined.length };
    },
  },
  {
    name: 'net-data-as-buffers: without setEncoding, data events carry Buffers',
    async run(platform) {
      const server = platform.net.createServer((socket) => socket.end('bytes'));
      const port = await listen(server);
      const client = await connect(platform, port);
      const kinds = new Set<string>();
      client.on('data', (chunk: Buffer) => kinds.add(`${chunk.constructor.name}:${chunk instanceof Uint8Array}`));
      await closed(client);
      await closeServer(server);
      return [...kinds];
    },
  },
  {
    name: 'net-end-with-data: end(data) delivers the data before the end',
    async run(platform) {
      const server = platform.net.createServer((socket) => socket.end('last words'));
      const port = await listen(server);
      const client = await connect(platform, port);
      const events: string[] = [];
      let body = '';
      client.setEncoding('latin1');
      client.on('data', (chunk: string) => {
        if (body === '') events.push('data');
        body += chunk;
      });
      client.on('end', () => events.push('end'));
      await closed(client);
      await closeServer(server);
      return { events, body };
    },
  },
];

function setTimeoutOn(platform: { timers: { setTimeout(callback: () => void, ms: number): unknown } }, callback: () => void): void {
  platform.timers.setTimeout(callback, 10);
}
