/**
 * Misconception detectors: when a check fails, each detector attached to it looks for one wrong idea in
 * the record and, if it finds it, explains it in the course's words with details from the run.
 * A detector reads the hosts and ports it needs from the check it is attached to (`subjectOf`).
 */
import type { Check, MisconceptionKind } from './checks';
import type { RunRecord } from '../runner/protocol';
import { capitalise, errorListenerFor, withArticle } from './words';
import {
  connectorsFrom,
  formatEndpoint,
  hostOfAddress,
  isLoopback,
  listInWords,
  listenersOf,
  nicAddresses,
  reaches,
} from './record-queries';
import { fateOf, learnerErrors, learnerOn } from './facts';

/** The hosts and port a check is about, as far as it names them. */
interface Subject {
  clientHost?: string;
  serverHost?: string;
  serverPort?: number;
  host?: string;
}

export function subjectOf(check: Check): Subject {
  switch (check.kind) {
    case 'listening':
      return { serverHost: check.host, serverPort: check.port, host: check.host };
    case 'connection':
    case 'ephemeral-client-port':
      return { clientHost: check.client.host, serverHost: check.server.host, serverPort: check.server.port, host: check.client.host };
    case 'distinct-pairs':
      return { serverHost: check.server.host, serverPort: check.server.port, host: check.server.host };
    case 'echo':
    case 'reply':
    case 'request':
      return { clientHost: check.client.host, serverHost: check.server.host, serverPort: check.server.port, host: check.server.host };
    case 'prints-received':
      return { clientHost: check.client.host, serverHost: check.server.host, serverPort: check.server.port, host: check.client.host };
    case 'bytes-delivered':
      return check.to.role === 'connector'
        ? { clientHost: check.to.host, serverPort: check.to.peerPort, host: check.to.host }
        : { serverHost: check.to.host, host: check.to.host };
    case 'error-handled':
      return { host: check.host };
    case 'console-includes':
    case 'ran-without-error':
      return {};
    default: {
      const never: never = check;
      throw new Error(`unknown check kind ${JSON.stringify(never)}`);
    }
  }
}

/** The targeted explanation when the misconception shows in the record, else undefined. */
export function detectMisconception(kind: MisconceptionKind, subject: Subject, record: RunRecord): string | undefined {
  switch (kind) {
    case 'client-bound-server-port':
      return clientBoundServerPort(subject, record);
    case 'listened-on-loopback-only':
      return listenedOnLoopbackOnly(subject, record);
    case 'wrong-port':
      return wrongPort(subject, record);
    case 'connected-to-wrong-host':
      return connectedToWrongHost(subject, record);
    case 'forgot-to-write':
      return forgotToWrite(subject, record);
    case 'forgot-to-end':
      return forgotToEnd(subject, record);
    case 'unhandled-error':
      return unhandledError(subject, record);
    default: {
      const never: never = kind;
      throw new Error(`unknown misconception ${String(never)}`);
    }
  }
}

function clientBoundServerPort({ clientHost, serverPort }: Subject, record: RunRecord): string | undefined {
  const hosts = clientHost ? [clientHost] : record.hosts.map((h) => h.name);
  for (const host of hosts) {
    const bound = connectorsFrom(record, host).find((c) =>
      serverPort !== undefined ? c.local.port === serverPort : c.local.port === c.remote?.port,
    );
    if (bound) {
      return `Your client bound port ${bound.local.port} too (its end-point is ${formatEndpoint(bound.local)}): the operating system picks the client's port. Leave out localPort and let it choose an ephemeral one.`;
    }
    // A normal user may not bind a port below 1024 at all: the attempt ends in `bind EACCES 0.0.0.0:80`.
    const refused = record.errors.find((e) => {
      const port = /:(\d+)$/.exec(e.message)?.[1];
      return e.host === host && e.code === 'EACCES' && e.syscall === 'bind' && port !== undefined && (serverPort === undefined || Number(port) === serverPort);
    });
    if (refused) {
      return `Your client asked for port ${/:(\d+)$/.exec(refused.message)![1]} for itself (localPort), and ${host} refused: ${refused.message}. A program that is not root may not take a port below 1024, and a client needs no chosen port anyway: leave out localPort and let the operating system pick an ephemeral one.`;
    }
  }
  return undefined;
}

function listenedOnLoopbackOnly({ serverHost }: Subject, record: RunRecord): string | undefined {
  if (!serverHost) return undefined;
  const listeners = listenersOf(record, serverHost, 'tcp');
  if (listeners.length === 0 || !listeners.every((e) => isLoopback(e.ip))) return undefined;
  const nic = nicAddresses(record, serverHost)[0];
  return `Your server listens on ${listInWords(listeners.map(formatEndpoint))} only: loopback is reachable from ${serverHost} itself, so other hosts are refused. Listen on every address (leave out the host, or use 0.0.0.0)${nic ? ` or on ${nic}` : ''}.`;
}

function wrongPort({ clientHost, serverHost, serverPort }: Subject, record: RunRecord): string | undefined {
  if (serverPort === undefined) return undefined;
  if (clientHost && serverHost) {
    const other = connectorsFrom(record, clientHost).find(
      (c) => c.remote && c.remote.port !== serverPort && hostOfAddress(record, c.remote.ip) === serverHost,
    );
    if (other?.remote) {
      return `Your client connected to port ${other.remote.port} of ${serverHost}, but the server listens on port ${serverPort}. A port number names one program's socket: both sides must use the same one.`;
    }
    // A refused connect names its target at the end of the message, as Node's does: `connect ECONNREFUSED 10.0.0.2:8080`.
    const refused = record.errors.find((e) => {
      const port = /:(\d+)$/.exec(e.message)?.[1];
      return e.host === clientHost && e.code === 'ECONNREFUSED' && port !== undefined && Number(port) !== serverPort;
    });
    if (refused && !connectorsFrom(record, clientHost).some((c) => reaches(record, c, serverHost, serverPort))) {
      return `Your client's connection was refused (${refused.message}): nothing listens there. The server is on port ${serverPort}.`;
    }
    return undefined;
  }
  if (serverHost) {
    const ports = [...new Set(listenersOf(record, serverHost, 'tcp').map((e) => e.port))].filter((p) => p !== serverPort);
    if (ports.length > 0) {
      return `Your server listens on port ${listInWords(ports.map(String))}, but the clients connect to port ${serverPort}. Call listen(${serverPort}).`;
    }
  }
  return undefined;
}

function connectedToWrongHost({ clientHost, serverHost, serverPort }: Subject, record: RunRecord): string | undefined {
  if (!clientHost || !serverHost) return undefined;
  const serverIps = nicAddresses(record, serverHost);
  const other = connectorsFrom(record, clientHost).find((c) => c.remote && !serverIps.includes(c.remote.ip) && (serverPort === undefined || c.remote.port === serverPort));
  if (!other?.remote) return undefined;
  const named = hostOfAddress(record, other.remote.ip);
  const target = isLoopback(other.remote.ip)
    ? `${other.remote.ip}, which is ${clientHost} itself (loopback)`
    : named
      ? `${other.remote.ip}, which is ${named}`
      : other.remote.ip;
  return `Your client connected to ${target}, but the server runs on ${serverHost} (${listInWords(serverIps)}). Connect to '${serverHost}'.`;
}

/** Premise: the server's program stayed up, its connections received bytes, and it sent nothing at all. */
function forgotToWrite({ serverHost }: Subject, record: RunRecord): string | undefined {
  const server = serverHost ? learnerOn(record, serverHost) : undefined;
  if (server && fateOf(record, server) !== 'running') return undefined;
  const accepted = record.streams.filter((s) => s.role === 'accepted' && (!serverHost || s.host === serverHost));
  const silent = accepted.filter((s) => s.receivedBytes > 0 && s.sentBytes === 0);
  if (silent.length === 0 || accepted.some((s) => s.sentBytes > 0)) return undefined;
  return `Your server received ${silent[0]!.receivedBytes} bytes from ${formatEndpoint(silent[0]!.remote ?? silent[0]!.local)} and stayed up, but wrote nothing back to any client: receiving is not answering. Write what you read back to the same socket (socket.write(chunk)).`;
}

function forgotToEnd({ serverHost }: Subject, record: RunRecord): string | undefined {
  const where = serverHost;
  const halfOpen = record.sockets.filter((row) => (!where || row.host === where) && row.state === 'CLOSE-WAIT');
  if (halfOpen.length === 0) return undefined;
  return `The other side ended ${halfOpen.length === 1 ? 'a connection' : `${halfOpen.length} connections`}, but your program never ended its own side: ${formatEndpoint(halfOpen[0]!.local)} is stuck in CLOSE-WAIT. Call socket.end() when the peer has finished ('end' event).`;
}

/** Premise: an error netsim gave the program on this host is the one it died of. */
function unhandledError({ host }: Subject, record: RunRecord): string | undefined {
  const unhandled = learnerErrors(record).find((e) => !e.handled && (!host || e.host === host));
  if (!unhandled) return undefined;
  const died = `${capitalise(withArticle(unhandled.code))} error (${unhandled.message}) reached your program on ${unhandled.host}, and the program died of it.`;
  if (unhandled.code === 'EADDRINUSE') {
    return `${died} EADDRINUSE means a socket on ${unhandled.host} already listens there, and only one may: is your program listening twice on the same port?`;
  }
  const listener = errorListenerFor(unhandled).replace('…', '(err) => …');
  return `${died} In Node an 'error' event with no listener crashes the program, and so does a listener that throws the error again. Listen with ${listener}, say what went wrong, and let the program go on.`;
}
