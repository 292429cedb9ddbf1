import type { ConsoleIncludesCheck, ErrorHandledCheck, RanWithoutErrorCheck } from '../checks';
import type { RunProgram, RunRecord } from '../../runner/protocol';
import { firstClose, formatEndpoint, listInWords } from '../record-queries';
import { fail, pass, type Verdict } from './verdict';
import { crashFact, fateOf, learnerErrors, learnerOn } from '../facts';
import { capitalise, endSentence, errorListenerFor, withArticle } from '../words';

/** An error with this code reached a program on the host, and the program went on (it did not die of it). */
export function evaluateErrorHandled(check: ErrorHandledCheck, record: RunRecord): Verdict {
  const raised = record.errors.filter((e) => e.host === check.host && e.code === check.code);
  const handled = raised.find((e) => e.handled);
  const program = learnerOn(record, check.host);
  const crashed = program !== undefined && fateOf(record, program) === 'crashed';
  if (handled && crashed) {
    return fail(
      `The ${check.code} error on ${check.host} reached your program, but the program crashed afterwards (${record.error?.message ?? 'an error nobody caught'}): handling an error means the program goes on.`,
    );
  }
  if (handled) {
    return pass(`The ${check.code} error on ${check.host} reached your program and it went on (${handled.syscall}: ${handled.message}).`);
  }
  if (raised.length > 0) {
    return fail(
      `${capitalise(withArticle(check.code))} error reached your program on ${check.host} and the program died of it: in Node an 'error' event nobody listens for, or a listener that throws it again, crashes the program. Listen for it (${errorListenerFor(raised[0]!).replace('…', '(err) => …')}) and go on.`,
    );
  }
  const others = record.errors.filter((e) => e.host === check.host).map((e) => e.code);
  if (others.length > 0) return fail(`No ${check.code} error reached a program on ${check.host} (it saw ${listInWords([...new Set(others)])} instead).`);
  const leftFirst = program ? leftBeforeThePeer(record, program) : undefined;
  if (program && leftFirst) {
    return fail(
      `No ${check.code} error reached ${program.file}: ${leftFirst}, before the other side hung up, so it never met the error it must handle. ` +
        `Keep the connection open until the other side closes it, and listen for 'error' meanwhile.`,
    );
  }
  return fail(`No ${check.code} error reached a program on ${check.host}, so there is no proof the program handles it.`);
}

const ms = (at: number) => `${Math.round(at)} ms`;

/**
 * How the learner's program left before the other side hung up, from the record: it closed a connection
 * first (its FIN or reset came before the peer's) and/or it ended (exit, or nothing left to do). Undefined
 * when the other side closed first, or the program did neither.
 */
function leftBeforeThePeer(record: RunRecord, program: RunProgram): string | undefined {
  const fate = (record.fates ?? []).find((f) => f.host === program.host && f.pid === program.pid);
  const closing = record.streams
    .filter((s) => s.role === 'connector' && s.host === program.host && s.owner?.pid === program.pid && s.remote !== null)
    .flatMap((s) => {
      const close = firstClose(record, s);
      return close ? [{ ...close, peer: s.remote! }] : [];
    })
    .sort((a, b) => a.at - b.at)[0];
  if (closing?.by === 'remote') return undefined;
  const parts: string[] = [];
  if (closing && !(fate && fate.at < closing.at)) {
    parts.push(`it closed its connection to ${formatEndpoint(closing.peer)} itself at ${ms(closing.at)}${closing.reset ? ' with a reset' : ''}`);
  }
  if (fate) parts.push(`${parts.length > 0 ? '' : 'it '}ended at ${ms(fate.at)}`);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

/** A program printed a line containing the text. */
export function evaluateConsoleIncludes(check: ConsoleIncludesCheck, record: RunRecord): Verdict {
  const lines = record.console.filter(
    (l) => (check.file === undefined || l.file === check.file) && (check.stream === undefined || l.stream === check.stream),
  );
  const source = check.file ?? 'your program';
  const line = lines.find((l) => l.text.includes(check.text));
  if (line) return pass(`${source} printed ${JSON.stringify(line.text)}.`);
  if (lines.length === 0) return fail(`${source} printed nothing; it should print ${JSON.stringify(check.text)}.`);
  return fail(
    `${source} printed ${lines.length} line${lines.length === 1 ? '' : 's'}, none with ${JSON.stringify(check.text)} (last: ${JSON.stringify(lines[lines.length - 1]!.text)}).`,
  );
}

/** The run compiled, finished, and no error went unhandled. */
export function evaluateRanWithoutError(_check: RanWithoutErrorCheck, record: RunRecord): Verdict {
  const where = record.error?.file && record.error.line ? ` (${record.error.file}:${record.error.line})` : '';
  switch (record.outcome) {
    case 'did-not-compile':
      return fail(`Your program did not compile${where}: ${endSentence(record.error?.message ?? 'syntax error')}`);
    case 'threw':
      return fail(crashFact(record) ?? `Your program threw${where}: ${endSentence(record.error?.message ?? 'an error')}`);
    case 'timed-out':
      return fail(`Your program was still running when the time budget ran out: look for an endless loop.`);
    case 'limit':
      return fail(record.error?.message ?? 'Your program went past a limit of the run.');
    case 'finished': {
      const unhandled = learnerErrors(record).filter((e) => !e.handled);
      if (unhandled.length > 0) {
        return fail(`An error went unhandled: ${unhandled[0]!.code} on ${unhandled[0]!.host} (${unhandled[0]!.message}).`);
      }
      return pass('Your program ran without an error.');
    }
    default: {
      const never: never = record.outcome;
      return fail(`Unknown outcome ${String(never)}.`);
    }
  }
}
