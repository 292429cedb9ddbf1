/** Programs about the process itself: its output, arguments, environment, exit code, tick order and exit(). */
import type { Program } from './types.ts';

/** Writes to stdout and stderr: strings, Buffers, hex text, with a callback; reports what write() returned. */
const stdoutStderr: Program = ({ process, buffer }) => {
  const returned = [process.stdout.write('out 1, '), process.stderr.write('err 1\n')];
  returned.push(process.stdout.write(buffer.Buffer.from('a Buffer, ')));
  returned.push(process.stdout.write('6865780a', 'hex'));
  process.stdout.write('with a callback\n', () => process.stderr.write('write callback ran\n'));
  process.stdout.write(`${JSON.stringify(returned)}\n`);
};

/** What argv, env, pid and platform look like to a program started with no arguments. */
const argvEnv: Program = ({ process }) => {
  const { argv, env } = process;
  const name = 'ENDPOINTS_DIFFERENTIAL_VAR';
  const before = env[name];
  env[name] = 42 as unknown as string; // documented: assigning to process.env converts the value to a string
  const assigned = env[name];
  delete env[name];
  const report = {
    argvLength: argv.length,
    argv0Name: argv[0]?.split('/').pop(),
    argv1Absolute: argv[1]?.startsWith('/'),
    envIsObject: typeof env === 'object' && env !== null,
    before: before === undefined ? 'undefined' : before,
    assigned: [typeof assigned, assigned],
    afterDelete: name in env,
    pid: typeof process.pid,
    platform: process.platform,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
};

/** args[0] says how the program ends: 'exitCode' (set it and return), 'exit-5', or 'exitCode-then-exit'. */
const exitCode: Program = ({ process }, args) => {
  process.on('exit', (code) => process.stdout.write(`exit event ${code} exitCode ${process.exitCode}\n`));
  if (args[0] === 'exitCode') process.exitCode = 3;
  else if (args[0] === 'exit-5') process.exit(5);
  else if (args[0] === 'exitCode-then-exit') {
    process.exitCode = 7;
    process.exit();
  }
  process.stdout.write('returned normally\n');
};

/** Queues every kind of callback, then exits: only the 'exit' listeners run, synchronously, and nothing else. */
const exitStopsEverything: Program = ({ process, timers }) => {
  const say = (text: string) => process.stdout.write(`${text}\n`);
  process.on('exit', (code) => {
    say(`exit listener, code ${code}`);
    timers.setTimeout(() => say('timer set by the exit listener'), 0);
    void Promise.resolve().then(() => say('promise from the exit listener'));
  });
  timers.setTimeout(() => say('timeout'), 0);
  timers.setInterval(() => say('interval'), 1);
  timers.setImmediate(() => say('immediate'));
  process.nextTick(() => say('nextTick'));
  void Promise.resolve().then(() => say('promise'));
  queueMicrotask(() => say('queueMicrotask'));
  say('before exit');
  process.exit(0);
  say('after exit');
};

/** Connects to 127.0.0.1:args[0], writes, and exits as soon as the bytes are handed over. */
const exitAfterWrite: Program = ({ net, process, timers }, args) => {
  const socket = net.connect(Number(args[0]), '127.0.0.1', () => {
    socket.write('hello', () => process.exit(0));
  });
  timers.setTimeout(() => socket.write('late'), 1_000);
};

/**
 * Opens connection A (never read: what the server sends stays queued) and then B, names each, and exits when
 * B brings 'go' — which the server sends only after A's bytes were all handed to its kernel.
 */
const exitWithUnreadData: Program = ({ net, process }, args) => {
  const port = Number(args[0]);
  const a = net.connect(port, '127.0.0.1', () => {
    a.write('A');
    const b = net.connect(port, '127.0.0.1', () => b.write('B'));
    b.on('data', () => process.exit(0));
  });
};

/** Connects to 127.0.0.1:args[0] and writes a tick every 5 ms; exits inside the third tick. */
const exitStopsInterval: Program = ({ net, process, timers }, args) => {
  const socket = net.connect(Number(args[0]), '127.0.0.1', () => {
    let ticks = 0;
    timers.setInterval(() => {
      ticks += 1;
      socket.write(`tick ${ticks}\n`);
      if (ticks === 3) process.exit(0);
    }, 5);
  });
};

/**
 * Listens on 127.0.0.1 (a port the kernel chooses), tells it to the scenario's server at args[0], and exits
 * when the scenario connects to it: both of its sockets and its listening socket go with it.
 */
const exitClosesServer: Program = ({ net, process }, args) => {
  const server = net.createServer(() => process.exit(0));
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    const reporter = net.connect(Number(args[0]), '127.0.0.1', () => reporter.write(String(port)));
  });
};

/**
 * The order in which callbacks queued from one macrotask (a timer) run, printed as JSON at the end:
 * synchronous code, the nextTick queue (also what a tick queues), then promise microtasks, then immediates.
 */
const tickOrder: Program = ({ process, timers }) => {
  const order: string[] = [];
  const log = (text: string) => order.push(text);
  timers.setTimeout(() => {
    log('sync');
    timers.setTimeout(() => {
      log('timeout');
      process.stdout.write(`${JSON.stringify(order)}\n`);
    }, 0);
    timers.setImmediate(() => log('immediate'));
    void Promise.resolve().then(() => {
      log('promise 1');
      process.nextTick(() => log('nextTick queued by a promise'));
      void Promise.resolve().then(() => log('promise queued by a promise'));
    });
    queueMicrotask(() => log('queueMicrotask'));
    process.nextTick(() => {
      log('nextTick 1');
      void Promise.resolve().then(() => log('promise queued by a nextTick'));
      process.nextTick(() => log('nextTick queued by a nextTick'));
    });
    process.nextTick((a: string, b: string) => log(`nextTick with arguments ${a} ${b}`), 'x', 'y');
    log('sync end');
  }, 0);
};

/** Connects to 127.0.0.1:args[0], writes, then throws from a timer: an uncaught exception ends the process. */
const crashInCallback: Program = ({ net, timers }, args) => {
  const socket = net.connect(Number(args[0]), '127.0.0.1', () => {
    socket.write('about to crash', () => {
      timers.setTimeout(() => {
        throw new Error('boom in a timer');
      }, 0);
    });
  });
};

export const processPrograms = {
  'stdout-stderr': stdoutStderr,
  'argv-env': argvEnv,
  'exit-code': exitCode,
  'exit-stops-everything': exitStopsEverything,
  'exit-after-write': exitAfterWrite,
  'exit-with-unread-data': exitWithUnreadData,
  'exit-stops-interval': exitStopsInterval,
  'exit-closes-server': exitClosesServer,
  'tick-order': tickOrder,
  'crash-in-callback': crashInCallback,
} satisfies Record<string, Program>;
