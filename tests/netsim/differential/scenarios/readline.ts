/**
 * readline over a socket, the usual way to read a line protocol: 'line' events and async iteration across
 * chunk boundaries, a line server, question() over a socket, close(). `crlfDelay: Infinity` where a \r\n is
 * split across chunks: the default (100 ms of wall time between \r and \n) would make the outcome depend on
 * the machine's load.
 */
import type { Socket } from 'node:net';
import type { Platform, Scenario } from '../platform';
import { EventLog, once } from '../observe';
import { closed, closeServer, connect, listen } from './helpers';

/** A server that writes `pieces` to each client 5 ms apart, then ends. */
async function piecesServer(platform: Platform, pieces: string[]) {
  const server = platform.net.createServer((socket) => {
    const next = (index: number) => {
      if (index === pieces.length - 1) return void socket.end(pieces[index]);
      socket.write(pieces[index]!);
      platform.timers.setTimeout(() => next(index + 1), 5);
    };
    next(0);
  });
  return { server, port: await listen(server) };
}

/** A line protocol split awkwardly across writes: mid-line, mid \r\n, and a last line with no newline. */
const AWKWARD = ['first\nsec', 'ond\r', '\nthird\n', 'last without a newline'];

export const readlineScenarios: Scenario[] = [
  {
    name: "readline-line-events: 'line' gives whole lines across chunk boundaries (\\n, \\r\\n, a last unterminated line), then 'close'",
    async run(platform) {
      const readline = platform.readline; // first, so a platform without it fails here
      const { server, port } = await piecesServer(platform, AWKWARD);
      const client = await connect(platform, port);
      const events: string[] = [];
      const lines = readline.createInterface({ input: client, crlfDelay: Infinity });
      lines.on('line', (line) => events.push(`line: ${line}`));
      lines.on('close', () => events.push('close'));
      await once(lines, 'close');
      await closed(client);
      await closeServer(server);
      return events;
    },
  },
  {
    name: 'readline-async-iteration: for await (const line of rl) reads the same lines and ends when the socket ends',
    async run(platform) {
      const readline = platform.readline;
      const { server, port } = await piecesServer(platform, AWKWARD);
      const client = await connect(platform, port);
      const lines: string[] = [];
      for await (const line of readline.createInterface({ input: client, crlfDelay: Infinity })) lines.push(line);
      await closed(client);
      await closeServer(server);
      return lines;
    },
  },
  {
    name: 'readline-line-server: a server answering each line of a client that sends lines in pieces',
    async run(platform) {
      const readline = platform.readline;
      const server = platform.net.createServer((socket) => {
        readline.createInterface({ input: socket }).on('line', (line) => socket.write(`${line.toUpperCase()}\n`));
      });
      const port = await listen(server);
      const client = await connect(platform, port);
      let replies = '';
      client.setEncoding('utf8');
      client.on('data', (chunk: string) => (replies += chunk));
      client.write('hello\nwor');
      platform.timers.setTimeout(() => client.end('ld\n'), 5);
      await closed(client);
      await closeServer(server);
      return { replies };
    },
  },
  {
    name: 'readline-question-over-socket: question() writes the prompt to the output socket and calls back with the answer line',
    async run(platform) {
      const readline = platform.readline;
      const server = platform.net.createServer((socket: Socket) => {
        const rl = readline.createInterface({ input: socket, output: socket });
        rl.question('name? ', (answer) => {
          socket.end(`hello, ${answer}\n`);
          rl.close();
        });
      });
      const port = await listen(server);
      const client = await connect(platform, port);
      let transcript = '';
      client.setEncoding('utf8');
      client.on('data', (chunk: string) => {
        transcript += chunk;
        if (chunk.includes('name? ')) client.write('Ada\n');
      });
      await closed(client);
      await closeServer(server);
      return { transcript };
    },
  },
  {
    name: "readline-close-keeps-socket: rl.close() emits 'close' and pauses the socket without ending or destroying it",
    async run(platform) {
      const readline = platform.readline;
      const log = new EventLog();
      let serverSide: Socket | undefined;
      const server = platform.net.createServer((socket) => (serverSide = socket));
      const port = await listen(server);
      const client = await connect(platform, port);
      const rl = readline.createInterface({ input: client });
      rl.on('line', log.on('rl', 'line', (line: string) => line));
      rl.on('close', log.on('rl', 'close'));
      await platform.settle();
      serverSide?.write('one\n');
      await once(rl, 'line');
      rl.close();
      log.add('client', 'after rl.close()', { destroyed: client.destroyed, writable: client.writable, isPaused: client.isPaused() });
      serverSide?.write('two\n');
      await platform.settle();
      client.destroy();
      await closeServer(server);
      return log.entries;
    },
  },
];
