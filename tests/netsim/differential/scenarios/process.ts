/**
 * `process` as a program sees it (programs/process.ts), each program run as its own process: what it writes,
 * its exit code, the order of its callbacks, and what its peers see when it exits.
 */
import type { Socket } from 'node:net';
import type { Platform, ProgramEnd, Scenario } from '../platform';
import { errorShape, EventLog, once, PortNames, text } from '../observe';
import { closed, closeServer, listen } from './helpers';

/** What a learner sees of a finished program: its exit code and its output, line by line. */
function ending(end: ProgramEnd): Record<string, unknown> {
  const lines = (output: string) => (output === '' ? [] : output.replace(/\n$/, '').split('\n'));
  return { code: end.code, stdout: lines(end.stdout), stderr: lines(end.stderr) };
}

/**
 * Logs what one connection sees, under `who`: the bytes it received (joined: chunk boundaries are the
 * kernel's) when its reading side ends, then the events.
 */
function watch(log: EventLog, who: string, socket: Socket, ports = new PortNames()): void {
  let received = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.on('end', () => log.add(who, 'end', { received }));
  socket.on('error', log.on(who, 'error', (error: Error) => errorShape(error, ports)));
  socket.on('close', log.on(who, 'close', (hadError: boolean) => hadError));
}

const exitCodeCases: [arg: string, what: string][] = [
  ['exitCode', 'process.exitCode = 3 and returning ends with code 3'],
  ['exit-5', 'process.exit(5) ends with code 5 at once'],
  ['exitCode-then-exit', 'process.exit() without a code uses process.exitCode'],
];

export const processScenarios: Scenario[] = [
  {
    name: 'process-stdout-stderr: write() to each stream, Buffers and encodings, the write callback',
    async run(platform) {
      return ending(await platform.program('stdout-stderr').ended());
    },
  },
  {
    name: 'process-argv-env: argv of a program run without arguments; env converts what is assigned to strings',
    async run(platform) {
      return ending(await platform.program('argv-env').ended());
    },
  },
  ...exitCodeCases.map(([arg, what]): Scenario => ({
    name: `process-exit-code (${arg}): ${what}; the 'exit' listener gets the code`,
    async run(platform) {
      return ending(await platform.program('exit-code', [arg]).ended());
    },
  })),
  {
    name: 'process-exit-stops-everything: after exit() only the exit listeners run; queued callbacks and timers never do',
    async run(platform) {
      return ending(await platform.program('exit-stops-everything').ended());
    },
  },
  {
    name: 'process-tick-order: sync code, then nextTicks, then promise microtasks, then immediates, then timers',
    async run(platform) {
      const end = ending(await platform.program('tick-order').ended());
      return { ...end, stdout: (end.stdout as string[]).map((line) => JSON.parse(line) as unknown) };
    },
  },
  {
    name: 'process-exit-closes-socket-fin: a program that exits after its write callback; the peer gets the bytes, then FIN',
    async run(platform) {
      return exitObservation(platform, 'exit-after-write', 1);
    },
  },
  {
    name: 'process-exit-closes-socket-rst: exiting with unread bytes queued resets that connection; a read one ends with FIN',
    async run(platform) {
      const log = new EventLog();
      const named = new Map<string, Socket>();
      const allClosed: Promise<boolean>[] = [];
      const server = platform.net.createServer((socket) => {
        allClosed.push(closed(socket));
        socket.once('data', (chunk: Buffer) => {
          const name = text(chunk);
          watch(log, name, socket);
          named.set(name, socket);
          const a = named.get('A');
          const b = named.get('B');
          // A's bytes are all in the kernel (the callback ran) before B tells the program to exit.
          if (a !== undefined && b !== undefined) a.write(new Uint8Array(100_000), () => b.write('go'));
        });
      });
      const port = await listen(server);
      const program = platform.program('exit-with-unread-data', [String(port)]);
      const end = ending(await program.ended());
      while (allClosed.length < 2) await once(server, 'connection');
      await Promise.all(allClosed);
      await closeServer(server);
      return { program: end, A: log.of('A'), B: log.of('B') };
    },
  },
  {
    name: 'process-crash-closes-sockets: an exception thrown from a callback ends the program with code 1; its peer sees FIN',
    async run(platform) {
      return exitObservation(platform, 'crash-in-callback', 1);
    },
  },
  {
    name: 'process-exit-stops-interval: an interval that writes to a socket stops with the process',
    async run(platform) {
      return exitObservation(platform, 'exit-stops-interval', 1);
    },
  },
  {
    name: 'process-exit-closes-server: exit closes the program\'s listening socket and its connections',
    async run(platform) {
      const log = new EventLog();
      const ports = new PortNames();
      let reporterClosed: Promise<boolean> = Promise.resolve(false);
      let markReported: (port: number) => void = () => {};
      const reported = new Promise<number>((resolve) => (markReported = resolve));
      const server = platform.net.createServer((socket) => {
        reporterClosed = closed(socket);
        socket.setEncoding('latin1');
        socket.once('data', (port: string) => markReported(Number(port)));
        socket.on('end', log.on('reporter', 'end'));
        socket.on('close', log.on('reporter', 'close', (hadError: boolean) => hadError));
      });
      const program = platform.program('exit-closes-server', [String(await listen(server))]);
      const programPort = await reported;
      ports.name(programPort, 'program');
      const visitor = platform.net.connect(programPort, '127.0.0.1');
      watch(log, 'visitor', visitor, ports);
      await closed(visitor);
      await reporterClosed;
      await closeServer(server);
      // Once the process is gone (the kernel has closed all its sockets), its port refuses.
      const end = ending(await program.ended());
      const late = platform.net.connect(programPort, '127.0.0.1');
      const [error] = await once(late, 'error');
      log.add('late visitor', 'error', errorShape(error, ports));
      return { program: end, reporter: log.of('reporter'), visitor: log.of('visitor'), late: log.of('late visitor') };
    },
  },
];

/**
 * How a program that died of an error ended: its exit code, what it printed to stdout, and whether stderr
 * names the error (Node prints the source line and the stack around it: those differ between the sides).
 */
function crashed(end: ProgramEnd, message: string): Record<string, unknown> {
  return { code: end.code, stdout: end.stdout, stderrNamesTheError: end.stderr.includes(`Error: ${message}`) };
}

/** Runs a program that connects to a fresh server (port as args[0]) and exits; what the server saw. */
async function exitObservation(platform: Platform, program: 'exit-after-write' | 'exit-stops-interval' | 'crash-in-callback', connections: number): Promise<unknown> {
  const log = new EventLog();
  const allClosed: Promise<boolean>[] = [];
  const server = platform.net.createServer((socket) => {
    allClosed.push(closed(socket));
    watch(log, `connection ${allClosed.length}`, socket);
  });
  const port = await listen(server);
  const ended = await platform.program(program, [String(port)]).ended();
  const end = program === 'crash-in-callback' ? crashed(ended, 'boom in a timer') : ending(ended);
  while (allClosed.length < connections) await once(server, 'connection');
  await Promise.all(allClosed);
  await closeServer(server);
  return { program: end, server: log.entries };
}
