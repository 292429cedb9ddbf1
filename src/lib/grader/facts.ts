/**
 * The most basic facts a record shows, in the order a teacher looks for them: the program did not compile,
 * it crashed (where), the run was stopped (time or a limit), a server was not listening when its clients
 * came, a connection was refused. A failed check's explanation starts from the first of these that bears
 * on it, and only then talks about the data.
 */
import type { SocketErrorRecord, SocketStateEvent, TcpSegmentEvent } from '../netsim/types';
import type { RunProgram, RunRecord } from '../runner/protocol';
import { hostOfAddress } from './record-queries';

/** The learner's programs in the record (every program when the record does not say whose is whose). */
export function learnerPrograms(record: RunRecord): RunProgram[] {
  return (record.programs ?? []).filter((p) => p.role === 'learner');
}

/** Errors netsim gave the learner's programs (every error when the record does not say whose is whose). */
export function learnerErrors(record: RunRecord): SocketErrorRecord[] {
  if (!record.programs) return record.errors;
  const learners = learnerPrograms(record);
  return record.errors.filter((e) => learners.some((p) => p.host === e.host && p.pid === e.pid));
}

/** The learner's program on `host`, if one ran there. */
export function learnerOn(record: RunRecord, host: string): RunProgram | undefined {
  return learnerPrograms(record).find((p) => p.host === host);
}

/** How a learner's process ended, if it ended: crashed (code 1) or exited. */
export function fateOf(record: RunRecord, program: RunProgram): 'crashed' | 'exited' | 'running' {
  const fate = (record.fates ?? []).find((f) => f.host === program.host && f.pid === program.pid);
  return fate?.how ?? 'running';
}

/** `server.ts:3` when the record places the error, else the file, else ''. */
function placeOf(record: RunRecord): string {
  const error = record.error;
  if (!error?.file) return '';
  return error.line ? `${error.file}:${error.line}` : error.file;
}

/**
 * The fact that ends every check before it is evaluated: the program did not compile, the run was stopped
 * at a limit, or it was stopped after its time budget. Undefined when the run went its course.
 */
export function runStopper(record: RunRecord): string | undefined {
  switch (record.outcome) {
    case 'did-not-compile': {
      const where = placeOf(record);
      return `Not checked: your program did not compile${where ? ` (${where})` : ''}: ${record.error?.message ?? 'a syntax error'}.`;
    }
    case 'limit':
      return `Not checked: the run was stopped at one of its limits. ${record.error?.message ?? ''}`.trim();
    case 'timed-out':
      return 'Not checked: the run was stopped after its time budget, before it could finish (is there an endless loop?).';
    default:
      return undefined;
  }
}

/** The learner's crash, said as a teacher would: which program, where, with what. */
export function crashFact(record: RunRecord): string | undefined {
  if (record.outcome !== 'threw' && !learnerPrograms(record).some((p) => fateOf(record, p) === 'crashed')) return undefined;
  const file = record.error?.file ?? learnerPrograms(record).find((p) => fateOf(record, p) === 'crashed')?.file ?? 'your program';
  const line = record.error?.file === file ? record.error.line : undefined;
  const message = record.error?.message ?? 'an error nobody caught';
  const gloss = record.error?.name ? CRASH_GLOSSES[record.error.name] : undefined;
  return `${file} crashed${line ? ` at line ${line}` : ''}: ${message}${gloss ? ` (${gloss})` : ''}.`;
}

/** What Node's errors mean, for the ones beginners meet first: the crash message names the mistake too. */
const CRASH_GLOSSES: Readonly<Record<string, string>> = {
  ERR_STREAM_WRITE_AFTER_END: 'the program wrote to a socket after ending it with end()',
  ERR_STREAM_DESTROYED: 'the program used a socket after destroying it',
  EPIPE: 'the program wrote to a connection the other side had closed',
};

/** When a listener on host:port was listening: [from, until) in virtual ms, from the trace. */
export function listeningTimes(record: RunRecord, host: string, port: number): { from: number; until: number; ip: string }[] {
  const listens = new Map<number, { from: number; ip: string }>();
  const spans: { from: number; until: number; ip: string }[] = [];
  for (const event of record.trace) {
    if (event.kind !== 'socket' || event.host !== host || event.protocol !== 'tcp') continue;
    const change = event as SocketStateEvent;
    if (change.change === 'listen' && change.local?.port === port) listens.set(change.socket, { from: change.at, ip: change.local.ip });
    if (change.change === 'close' || (change.change === 'state' && change.to === 'CLOSED')) {
      const open = listens.get(change.socket);
      if (open) {
        spans.push({ ...open, until: change.at });
        listens.delete(change.socket);
      }
    }
  }
  for (const open of listens.values()) spans.push({ ...open, until: Infinity });
  return spans;
}

/** The times clients on other hosts knocked (a SYN was sent) at host:port, from the trace (loopback is left out: it names no host). */
export function knocksAt(record: RunRecord, host: string, port: number): number[] {
  const times: number[] = [];
  for (const event of record.trace) {
    if (event.kind !== 'tcp') continue;
    const segment = event as TcpSegmentEvent;
    if (segment.dst.port !== port || !segment.flags.includes('SYN') || segment.flags.includes('ACK')) continue;
    if (hostOfAddress(record, segment.dst.ip) === host) times.push(segment.at);
  }
  return times;
}

/** A connection a client host was refused (ECONNREFUSED), said with its target. */
export function refusedOn(record: RunRecord, clientHost: string): string | undefined {
  const refused = record.errors.find((e) => e.host === clientHost && e.code === 'ECONNREFUSED');
  return refused ? refused.message : undefined;
}

