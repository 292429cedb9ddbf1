import type { ConsoleIncludesCheck, ErrorHandledCheck, RanWithoutErrorCheck } from '../checks';
import type { RunRecord } from '../../runner/protocol';
import { listInWords } from '../record-queries';
import { fail, pass, type Verdict } from './verdict';
import { capitalise, endSentence, errorListenerFor, withArticle } from '../words';

/** An error with this code reached a program on the host, and the program listened for `'error'`. */
export function evaluateErrorHandled(check: ErrorHandledCheck, record: RunRecord): Verdict {
  const raised = record.errors.filter((e) => e.host === check.host && e.code === check.code);
  const handled = raised.find((e) => e.handled);
  if (handled) {
    return pass(`The ${check.code} error on ${check.host} reached an 'error' listener (${handled.syscall}: ${handled.message}).`);
  }
  if (raised.length > 0) {
    return fail(
      `${capitalise(withArticle(check.code))} error reached your program on ${check.host} with no 'error' listener: in Node that crashes the program. Add ${errorListenerFor(raised[0]!)}.`,
    );
  }
  const others = record.errors.filter((e) => e.host === check.host).map((e) => e.code);
  return fail(
    `No ${check.code} error reached a program on ${check.host}` +
      (others.length > 0 ? ` (it saw ${listInWords([...new Set(others)])} instead).` : ', so there is no proof the program handles it.'),
  );
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
      return fail(`Your program threw${where}: ${endSentence(record.error?.message ?? 'an error')}`);
    case 'timed-out':
      return fail(`Your program was still running when the time budget ran out: look for an endless loop.`);
    case 'finished': {
      const unhandled = record.errors.filter((e) => !e.handled);
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
