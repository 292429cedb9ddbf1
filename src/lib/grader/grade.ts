/**
 * `grade(record, checks)`: pure, on the page, outside the worker. The record is the one the worker built
 * from netsim's observations; learner code cannot reach this function.
 */
import type { Check, CheckResult, MisconceptionKind } from './checks';
import type { RunRecord } from '../runner/protocol';
import { evaluateBytesDelivered } from './kinds/bytes';
import { evaluateEcho, evaluatePrintsReceived, evaluateReply, evaluateRequest } from './kinds/exchange';
import { crashFact, runStopper } from './facts';
import { evaluateConnection, evaluateDistinctPairs, evaluateEphemeralClientPort } from './kinds/connections';
import { evaluateNamesEndpoints } from './kinds/endpoints';
import { evaluateHttpReply } from './kinds/http';
import { evaluateListening } from './kinds/listening';
import { evaluatePrintsHostname, evaluateReportsInterfaces } from './kinds/interfaces';
import { evaluateRefused } from './kinds/refused';
import { evaluateReportsOutcomes } from './kinds/outcomes';
import { evaluateSocketPair } from './kinds/pair';
import { evaluateConsoleIncludes, evaluateErrorHandled, evaluateRanWithoutError } from './kinds/program';
import type { Verdict } from './kinds/verdict';
import { detectMisconception, subjectOf } from './misconceptions';

/** The result a run that crashed always carries, so a crash never reads as "all checks passed". */
export const CRASH_RESULT_ID = 'ran-to-the-end';

/** Misconceptions that are about a crash: they still explain a failure when the program crashed. */
const EXPLAINS_A_CRASH: ReadonlySet<MisconceptionKind> = new Set<MisconceptionKind>(['unhandled-error', 'privileged-port']);

export function grade(record: RunRecord, checks: readonly Check[]): CheckResult[] {
  return withCrashResult(record, checks.map((check) => gradeOne(record, check)));
}

/**
 * How long grading holds the page before it lets it draw (ms). Profiled at 4× CPU slowdown (the profiler adds
 * to it), a check took 1–14 ms and the checks of one run 35–45 ms, in the task that had also received the run.
 */
export const GRADING_SLICE_MS = 8;

/**
 * `grade`, the same results, a check at a time: once a slice has taken `sliceMs`, it awaits `pause` (the page
 * draws, a click is answered) before the next check.
 */
export async function gradeInSlices(
  record: RunRecord,
  checks: readonly Check[],
  pause: () => Promise<void>,
  sliceMs = GRADING_SLICE_MS,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  let sliceStarted = performance.now();
  for (const check of checks) {
    if (results.length > 0 && performance.now() - sliceStarted >= sliceMs) {
      await pause();
      sliceStarted = performance.now();
    }
    results.push(gradeOne(record, check));
  }
  return withCrashResult(record, results);
}

function withCrashResult(record: RunRecord, results: CheckResult[]): CheckResult[] {
  const crash = crashFact(record);
  if (crash && !results.some((r) => r.id === CRASH_RESULT_ID || (!r.passed && r.message.startsWith(crash)))) {
    // A crash with no check of its own: it still fails the run, first in the list.
    results.unshift({ id: CRASH_RESULT_ID, title: 'Your program ran without crashing', passed: false, message: crash });
  }
  return results;
}

export function gradeOne(record: RunRecord, check: Check): CheckResult {
  const base = { id: check.id, title: check.title };
  const stopper = runStopper(record);
  if (stopper && check.kind !== 'ran-without-error') {
    return { ...base, passed: false, message: stopper, ...(check.hint ? { hint: check.hint } : {}) };
  }
  const verdict = evaluate(check, record);
  if (verdict.passed) return { ...base, passed: true, message: verdict.message };
  // A failure explained by a crash says the crash first: it is what the learner must fix.
  const crash = crashFact(record);
  const message = crash && check.kind !== 'ran-without-error' && check.kind !== 'error-handled' ? `${crash} So: ${lowerFirst(verdict.message)}` : verdict.message;
  const result: CheckResult = { ...base, passed: false, message };
  if (check.hint) result.hint = check.hint;
  const subject = subjectOf(check);
  // A misconception is a guess about the code; a crash is a fact, and explains the failure first. Only a
  // detector whose premise is the crash itself (an error the program died of) may still speak.
  const detectors = (check.misconceptions ?? []).filter((d) => !crash || EXPLAINS_A_CRASH.has(d.kind));
  for (const detector of detectors) {
    const targeted = detectMisconception(detector.kind, subject, record);
    if (targeted !== undefined) {
      result.message = detector.message ?? targeted;
      result.misconception = detector.kind;
      break;
    }
  }
  return result;
}

function evaluate(check: Check, record: RunRecord): Verdict {
  switch (check.kind) {
    case 'echo':
      return evaluateEcho(check, record);
    case 'reply':
      return evaluateReply(check, record);
    case 'http-reply':
      return evaluateHttpReply(check, record);
    case 'names-endpoints':
      return evaluateNamesEndpoints(check, record);
    case 'socket-pair':
      return evaluateSocketPair(check, record);
    case 'request':
      return evaluateRequest(check, record);
    case 'prints-received':
      return evaluatePrintsReceived(check, record);
    case 'listening':
      return evaluateListening(check, record);
    case 'connection':
      return evaluateConnection(check, record);
    case 'distinct-pairs':
      return evaluateDistinctPairs(check, record);
    case 'ephemeral-client-port':
      return evaluateEphemeralClientPort(check, record);
    case 'bytes-delivered':
      return evaluateBytesDelivered(check, record);
    case 'error-handled':
      return evaluateErrorHandled(check, record);
    case 'console-includes':
      return evaluateConsoleIncludes(check, record);
    case 'reports-interfaces':
      return evaluateReportsInterfaces(check, record);
    case 'prints-hostname':
      return evaluatePrintsHostname(check, record);
    case 'refused':
      return evaluateRefused(check, record);
    case 'reports-outcomes':
      return evaluateReportsOutcomes(check, record);
    case 'ran-without-error':
      return evaluateRanWithoutError(check, record);
    default: {
      const never: never = check;
      throw new Error(`unknown check kind ${JSON.stringify(never)}`);
    }
  }
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]!.toLowerCase() + text.slice(1) : text;
}
