/**
 * Shape checks for what arrives from the sandbox: the page trusts nothing that crosses the boundary until it
 * has the shape protocol.ts promises.
 */
import { PROTOCOL_VERSION, type RunnerEvent, type RunRecord } from '../../lib/runner/protocol';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const OUTCOMES: readonly RunRecord['outcome'][] = ['finished', 'threw', 'timed-out', 'did-not-compile', 'limit'];

export function isRunRecord(value: unknown): value is RunRecord {
  return (
    isObject(value) &&
    value.version === PROTOCOL_VERSION &&
    typeof value.exerciseId === 'string' &&
    OUTCOMES.includes(value.outcome as RunRecord['outcome']) &&
    Array.isArray(value.console) &&
    Array.isArray(value.trace) &&
    Array.isArray(value.sockets) &&
    Array.isArray(value.streams) &&
    Array.isArray(value.errors) &&
    Array.isArray(value.hosts)
  );
}

export function isRunnerEvent(value: unknown): value is RunnerEvent {
  if (!isObject(value) || typeof value.type !== 'string') return false;
  const event = value as { type: RunnerEvent['type'] } & Record<string, unknown>;
  const hasRunId = typeof event.runId === 'number';
  switch (event.type) {
    case 'ready':
      return event.version === PROTOCOL_VERSION;
    case 'network':
      return hasRunId && Array.isArray(event.hosts);
    case 'console':
      return hasRunId && isObject(event.line) && typeof event.line.text === 'string';
    case 'console-capped':
      return hasRunId && typeof event.dropped === 'number';
    case 'trace':
      return hasRunId && Array.isArray(event.events);
    case 'sockets':
      return hasRunId && Array.isArray(event.rows);
    case 'done':
      return hasRunId && isRunRecord(event.record);
    case 'warmed':
      return hasRunId;
    case 'shell-output':
      return typeof event.data === 'string';
    case 'network-reset':
      return true;
    default: {
      const unknownType: never = event.type;
      void unknownType;
      return false;
    }
  }
}
