/**
 * Misconception detectors: when a check fails, each detector attached to it looks for one wrong idea in
 * the record and, if it finds it, explains it in the course's words with details from the run.
 * A detector reads the hosts and ports it needs from the check it is attached to (`subjectOf`).
 */
import type { Check, MisconceptionKind, ReportsInterfacesCheck, ReportsOutcomesCheck } from './checks';
import { describeCard, foreignAddresses, loopbackLines, reportedHost, unreported } from './kinds/interfaces';
import { contradiction, describeOutcome, saysItGaveUp, waitedMs, waitedTooLong } from './kinds/outcomes';
import { quoted } from './printed';
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
import { fateOf, learnerErrors, learnerOn, listeningTimes } from './facts';
import { endpointAnswers, type EndpointMistake } from './kinds/endpoints';

/** The hosts and port a check is about, as far as it names them, or the check itself when a detector reads it whole. */
interface Subject {
  clientHost?: string;
  serverHost?: string;
  serverPort?: number;
  host?: string;
  interfaces?: ReportsInterfacesCheck;
  outcomes?: ReportsOutcomesCheck;
}

export function subjectOf(check: Check): Subject {
  switch (check.kind) {
    case 'listening':
      return { serverHost: check.host, serverPort: check.port, host: check.host };
    case 'connection':
    case 'ephemeral-client-port':
      return { clientHost: check.client.host, serverHost: check.server.host, serverPort: check.server.port, host: check.client.host };
    case 'distinct-pairs':
    case 'names-endpoints':
      return { serverHost: check.server.host, serverPort: check.server.port, host: check.server.host };
    case 'echo':
    case 'reply':
    case 'http-reply':
    case 'socket-pair':
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
    case 'refused':
      return { clientHost: check.client.host, serverHost: check.server.host, serverPort: check.server.port, host: check.server.host };
    case 'reports-interfaces':
      return { interfaces: check };
    case 'reports-outcomes':
      return { outcomes: check };
    case 'prints-hostname':
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
    case 'hard-coded-address':
      return hardCodedAddress(subject, record);
    case 'missed-a-card':
      return missedACard(subject, record);
    case 'reported-loopback':
      return reportedLoopback(subject, record);
    case 'listened-beyond-loopback':
      return listenedBeyondLoopback(subject, record);
    case 'listened-on-card-only':
      return listenedOnCardOnly(subject, record);
    case 'claimed-an-outcome':
      return claimedAnOutcome(subject, record);
    case 'waited-for-the-kernel':
      return waitedForTheKernel(subject, record);
    case 'privileged-port':
      return privilegedPort(subject, record);
    case 'gave-up-on-taken-port':
      return gaveUpOnTakenPort(subject, record);
    case 'named-listening-address':
      return endpointMistake(subject, record, 'listening-address');
    case 'swapped-end-points':
      return endpointMistake(subject, record, 'swapped');
    case 'kept-another-clients-socket':
      return endpointMistake(subject, record, 'another-client');
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

function listenedOnLoopbackOnly({ serverHost, serverPort }: Subject, record: RunRecord): string | undefined {
  if (!serverHost) return undefined;
  const all = listenersOf(record, serverHost, 'tcp');
  // The server of this check's port, when it listens at all (another server of the program may rightly be on loopback).
  const atPort = all.filter((e) => e.port === serverPort);
  const listeners = atPort.length > 0 ? atPort : all;
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
    return `${died} EADDRINUSE means a socket on ${unhandled.host} already listens there, and only one may: another program holds the port (sudo ss -tlnp names it), or your program is listening twice on it. Listen for it with server.on('error', (err) => …) and decide what to do: wait and try again, or say so and stop.`;
  }
  const listener = errorListenerFor(unhandled).replace('…', '(err) => …');
  return `${died} In Node an 'error' event with no listener crashes the program, and so does a listener that throws the error again. Listen with ${listener}, say what went wrong, and let the program go on.`;
}

/** Premise: the program printed an address its host does not have in this run. */
function hardCodedAddress({ interfaces }: Subject, record: RunRecord): string | undefined {
  const report = interfaces && reportedHost(interfaces, record);
  const foreign = report ? foreignAddresses(report) : [];
  if (!report || !interfaces || foreign.length === 0) return undefined;
  const cards = report.wanted.map((c) => describeCard(c, false));
  return `${interfaces.file} printed ${listInWords(foreign)}, but ${report.host} has no such address in this run: its ${cards.length === 1 ? 'card is' : 'cards are'} ${listInWords(cards)}. The cards change from run to run, as they do when a laptop moves from one network to another: read them from os.networkInterfaces() each time, never write them down.`;
}

/** Premise: at least one card was reported in full, and at least one other was not named at all. */
function missedACard({ interfaces }: Subject, record: RunRecord): string | undefined {
  const report = interfaces && reportedHost(interfaces, record);
  if (!report || !interfaces) return undefined;
  const missing = unreported(report, interfaces.show);
  const unnamed = missing.filter((m) => m.line === undefined);
  if (unnamed.length === 0 || missing.length === report.wanted.length) return undefined;
  const done = report.wanted.filter((c) => !missing.some((m) => m.card === c)).map((c) => c.name);
  return `${report.host} has ${report.wanted.length} cards in this run (${listInWords(report.wanted.map((c) => c.name))}), and ${interfaces.file} reported ${listInWords(done)} only: ${listInWords(unnamed.map((m) => describeCard(m.card, interfaces.show.includes('mac'))))} ${unnamed.length === 1 ? 'is' : 'are'} missing. Loop over every entry of os.networkInterfaces() — the names and the number of cards change from run to run.`;
}

/** Premise: the loopback was reported where the check says to skip it. */
function reportedLoopback({ interfaces }: Subject, record: RunRecord): string | undefined {
  const report = interfaces && reportedHost(interfaces, record);
  if (!report || !interfaces || interfaces.loopback !== 'skip') return undefined;
  const line = loopbackLines(report)[0];
  if (line === undefined) return undefined;
  return `${interfaces.file} printed ${quoted(line)}: that is lo, the loopback (127.0.0.1), which is not a network card — nothing it carries leaves ${report.host}. os.networkInterfaces() marks it with internal: true: skip those entries.`;
}

/** Premise: the server on this port listens on an address other hosts reach (every address, or a card's). */
function listenedBeyondLoopback({ serverHost, serverPort }: Subject, record: RunRecord): string | undefined {
  if (!serverHost || serverPort === undefined) return undefined;
  const open = listenersOf(record, serverHost, 'tcp').filter((e) => e.port === serverPort && !isLoopback(e.ip));
  const first = open[0];
  if (!first) return undefined;
  const where = first.ip === '0.0.0.0' ? `every address of ${serverHost}, its cards' included` : `${first.ip}, the address of ${serverHost}'s card: every host on that card's network reaches it`;
  return `Your server listens on ${formatEndpoint(first)}: ${where}. Only the loopback is ${serverHost}'s alone: listen on 127.0.0.1 (server.listen(${serverPort}, '127.0.0.1')), and other hosts are refused.`;
}

/** Premise: the server listens on card addresses only at this port, and its own host was refused on 127.0.0.1. */
function listenedOnCardOnly({ serverHost, serverPort }: Subject, record: RunRecord): string | undefined {
  if (!serverHost || serverPort === undefined) return undefined;
  const listeners = listenersOf(record, serverHost, 'tcp').filter((e) => e.port === serverPort);
  if (listeners.length === 0 || listeners.some((e) => isLoopback(e.ip) || e.ip === '0.0.0.0')) return undefined;
  const refused = record.errors.find((e) => e.host === serverHost && e.code === 'ECONNREFUSED' && new RegExp(`127\\.[\\d.]+:${serverPort}$`).test(e.message));
  if (!refused) return undefined;
  return `Your server listens on ${listInWords(listeners.map(formatEndpoint))} only, so ${serverHost}'s own program that used 127.0.0.1 was refused (${refused.message}). A server listens on one address, not on "this computer": 127.0.0.1 is another address. To be reached both ways, listen on every address (leave out the host).`;
}

/** Premise: a line names a target with an outcome the record contradicts. */
function claimedAnOutcome({ outcomes }: Subject, record: RunRecord): string | undefined {
  const found = outcomes && contradiction(outcomes, record);
  if (!outcomes || !found) return undefined;
  if (found.outcome.kind === 'connected' && saysItGaveUp(found.line)) {
    return `${outcomes.file} printed ${quoted(found.line)}, but its attempt at ${found.target.address}:${found.target.port} connected. A socket's timeout goes on after it connects: it fires whenever the socket is idle that long. Once connected, turn it off (socket.setTimeout(0)) or close the socket (destroy(), or read what comes so end() can finish).`;
  }
  return `${outcomes.file} printed ${quoted(found.line)}, but in this run its attempt at ${found.target.address}:${found.target.port} ${describeOutcome(found.outcome)}. Which services run changes from run to run: print what the socket tells you — in its 'connect' listener, or err.code in its 'error' listener — never what you expect.`;
}

/** Premise: an attempt nobody answered went on longer than the check allows (to the kernel's ETIMEDOUT, or to the end). */
function waitedForTheKernel({ outcomes }: Subject, record: RunRecord): string | undefined {
  const found = outcomes && waitedTooLong(outcomes, record);
  if (!outcomes || !found) return undefined;
  const seconds = Math.round(waitedMs(found.outcome) / 1000);
  return `${outcomes.file} waited ${seconds} s for ${found.target.address}:${found.target.port}, which ${describeOutcome(found.outcome)}. Linux gives up on a connection nobody answers only after about two minutes (it sends the SYN again after 1, 2, 4, 8, 16, 32 and 64 s). Don't wait for it: call socket.setTimeout(5000) as soon as you create the socket — before it connects — and destroy the socket on 'timeout', saying it timed out.`;
}

/** Premise: netsim refused a learner's program a port below 1024 (EACCES on listen or bind) on the subject's host. */
function privilegedPort({ host, serverHost, serverPort }: Subject, record: RunRecord): string | undefined {
  const where = serverHost ?? host;
  const refused = learnerErrors(record).find((e) => e.code === 'EACCES' && (e.syscall === 'listen' || e.syscall === 'bind') && (!where || e.host === where));
  const port = refused ? Number(/:(\d+)$/.exec(refused.message)?.[1]) : NaN;
  if (!refused || !(port < 1024)) return undefined;
  const instead = serverPort !== undefined && serverPort >= 1024 ? `listen on ${serverPort}, where the clients look for it` : 'use a port of 1024 or more';
  return `Your program asked for port ${port}, and ${refused.host} refused it: ${refused.message}. On Linux only root may listen on a port below 1024, and your program runs as a normal user, as a developer's own server does: ${instead}.`;
}

const ms = (at: number) => `${Math.round(at)} ms`;

/**
 * Premise: the learner's program on the server's host heard EADDRINUSE for the port (and lived), and never
 * listened on it afterwards, though the port became free during the run (another socket stopped listening).
 */
function gaveUpOnTakenPort({ serverHost, serverPort }: Subject, record: RunRecord): string | undefined {
  if (!serverHost || serverPort === undefined) return undefined;
  const program = learnerOn(record, serverHost);
  if (!program) return undefined;
  const taken = learnerErrors(record).find((e) => e.host === serverHost && e.pid === program.pid && e.code === 'EADDRINUSE' && e.handled && e.message.endsWith(`:${serverPort}`));
  if (!taken) return undefined;
  const mine = listeningTimes(record, serverHost, serverPort, program.pid);
  if (mine.some((span) => span.from > taken.at)) return undefined;
  const freed = listeningTimes(record, serverHost, serverPort)
    .filter((span) => span.until !== Infinity && span.until >= taken.at && !mine.includes(span))
    .map((span) => span.until)
    .sort((a, b) => a - b)[0];
  if (freed === undefined) return undefined;
  const fate = (record.fates ?? []).find((f) => f.host === program.host && f.pid === program.pid);
  const ended = fate ? `, and it ended at ${ms(fate.at)}` : '';
  return `Your server heard EADDRINUSE at ${ms(taken.at)} (${taken.message}) and stopped trying${ended}. The other program let go of port ${serverPort} at ${ms(freed)}, but your server never listened there again. Try again after a pause — setTimeout(() => server.listen(${serverPort}), 500) in the 'error' listener — until listen succeeds.`;
}

/** Premise: a client of the server got an answer that names its connection's ends in this wrong way. */
function endpointMistake({ serverHost, serverPort }: Subject, record: RunRecord, kind: EndpointMistake): string | undefined {
  if (!serverHost || serverPort === undefined) return undefined;
  const found = endpointAnswers(record, { host: serverHost, port: serverPort }).find((a) => a.wrong?.kind === kind);
  return found ? `The client at ${formatEndpoint(found.client.local)} ${found.wrong!.why}.` : undefined;
}
