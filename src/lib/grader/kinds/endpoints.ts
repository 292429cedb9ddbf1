/**
 * A server that names both end-points of each connection to its client, judged against the real ones: the
 * first line each client received must name, as address:port, the server's end of that very connection
 * (local) and then the client's (remote), the 4-tuple seen from the server. Each wrong answer a beginner
 * gives — the listening socket's 0.0.0.0, the ends swapped, another client's end, one address written in for
 * all — is said as such.
 */
import type { Endpoint, StreamRecord } from '../../netsim/types';
import type { RunRecord } from '../../runner/protocol';
import type { NamesEndpointsCheck, ServerEndpoint } from '../checks';
import { acceptedPeerOf, formatEndpoint, listInWords, plural, reaches, sameEndpoint } from '../record-queries';
import { shown } from './exchange';
import { fail, pass, type Verdict } from './verdict';

const ENDPOINT = /(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})/g;

/** The end-points written in a line of text, in order. */
export function endpointsIn(line: string): Endpoint[] {
  return [...line.matchAll(ENDPOINT)].map((m) => ({ ip: m[1]!, port: Number(m[2]) }));
}

/** Every connection to the server from any host (loopback too) whose handshake completed. */
function connectionsToServer(record: RunRecord, server: ServerEndpoint): { client: StreamRecord; server: StreamRecord }[] {
  return record.streams
    .filter((s) => s.role === 'connector' && s.protocol === 'tcp' && reaches(record, s, server.host, server.port))
    .flatMap((client) => {
      const accepted = acceptedPeerOf(record, client);
      return accepted ? [{ client, server: accepted }] : [];
    });
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return (end < 0 ? text : text.slice(0, end)).replace(/\r$/, '');
}

/** The kinds of wrong answer a detector can name (misconceptions.ts). */
export type EndpointMistake = 'no-line-break' | 'listening-address' | 'swapped' | 'another-client' | 'written-in-address' | 'wrong-port' | 'no-end-point' | 'one-end-point' | 'other';

/** Why this line does not name the connection's two ends, in a teacher's words; undefined when it does. */
function mistake(line: string, complete: boolean, local: Endpoint, remote: Endpoint, others: readonly Endpoint[]): { kind: EndpointMistake; why: string } | undefined {
  const named = endpointsIn(line);
  const [first, second] = named;
  if (first && second && sameEndpoint(first, local) && sameEndpoint(second, remote)) {
    return complete ? undefined : { kind: 'no-line-break', why: `got ${shown(line)} with no line break after it: the client reads a line, and waited for its end` };
  }
  const should = `local ${formatEndpoint(local)} and remote ${formatEndpoint(remote)}`;
  if (named.length === 0) return { kind: 'no-end-point', why: `got ${shown(line)}, which names no end-point (address:port); it should name ${should}` };
  if (named.some((e) => e.ip === '0.0.0.0')) {
    return {
      kind: 'listening-address',
      why: `got ${shown(line)}: 0.0.0.0 is the listening socket's address (server.address()), which stands for every address; this connection's own end is ${formatEndpoint(local)} (socket.localAddress and socket.localPort)`,
    };
  }
  if (first && second && sameEndpoint(first, remote) && sameEndpoint(second, local)) {
    return { kind: 'swapped', why: `got ${shown(line)}: the two ends the other way round. Seen from the server, local is its own end, ${formatEndpoint(local)}, and remote is the client's, ${formatEndpoint(remote)}` };
  }
  if (named.length < 2) return { kind: 'one-end-point', why: `got ${shown(line)}, which names one end-point; it should name both: ${should}` };
  if (others.some((o) => sameEndpoint(o, second!))) {
    return {
      kind: 'another-client',
      why: `got ${shown(line)}, another client's end-point: this connection's remote end is ${formatEndpoint(remote)}. Name the socket this client came on, not one kept from another connection`,
    };
  }
  if (first!.ip !== local.ip && first!.port === local.port) {
    return {
      kind: 'written-in-address',
      why: `got ${shown(line)}, but this client reached the server at ${local.ip}: a host with several addresses has one local address per connection, so read it from the connection (socket.localAddress) rather than writing one in`,
    };
  }
  if (second!.ip === remote.ip && second!.port !== remote.port) {
    return { kind: 'wrong-port', why: `got ${shown(line)}: the client's address is right, but its port is ${remote.port}, the ephemeral port its operating system picked (socket.remotePort)` };
  }
  return { kind: 'other', why: `got ${shown(line)}; it should name ${should}` };
}

/** Each client that asked the server, with what is wrong with the answer it got (nothing when right). */
export function endpointAnswers(record: RunRecord, server: ServerEndpoint): { client: StreamRecord; wrong?: { kind: EndpointMistake | 'nothing'; why: string } }[] {
  const asked = connectionsToServer(record, server).filter((p) => p.client.sentBytes > 0);
  const remotes = asked.map((p) => p.client.local);
  return asked.map(({ client, server: accepted }) => {
    if (client.receivedBytes === 0) return { client, wrong: { kind: 'nothing', why: 'got nothing back' } };
    const wrong = mistake(firstLine(client.received), client.received.includes('\n'), accepted.local, client.local, remotes.filter((r) => !sameEndpoint(r, client.local)));
    return wrong ? { client, wrong } : { client };
  });
}

export function evaluateNamesEndpoints(check: NamesEndpointsCheck, record: RunRecord): Verdict {
  const target = `${check.server.host}:${check.server.port}`;
  const answers = endpointAnswers(record, check.server);
  if (answers.length < check.atLeast) {
    return fail(
      connectionsToServer(record, check.server).length === 0
        ? `No connection reached ${target}, so no end-points could be named.`
        : `Only ${plural(answers.length, 'client')} of the ${check.atLeast} expected asked ${target} over a connection.`,
    );
  }
  const wrong = answers.filter((a) => a.wrong !== undefined);
  if (wrong.length === 0) {
    const hosts = [...new Set(answers.map((a) => a.client.host))];
    return pass(`Each of the ${plural(answers.length, 'client')} (on ${listInWords(hosts)}) got the two ends of its own connection, local and remote, as the server sees them (e.g. ${shown(firstLine(answers[0]!.client.received))}).`);
  }
  const first = wrong[0]!;
  return fail(`${plural(wrong.length, 'client')} of ${answers.length} did not get the two ends of its connection: the client at ${formatEndpoint(first.client.local)} ${first.wrong!.why}.`);
}
