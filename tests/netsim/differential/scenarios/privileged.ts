/**
 * Privileged ports, seen by a program that runs as a normal user: Linux lets only root bind a port below
 * 1024 (`net.ipv4.ip_unprivileged_port_start`), so listen and bind fail with EACCES. The reference side runs
 * these in a child process as uid 65534 (`as-user.ts`); netsim runs them in a process spawned with
 * `runAs: 'user'`. The imports keep their `.ts` extensions so that child can load this file with Node's own
 * type stripping; only `observe.ts` is imported, which itself imports nothing at run time.
 */
import type { Scenario } from '../platform.ts';
import { errorShape, EventLog, firstOf, once } from '../observe.ts';

export const privilegedPortScenarios: Scenario[] = [
  {
    name: "net-listen-eacces: a user's listen(7) is refused, naming 0.0.0.0 (Node retried IPv4 after ::)",
    async run(platform) {
      const server = platform.net.createServer();
      server.listen(7);
      const [error] = await once(server, 'error');
      return { error: errorShape(error), listening: server.listening, address: server.address() };
    },
  },
  {
    name: "net-listen-eacces-address: a user's listen(80, '127.0.0.1') is refused",
    async run(platform) {
      const server = platform.net.createServer();
      server.listen(80, '127.0.0.1');
      const [error] = await once(server, 'error');
      return { error: errorShape(error), listening: server.listening };
    },
  },
  {
    name: "net-connect-localport-eacces: a user's client asking for localPort 80 gets bind EACCES, then close",
    async run(platform) {
      const log = new EventLog();
      const socket = platform.net.connect({ host: '127.0.0.1', port: 9, localPort: 80 });
      socket.on('connect', log.on('client', 'connect'));
      socket.on('error', log.on('client', 'error', errorShape));
      await new Promise<void>((resolve) => socket.on('close', (hadError: boolean) => resolve(log.add('client', 'close', hadError))));
      return log.entries;
    },
  },
  {
    name: "dgram-bind-eacces: a user's UDP bind(53) is refused",
    async run(platform) {
      const socket = platform.dgram.createSocket('udp4');
      socket.bind(53);
      const { event, args } = await firstOf(socket, ['listening', 'error']);
      socket.close();
      return { event, error: errorShape(args[0]) };
    },
  },
];
