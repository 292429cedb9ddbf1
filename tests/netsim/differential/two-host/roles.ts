/**
 * The two programs of a two-host scenario: a server on `web` and a client on `laptop`. Each is a function of
 * a `net` module, so the same code runs inside a Linux network namespace (by `role-cli.ts`, under Node's
 * type stripping, which is why this file imports nothing at run time) and on netsim.
 */
import type * as NodeNet from 'node:net';

type NetModule = typeof NodeNet;

export const LAPTOP = { name: 'laptop', ip: '10.0.0.10', prefix: 24 } as const;
export const WEB = { name: 'web', ip: '10.0.0.2', prefix: 24 } as const;

/** What the server on web does, or nothing at all. */
export type ServerRole = { listenOn: string; port: number } | null;

/** A scenario: the server web runs (if any), and where laptop connects. */
export interface TwoHostScenario {
  name: string;
  server: ServerRole;
  connectTo: { host: string; port: number };
}

export const twoHostScenarios: TwoHostScenario[] = [
  { name: 'refused: nothing listens on web:80', server: null, connectTo: { host: WEB.ip, port: 80 } },
  {
    name: 'a server on 127.0.0.1 only refuses another host',
    server: { listenOn: '127.0.0.1', port: 80 },
    connectTo: { host: WEB.ip, port: 80 },
  },
  {
    name: 'a server on 0.0.0.0 accepts another host',
    server: { listenOn: '0.0.0.0', port: 80 },
    connectTo: { host: WEB.ip, port: 80 },
  },
  {
    name: 'a server on its NIC address accepts another host',
    server: { listenOn: WEB.ip, port: 8080 },
    connectTo: { host: WEB.ip, port: 8080 },
  },
  {
    name: 'unreachable: an address on the subnet that no host has (EHOSTUNREACH after ARP gives up)',
    server: null,
    connectTo: { host: '10.0.0.3', port: 80 },
  },
  { name: 'no route to the network (ENETUNREACH at once)', server: null, connectTo: { host: '10.9.9.9', port: 80 } },
  {
    name: '0.0.0.0 as a destination is the connecting host itself: refused on laptop though web listens on 0.0.0.0:80',
    server: { listenOn: '0.0.0.0', port: 80 },
    connectTo: { host: '0.0.0.0', port: 80 },
  },
];

/** What web's server reports for each connection it accepts. */
export interface AcceptedConnection {
  localAddress?: string;
  localPort?: number;
  remoteAddress?: string;
  remoteIsEphemeral: boolean;
  remoteFamily?: string;
}

/** Starts web's server; resolves once it listens. */
export function startServer(net: NetModule, role: NonNullable<ServerRole>, onAccepted: (connection: AcceptedConnection) => void): Promise<NodeNet.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => {
      onAccepted({
        localAddress: socket.localAddress,
        localPort: socket.localPort,
        remoteAddress: socket.remoteAddress,
        remoteIsEphemeral: isEphemeral(socket.remotePort),
        remoteFamily: socket.remoteFamily,
      });
      socket.end('hello from web');
    });
    server.once('error', reject);
    server.listen(role.port, role.listenOn, () => resolve(server));
  });
}

/** Waits `ms` of the platform's time; the roles themselves never wait. */
export interface Clock {
  now(): number;
}

/** laptop connects once and reports what happened, with how long it took as a coarse range. */
export function connectOnce(net: NetModule, target: { host: string; port: number }, clock: Clock): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const started = clock.now();
    const socket = net.connect(target.port, target.host);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('connect', () => {
      socket.on('end', () => {
        resolve({
          outcome: 'connected',
          localAddress: socket.localAddress,
          localIsEphemeral: isEphemeral(socket.localPort),
          remoteAddress: socket.remoteAddress,
          remotePort: socket.remotePort,
          received,
        });
        socket.end();
      });
    });
    socket.on('error', (error: Error & { code?: string; errno?: number; syscall?: string; address?: string; port?: number }) => {
      resolve({
        outcome: 'error',
        code: error.code,
        errno: error.errno,
        syscall: error.syscall,
        address: error.address,
        port: error.port,
        message: error.message,
        after: elapsedRange(clock.now() - started),
      });
    });
  });
}

/** Real and virtual time compared loosely: "at once" (under 1 s), "about 3 s" (ARP's give-up), or the number. */
export function elapsedRange(ms: number): string {
  if (ms < 1000) return 'at once';
  if (ms >= 2500 && ms <= 4000) return 'about 3 s';
  return `${Math.round(ms)} ms`;
}

function isEphemeral(port: number | undefined): boolean {
  return port !== undefined && port >= 32768 && port <= 60999;
}
