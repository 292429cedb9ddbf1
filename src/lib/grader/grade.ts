/**
 * `grade(record, checks)`: pure, on the page, outside the worker. The record is the one the worker built
 * from netsim's observations; learner code cannot reach this function.
 */
import type { Check, CheckResult } from './checks';
import type { RunRecord } from '../runner/protocol';
import { evaluateBytesDelivered } from './kinds/bytes';
import { evaluateConnection, evaluateDistinctPairs, evaluateEphemeralClientPort } from './kinds/connections';
import { evaluateListening } from './kinds/listening';
import { evaluateConsoleIncludes, evaluateErrorHandled, evaluateRanWithoutError } from './kinds/program';
import type { Verdict } from './kinds/verdict';
import { detectMisconception, subjectOf } from './misconceptions';

export function grade(record: RunRecord, checks: readonly Check[]): CheckResult[] {
  return checks.map((check) => gradeOne(record, check));
}

export function gradeOne(record: RunRecord, check: Check): CheckResult {
  const base = { id: check.id, title: check.title };
  if (record.outcome === 'did-not-compile' && check.kind !== 'ran-without-error') {
    return { ...base, passed: false, message: 'Not checked: your program did not compile.', ...(check.hint ? { hint: check.hint } : {}) };
  }
  const verdict = evaluate(check, record);
  if (verdict.passed) return { ...base, passed: true, message: verdict.message };
  const result: CheckResult = { ...base, passed: false, message: verdict.message };
  if (check.hint) result.hint = check.hint;
  const subject = subjectOf(check);
  for (const detector of check.misconceptions ?? []) {
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
    case 'ran-without-error':
      return evaluateRanWithoutError(check, record);
    default: {
      const never: never = check;
      throw new Error(`unknown check kind ${JSON.stringify(never)}`);
    }
  }
}
