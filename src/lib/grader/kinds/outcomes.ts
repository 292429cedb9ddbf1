/**
 * A program that tries several end-points and says what became of each: the truth comes from the record (the
 * connection was established, an error with this code came back, or the program gave up waiting), and the
 * program's lines are read against it — never against a list of expected words per target, which a program
 * could print without trying anything.
 */
import type { RunRecord, RunProgram } from '../../runner/protocol';
import type { SocketStateEvent } from '../../netsim/types';
import type { ReportsOutcomesCheck } from '../checks';
import { hasAddress, hasPort, hasWord, printedLines, programOf, quoted } from '../printed';
import { hostOfAddress, listInWords } from '../record-queries';
import { endpointOfError } from './refused';
import { fail, pass, type Verdict } from './verdict';

export type Target = ReportsOutcomesCheck['targets'][number];

/** What became of one attempt. */
export type Outcome =
  | { kind: 'connected' }
  | { kind: 'error'; code: string; message: string; afterMs: number }
  | { kind: 'gave-up'; afterMs: number }
  | { kind: 'waiting'; sinceMs: number };

/** Each error code a connect meets, in the words of `strerror` and of the lessons. */
const MEANINGS: Readonly<Record<string, { words: RegExp; says: string }>> = {
  ECONNREFUSED: { words: /refused/i, says: 'the host answered, but nothing listens on that port' },
  EHOSTUNREACH: { words: /no route to host|host (is )?unreachable/i, says: 'nobody answered ARP for that address' },
  ENETUNREACH: { words: /network (is )?unreachable/i, says: 'no route on this host leads to that network' },
  ETIMEDOUT: { words: /timed? ?out/i, says: 'nothing answered at all' },
};
const CONNECTED_WORDS = /\b(connected|open|reached|reachable|ok|up|accepted|success(ful)?|answered|answers|works|listening)\b/i;
const GAVE_UP_WORDS = /timed? ?out|timeout|gave up|giving up|no answer|ETIMEDOUT/i;

const target = (t: Target) => `${t.address}:${t.port}`;

/** Every attempt the program made towards the target, in order, with what became of it. */
export function outcomesFor(record: RunRecord, program: RunProgram, t: Target): Outcome[] {
  const outcomes: { at: number; outcome: Outcome }[] = [];
  const errors = record.errors.filter((e) => {
    const at = endpointOfError(e.message);
    return e.host === program.host && e.pid === program.pid && e.syscall === 'connect' && at?.ip === t.address && at.port === t.port;
  });
  const socketEvents = (socket: number) =>
    record.trace.filter((e): e is SocketStateEvent => e.kind === 'socket' && e.host === program.host && (e as SocketStateEvent).socket === socket);
  const connectors = record.streams.filter(
    (s) => s.role === 'connector' && s.host === program.host && s.owner?.pid === program.pid && s.remote?.ip === t.address && s.remote.port === t.port,
  );
  for (const stream of connectors) {
    const events = socketEvents(stream.socket);
    const started = events.find((e) => e.change === 'state' && e.to === 'SYN-SENT')?.at ?? events[0]?.at ?? 0;
    if (events.some((e) => e.change === 'state' && e.to === 'ESTABLISHED')) {
      outcomes.push({ at: started, outcome: { kind: 'connected' } });
      continue;
    }
    if (errors.some((e) => e.socket === stream.socket)) continue; // its error speaks for it, below
    const closed = events.find((e) => e.change === 'state' && e.from === 'SYN-SENT' && e.to === 'CLOSED');
    outcomes.push(
      closed
        ? { at: started, outcome: { kind: 'gave-up', afterMs: Math.round(closed.at - started) } }
        : { at: started, outcome: { kind: 'waiting', sinceMs: Math.round(record.endedAt - started) } },
    );
  }
  for (const error of errors) {
    const stream = connectors.find((s) => s.socket === error.socket);
    const started = stream ? (socketEvents(stream.socket).find((e) => e.change === 'state' && e.to === 'SYN-SENT')?.at ?? error.at) : error.at;
    outcomes.push({ at: started, outcome: { kind: 'error', code: error.code, message: error.message, afterMs: Math.round(error.at - started) } });
  }
  return outcomes.sort((a, b) => a.at - b.at).map((o) => o.outcome);
}

/** The outcome as a sentence ends it: "connected", "was refused (ECONNREFUSED: …)". */
export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'connected':
      return 'connected';
    case 'error': {
      const meaning = MEANINGS[outcome.code];
      return `failed with ${outcome.code}${meaning ? ` (${meaning.says})` : ''}`;
    }
    case 'gave-up':
      return `got no answer, and your program gave up after ${outcome.afterMs} ms`;
    case 'waiting':
      return `was still waiting for an answer when the run ended, ${outcome.sinceMs} ms later`;
  }
}

/** The line says the program gave up waiting (a timeout). */
export function saysItGaveUp(line: string): boolean {
  return GAVE_UP_WORDS.test(line);
}

/** Does the line say this outcome? */
function says(line: string, outcome: Outcome): boolean {
  switch (outcome.kind) {
    case 'connected':
      return CONNECTED_WORDS.test(line) && !saysAnError(line);
    case 'error':
      return line.includes(outcome.code) || (MEANINGS[outcome.code]?.words.test(line) ?? false);
    case 'gave-up':
      return GAVE_UP_WORDS.test(line);
    case 'waiting':
      return false;
  }
}

/** The line names a failure: an error's code or words, or giving up. */
function saysAnError(line: string): boolean {
  return /\bE[A-Z]{4,}\b/.test(line) || Object.values(MEANINGS).some((m) => m.words.test(line)) || GAVE_UP_WORDS.test(line) || /unreachable|fail|error|down/i.test(line);
}

/** Does the line say an outcome other than this one (a claim the record contradicts)? */
function contradicts(line: string, outcome: Outcome): boolean {
  if (outcome.kind === 'connected') return saysAnError(line);
  const codes = [...line.matchAll(/\bE[A-Z]{4,}\b/g)].map((m) => m[0]);
  const own = outcome.kind === 'error' ? outcome.code : 'ETIMEDOUT';
  // Another failure's code or words ("refused" where nobody answered ARP, "timed out" where the network was unreachable).
  if (codes.some((code) => code !== own && code in MEANINGS)) return true;
  if (Object.entries(MEANINGS).some(([code, m]) => code !== own && m.words.test(line)) && !says(line, outcome)) return true;
  return CONNECTED_WORDS.test(line) && !saysAnError(line);
}

/** The lines that name the target: its address or its host's name, and its port when another target shares them. */
export function linesNaming(record: RunRecord, lines: readonly string[], check: ReportsOutcomesCheck, t: Target): string[] {
  const name = hostOfAddress(record, t.address);
  const sharesAddress = check.targets.some((o) => o !== t && o.address === t.address);
  return lines.filter((line) => (hasAddress(line, t.address) || (name !== undefined && hasWord(line, name))) && (!sharesAddress || hasPort(line, t.port)));
}

/** A printed claim the record contradicts: the line, the target, and what really happened. */
export function contradiction(check: ReportsOutcomesCheck, record: RunRecord): { line: string; target: Target; outcome: Outcome } | undefined {
  const program = programOf(record, check.file);
  if (!program) return undefined;
  const lines = printedLines(record, check.file);
  for (const t of check.targets) {
    const outcome = outcomesFor(record, program, t).at(-1);
    if (!outcome || outcome.kind === 'waiting') continue;
    const line = linesNaming(record, lines, check, t).find((l) => contradicts(l, outcome) && !says(l, outcome));
    if (line) return { line, target: t, outcome };
  }
  return undefined;
}

/** How long the program waited on this attempt before it ended (or until the run ended). */
export function waitedMs(outcome: Outcome): number {
  return outcome.kind === 'waiting' ? outcome.sinceMs : outcome.kind === 'gave-up' || outcome.kind === 'error' ? outcome.afterMs : 0;
}

/** The first target the program waited on for longer than `giveUpWithinMs`, with what became of it. */
export function waitedTooLong(check: ReportsOutcomesCheck, record: RunRecord): { target: Target; outcome: Outcome } | undefined {
  const program = programOf(record, check.file);
  if (!program || check.giveUpWithinMs === undefined) return undefined;
  for (const t of check.targets) {
    const outcome = outcomesFor(record, program, t).at(-1);
    if (outcome && waitedMs(outcome) > check.giveUpWithinMs) return { target: t, outcome };
  }
  return undefined;
}

export function evaluateReportsOutcomes(check: ReportsOutcomesCheck, record: RunRecord): Verdict {
  const program = programOf(record, check.file);
  if (!program) return fail(`${check.file} did not run, so it tried nothing.`);
  const lines = printedLines(record, check.file);
  const named = (t: Target) => {
    const name = hostOfAddress(record, t.address);
    return name ? `${name}:${t.port} (${target(t)})` : target(t);
  };
  const untried = check.targets.filter((t) => outcomesFor(record, program, t).length === 0);
  if (untried.length > 0) return fail(`${check.file} never tried ${listInWords(untried.map(named))}: every end-point of the list must be tried.`);

  const reported: string[] = [];
  for (const t of check.targets) {
    const outcome = outcomesFor(record, program, t).at(-1)!;
    if (check.waitAtLeastMs !== undefined && outcome.kind === 'gave-up' && outcome.afterMs < check.waitAtLeastMs) {
      return fail(
        `${check.file} gave up on ${named(t)} after ${outcome.afterMs} ms, before the network could answer: finding out that nobody has an address takes about 3 s (three ARP requests). Wait at least ${check.waitAtLeastMs / 1000} s before giving up.`,
      );
    }
    if (check.giveUpWithinMs !== undefined) {
      const waited = waitedMs(outcome);
      if (waited > check.giveUpWithinMs) {
        return fail(
          `${check.file} waited ${Math.round(waited / 1000)} s for ${named(t)}, which ${describeOutcome(outcome)}: nothing answers there, and Linux gives up on a connection only after about two minutes. Give up sooner yourself: socket.setTimeout(${Math.min(check.giveUpWithinMs, 5000)}) and destroy the socket on 'timeout' (at most ${check.giveUpWithinMs / 1000} s).`,
        );
      }
    }
    const naming = linesNaming(record, lines, check, t);
    if (naming.length === 0) {
      return fail(`${named(t)} ${describeOutcome(outcome)}, but no line ${check.file} printed names it: print a line for each end-point, with what happened.`);
    }
    const wrong = naming.find((l) => contradicts(l, outcome) && !says(l, outcome));
    if (wrong) return fail(`${check.file} printed ${quoted(wrong)}, but its attempt at ${named(t)} ${describeOutcome(outcome)}.`);
    if (!naming.some((l) => says(l, outcome))) {
      const how = outcome.kind === 'error' ? `say why: print the error's code, ${outcome.code}` : outcome.kind === 'connected' ? "say so: print 'connected'" : "say so: print 'timed out'";
      return fail(`${check.file} printed ${quoted(naming[0]!)} for ${named(t)}, which ${describeOutcome(outcome)}: ${how}.`);
    }
    reported.push(`${named(t)} ${outcome.kind === 'error' ? outcome.code : outcome.kind === 'gave-up' ? 'timed out' : outcome.kind}`);
  }
  return pass(`${check.file} tried every end-point and said what happened to each: ${listInWords(reported)}.`);
}
