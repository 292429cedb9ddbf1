/**
 * Checks that relate what one side sent to what the other received, connection by connection: an echo
 * gives each client exactly its own bytes back; a reply says what the protocol requires of it (the name the
 * client sent, the client's end-point); a request is what the client must send; a program prints what it
 * received. Never a fixed substring somewhere in the run.
 */
import type { StreamRecord } from '../../netsim/types';
import type { RunRecord } from '../../runner/protocol';
import type { EchoCheck, PrintsReceivedCheck, ReplyCheck, RequestCheck, ServerEndpoint } from '../checks';
import { acceptedPeerOf, connectorsFrom, firstClose, formatEndpoint, plural, reaches } from '../record-queries';
import { fail, pass, type Verdict } from './verdict';

/** The client sockets of `host` whose connection reached the server (the handshake completed). */
function connectionsTo(record: RunRecord, clientHost: string, server: ServerEndpoint): StreamRecord[] {
  return connectorsFrom(record, clientHost).filter((c) => reaches(record, c, server.host, server.port) && acceptedPeerOf(record, c) !== undefined);
}

/** Text for a sentence: quoted, cut at 60 characters, line breaks shown as \n. */
export function shown(text: string): string {
  const cut = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(cut);
}

/** The lines of a text, without their line breaks (empty ones left out). */
function linesOf(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0);
}

function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) count++;
  return count;
}

/** Text the server put before each piece it echoed (such as "echo: "), if received is sent with that added. */
function addedBeforeEach(sent: string, received: string): string | undefined {
  const first = linesOf(sent)[0];
  const at = first === undefined ? -1 : received.indexOf(first);
  if (at <= 0) return undefined;
  const added = received.slice(0, at);
  return received.split(added).join('') === sent ? added : undefined;
}

/**
 * The line every client got back although none of them sent it (a fixed answer), when there are several
 * clients, they sent different things, and none got any of its own lines back.
 */
function sameAnswer(connections: readonly StreamRecord[]): string | undefined {
  if (connections.length < 2 || new Set(connections.map((c) => c.sent)).size < 2) return undefined;
  if (connections.some((c) => linesOf(c.sent).some((line) => c.received.includes(line)))) return undefined;
  const [first, ...rest] = connections.map((c) => linesOf(c.received));
  return first?.find((line) => rest.every((lines) => lines.includes(line)) && !connections.some((c) => c.sent.includes(line)));
}

/** Why a connection's `received` is not its `sent` echoed back, in a teacher's words. */
function echoDifference(record: RunRecord, connection: StreamRecord, others: readonly StreamRecord[]): string {
  const { sent, received } = connection;
  // Another client that received lines this one sent (and did not send itself): where the echo went.
  const taker = others.find((o) => linesOf(sent).some((line) => o.received.includes(line) && !o.sent.includes(line)));
  const takerAt = taker ? `the client at ${formatEndpoint(taker.local)}` : undefined;
  if (received.length === 0) return `got nothing back${takerAt ? `: its bytes went to ${takerAt}` : ''}`;
  for (const other of others) {
    const foreign = linesOf(other.sent).find((line) => received.includes(line) && !sent.includes(line));
    if (foreign) return `got another client's bytes: ${shown(foreign)}, sent from ${formatEndpoint(other.local)}`;
  }
  if (received.length === 2 * sent.length && linesOf(sent).every((line) => occurrences(received, line) >= 2 * occurrences(sent, line))) {
    return `got its bytes back twice (${plural(received.length, 'byte')} for the ${sent.length} it sent)`;
  }
  const added = addedBeforeEach(sent, received);
  if (added) return `got ${shown(added)} added in front of what it sent (it sent ${shown(linesOf(sent)[0]!)}, got back ${shown(added + linesOf(sent)[0]!)})`;
  if (received === sent.replace(/\r?\n/g, '')) return 'got its bytes back without their line breaks (\\n)';
  const changedAt = received.toLowerCase() === sent.toLowerCase() ? linesOf(sent).findIndex((line, i) => line !== linesOf(received)[i]) : -1;
  if (changedAt >= 0) return `got its bytes back changed: it sent ${shown(linesOf(sent)[changedAt]!)}, got back ${shown(linesOf(received)[changedAt]!)}`;
  if (sent.startsWith(received)) {
    const closed = firstClose(record, connection);
    const hungUp = closed?.by === 'remote' ? `: the server hung up at ${Math.round(closed.at)} ms` : '';
    return `got only the first ${plural(received.length, 'byte')} of ${sent.length} back${takerAt ? `; the rest went to ${takerAt}` : hungUp}`;
  }
  if (received.startsWith(sent)) return `got its bytes back, then ${shown(received.slice(sent.length))} more`;
  if (received.endsWith(sent)) return `got ${shown(received.slice(0, received.length - sent.length))} before its own bytes`;
  return `sent ${shown(sent)} but got ${shown(received)}`;
}

/** On every connection the client received exactly what it sent. */
export function evaluateEcho(check: EchoCheck, record: RunRecord): Verdict {
  const { client, server } = check;
  const connections = connectionsTo(record, client.host, server).filter((c) => c.sentBytes > 0);
  const target = `${server.host}:${server.port}`;
  if (connections.length < check.atLeast) {
    return fail(
      connections.length === 0
        ? `No client on ${client.host} sent anything over a connection to ${target}, so there was nothing to echo.`
        : `Only ${plural(connections.length, 'connection')} from ${client.host} to ${target} carried bytes; ${check.atLeast} should have.`,
    );
  }
  const wrong = connections.filter((c) => c.received !== c.sent || c.receivedBytes !== c.sentBytes);
  if (wrong.length === 0) {
    const bytes = connections.reduce((sum, c) => sum + c.sentBytes, 0);
    return pass(`Each of the ${plural(connections.length, 'connection')} got back exactly what its client sent (${plural(bytes, 'byte')} in all), in order.`);
  }
  const same = sameAnswer(connections);
  if (same !== undefined) {
    return fail(`Every client got the same ${shown(same)} back, whatever it sent: an echo sends each client exactly what that client sent.`);
  }
  const first = wrong[0]!;
  return fail(
    `${plural(wrong.length, 'connection')} of ${connections.length} did not get an echo: the client at ${formatEndpoint(first.local)} ${echoDifference(record, first, connections.filter((c) => c !== first))}.`,
  );
}

/** The request's named groups and the connection's end-points, put into the reply's template. */
function expectedReply(template: string, groups: Record<string, string>, connection: StreamRecord): string {
  const values: Record<string, string> = {
    ...groups,
    'client.address': connection.local.ip,
    'client.port': String(connection.local.port),
    'server.address': connection.remote?.ip ?? '',
    'server.port': String(connection.remote?.port ?? ''),
  };
  return template.replace(/\{([\w.]+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** On every connection that sent a proper request, the client received the reply the protocol requires. */
export function evaluateReply(check: ReplyCheck, record: RunRecord): Verdict {
  const { client, server } = check;
  const pattern = new RegExp(check.request);
  const connections = connectionsTo(record, client.host, server);
  const asked = connections.flatMap((c) => {
    const match = pattern.exec(c.sent);
    return match ? [{ connection: c, expected: expectedReply(check.reply, match.groups ?? {}, c) }] : [];
  });
  if (asked.length < check.atLeast) {
    const target = `${server.host}:${server.port}`;
    const other = connections.find((c) => c.sentBytes > 0 && !pattern.test(c.sent));
    if (asked.length === 0 && other) {
      const answer = other.receivedBytes > 0 ? ` (${target} answered ${shown(other.received)})` : '';
      return fail(`No reply could be expected: ${client.host} sent ${shown(other.sent)}, which is not the request ${target} answers${answer}.`);
    }
    if (asked.length === 0) {
      return fail(
        connections.length === 0
          ? `No connection from ${client.host} reached ${target}, so no reply could come back.`
          : `${client.host} connected to ${target} but sent no request, so no reply could come back.`,
      );
    }
    return fail(`Only ${plural(asked.length, 'connection')} from ${client.host} sent a request ${target} answers; ${check.atLeast} should have.`);
  }
  const missing = asked.filter((a) => !a.connection.received.includes(a.expected));
  if (missing.length === 0) {
    return pass(`Every client got the reply meant for it (e.g. ${shown(asked[0]!.expected)}).`);
  }
  const { connection, expected } = missing[0]!;
  const got = connection.receivedBytes === 0 ? 'nothing' : shown(connection.received);
  return fail(`The client at ${formatEndpoint(connection.local)} should have got ${shown(expected)}, but got ${got}.`);
}

/** A client sent the server what the protocol asks for. */
export function evaluateRequest(check: RequestCheck, record: RunRecord): Verdict {
  const { client, server } = check;
  const connections = connectionsTo(record, client.host, server);
  const target = `${server.host}:${server.port}`;
  if (connections.length === 0) return fail(`No connection from ${client.host} reached ${target}, so nothing could be sent to it.`);
  const pattern = new RegExp(check.pattern);
  const good = connections.find((c) => pattern.test(c.sent));
  if (good) return pass(`${client.host} sent ${target} ${shown(good.sent)}: ${check.describe}.`);
  const sent = connections.find((c) => c.sentBytes > 0);
  return fail(sent ? `${client.host} sent ${shown(sent.sent)}, but ${target} expects ${check.describe}.` : `${client.host} connected to ${target} but sent nothing; it should send ${check.describe}.`);
}

/** The program printed each line its connection received. */
export function evaluatePrintsReceived(check: PrintsReceivedCheck, record: RunRecord): Verdict {
  const received = connectionsTo(record, check.client.host, check.server)
    .flatMap((c) => c.received.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (received.length === 0) return fail(`${check.file}'s connection received nothing from ${check.server.host}, so there was nothing to print.`);
  const printed = record.console.filter((l) => l.file === check.file).map((l) => l.text);
  const unprinted = received.filter((line) => !printed.some((text) => text.includes(line)));
  if (unprinted.length === 0) return pass(`${check.file} printed what it received (${shown(received[0]!)}).`);
  return fail(
    printed.length === 0
      ? `${check.file} received ${shown(unprinted[0]!)} but printed nothing.`
      : `${check.file} received ${shown(unprinted[0]!)} but did not print it (it printed ${shown(printed[printed.length - 1]!)}).`,
  );
}
