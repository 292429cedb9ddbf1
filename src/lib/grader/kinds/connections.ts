import type { ConnectionCheck, DistinctPairsCheck, EphemeralClientPortCheck } from '../checks';
import type { RunRecord } from '../../runner/protocol';
import {
  EPHEMERAL_PORTS,
  acceptedPeerOf,
  connectorsFrom,
  formatEndpoint,
  isEphemeral,
  listInWords,
  plural,
  reaches,
} from '../record-queries';
import { fail, pass, type Verdict } from './verdict';

/** A connection joined a client on one host to the server's end-point (the handshake completed). */
export function evaluateConnection(check: ConnectionCheck, record: RunRecord): Verdict {
  const { server } = check;
  const towardsServer = connectorsFrom(record, check.client.host).filter((c) => reaches(record, c, server.host, server.port));
  const joined = towardsServer.find((c) => acceptedPeerOf(record, c) !== undefined);
  if (joined && joined.remote) {
    return pass(
      `A connection joined ${check.client.host} (${formatEndpoint(joined.local)}) to ${server.host} (${formatEndpoint(joined.remote)}).`,
    );
  }
  if (towardsServer.length > 0) {
    return fail(
      `${check.client.host} tried to connect to ${server.host}:${server.port}, but no server there accepted the connection.`,
    );
  }
  const elsewhere = connectorsFrom(record, check.client.host).flatMap((c) => (c.remote ? [formatEndpoint(c.remote)] : []));
  if (elsewhere.length > 0) {
    return fail(
      `No connection from ${check.client.host} reached ${server.host}:${server.port}; it connected to ${listInWords(elsewhere)} instead.`,
    );
  }
  return fail(`${check.client.host} never connected to anything: no TCP connection started there.`);
}

/** N connections share the server's end-point and differ in the client's end-point. */
export function evaluateDistinctPairs(check: DistinctPairsCheck, record: RunRecord): Verdict {
  const { server } = check;
  const accepted = record.streams.filter(
    (s) => s.host === server.host && s.role === 'accepted' && s.local.port === server.port && s.remote !== null,
  );
  const clients: string[] = [];
  for (const s of accepted) {
    const id = formatEndpoint(s.remote!);
    if (!clients.includes(id)) clients.push(id);
  }
  const locals = [...new Set(accepted.map((s) => s.local.ip))];
  const serverSide = accepted[0] ? formatEndpoint(accepted[0].local) : `${server.host}:${server.port}`;
  if (clients.length >= check.atLeast) {
    // Clients that reached the server at different addresses of its host share its port, not one end-point.
    const shared = locals.length > 1 ? `port ${server.port} (at ${listInWords(locals)})` : `end-point ${serverSide}`;
    return pass(`${plural(clients.length, 'connection')} share the server's ${shared}, each from a different client end-point: ${listInWords(clients)}.`);
  }
  if (clients.length === 0) {
    return fail(`The server on ${server.host}:${server.port} accepted no connection, so no socket pair shares its end-point.`);
  }
  return fail(
    `Only ${plural(clients.length, 'connection')} reached ${serverSide} (${listInWords(clients)}); the exercise expects at least ${check.atLeast}.`,
  );
}

/** Every connection from the client host to the server used a port the OS chose. */
export function evaluateEphemeralClientPort(check: EphemeralClientPortCheck, record: RunRecord): Verdict {
  const { server } = check;
  const connections = connectorsFrom(record, check.client.host).filter((c) => reaches(record, c, server.host, server.port));
  if (connections.length === 0) {
    return fail(`No connection from ${check.client.host} to ${server.host}:${server.port} was made, so there is no client port to look at.`);
  }
  const ports = connections.map((c) => c.local.port);
  const fixed = connections.filter((c) => !isEphemeral(c.local.port));
  if (fixed.length === 0) {
    return pass(
      `The client's ${ports.length === 1 ? 'port' : 'ports'} (${listInWords(ports.map(String))}) ${ports.length === 1 ? 'is' : 'are'} ephemeral: chosen by the operating system from ${EPHEMERAL_PORTS.first}–${EPHEMERAL_PORTS.last}.`,
    );
  }
  return fail(
    `The client used port ${listInWords(fixed.map((c) => String(c.local.port)))}, which it chose itself; a client normally lets the operating system pick an ephemeral port (${EPHEMERAL_PORTS.first}–${EPHEMERAL_PORTS.last}).`,
  );
}
