/**
 * A pair of sockets, confirmed from both programs of the learner's: the client program connected to the
 * server program; each printed its own socket's two ends (local first), and they are the connection's real
 * ends, each side's local the other's remote; and bytes went both ways, each side receiving exactly what the
 * other sent.
 */
import type { Endpoint, StreamRecord } from '../../netsim/types';
import type { RunRecord } from '../../runner/protocol';
import type { SocketPairCheck } from '../checks';
import { pidOf } from '../facts';
import { acceptedPeerOf, connectorsFrom, formatEndpoint, listInWords, plural, reaches, sameEndpoint } from '../record-queries';
import { endpointsIn } from './endpoints';
import { shown } from './exchange';
import { fail, pass, type Verdict } from './verdict';

/** What is wrong with how `file` named its socket's ends, or undefined when a line names them right. */
function namedWrong(record: RunRecord, file: string, local: Endpoint, remote: Endpoint): string | undefined {
  const lines = record.console.filter((l) => l.file === file).map((l) => l.text);
  const should = `local ${formatEndpoint(local)} remote ${formatEndpoint(remote)}`;
  const naming = lines.filter((line) => endpointsIn(line).length >= 2);
  if (naming.some((line) => sameEndpoint(endpointsIn(line)[0]!, local) && sameEndpoint(endpointsIn(line)[1]!, remote))) return undefined;
  const early = lines.find((line) => line.includes('undefined'));
  if (naming.length === 0 && early !== undefined) {
    return `${file} printed ${shown(early)}: a socket's ends are known once it is connected, so print them in the 'connect' listener (the client) or the connection listener (the server). Its socket was ${should}`;
  }
  if (naming.length === 0) {
    return `${file} printed no line naming its socket's two ends as address:port${lines.length > 0 ? ` (it printed ${shown(lines[lines.length - 1]!)})` : ''}; it should print ${should}`;
  }
  const line = naming[0]!;
  const [first, second] = endpointsIn(line) as [Endpoint, Endpoint];
  if (sameEndpoint(first, remote) && sameEndpoint(second, local)) {
    return `${file} printed ${shown(line)}: the two ends the other way round. For ${file}'s own socket, local is its own end, ${formatEndpoint(local)}, and remote the other program's, ${formatEndpoint(remote)}`;
  }
  if (first.ip === '0.0.0.0') {
    return `${file} printed ${shown(line)}: 0.0.0.0 is the listening socket's address (server.address()); the socket of this connection is ${should}`;
  }
  return `${file} printed ${shown(line)}, but its socket was ${should}`;
}

/** Did each side receive exactly what the other sent, and did something go each way? */
function bothWays(check: SocketPairCheck, client: StreamRecord, server: StreamRecord): string | undefined {
  const c = check.client.file;
  const s = check.server.file;
  if (client.sentBytes === 0 && server.sentBytes === 0) return `no bytes went over the connection, either way: ${c} should send something and ${s} answer`;
  if (client.sentBytes === 0) return `${c} sent nothing over the connection (${s} did: ${shown(server.sent)}): a pair of sockets carries bytes both ways`;
  if (server.sentBytes === 0) return `${s} sent nothing back (${c} sent ${shown(client.sent)}): a pair of sockets carries bytes both ways, so answer on the same socket`;
  if (server.received !== client.sent) return `${s} received ${shown(server.received)}, but ${c} sent ${shown(client.sent)}`;
  if (client.received !== server.sent) return `${c} received ${shown(client.received)}, but ${s} sent ${shown(server.sent)}`;
  return undefined;
}

export function evaluateSocketPair(check: SocketPairCheck, record: RunRecord): Verdict {
  const { client, server } = check;
  const target = `${server.host}:${server.port}`;
  const clientPid = pidOf(record, client.file);
  const mine = connectorsFrom(record, client.host).filter((s) => clientPid === undefined || s.owner?.pid === clientPid);
  const towards = mine.filter((s) => reaches(record, s, server.host, server.port));
  const pair = towards.flatMap((s) => {
    const accepted = acceptedPeerOf(record, s);
    return accepted ? [{ client: s, server: accepted }] : [];
  })[0];
  if (!pair) {
    if (towards.length > 0) return fail(`${client.file} tried to connect to ${target}, but no server there accepted the connection: is ${server.file} listening on port ${server.port}?`);
    const elsewhere = mine.flatMap((s) => (s.remote ? [formatEndpoint(s.remote)] : []));
    return fail(elsewhere.length > 0 ? `${client.file} connected to ${listInWords(elsewhere)}, not to ${target}.` : `${client.file} never connected to ${target}, so there is no pair of sockets.`);
  }
  const c = pair.client;
  const s = pair.server;
  const problems = [namedWrong(record, client.file, c.local, c.remote!), namedWrong(record, server.file, s.local, s.remote!), bothWays(check, c, s)].filter((p) => p !== undefined);
  if (problems.length > 0) return fail(`${problems[0]}.`);
  return pass(
    `One pair of sockets: ${client.file}'s is local ${formatEndpoint(c.local)} remote ${formatEndpoint(c.remote!)}, ${server.file}'s is local ${formatEndpoint(s.local)} remote ${formatEndpoint(s.remote!)}: each side's local end is the other's remote, and ${plural(c.sentBytes, 'byte')} went one way, ${plural(s.sentBytes, 'byte')} the other.`,
  );
}
