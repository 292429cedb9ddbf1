/**
 * Keeps what a run has shown so far (console, trace, sockets), so that a run stopped on its time budget is
 * still reported with everything it printed before it hung.
 */
import { PROTOCOL_VERSION, type ConsoleLine, type RunnerEvent, type RunRecord } from '../../lib/runner/protocol';
import type { HostView, SocketRow, TraceEvent } from '../../lib/netsim/types';

/**
 * What a learner reads when the page had to stop the runner: it stopped answering for the whole time budget.
 * An endless loop is the usual cause; a call that blocks the thread, or a program that crashed the runner
 * itself, look the same from the page, so the sentence names them too.
 */
export const TIMED_OUT_MESSAGE =
  'Your program stopped answering for the whole time budget — most often an endless loop (a while or for that never ends), sometimes a call that blocks or shuts down the runner.';

type RunEvent = Extract<RunnerEvent, { runId: number }>;

export class RunCollector {
  private readonly consoleLines: ConsoleLine[] = [];
  private readonly traceEvents: TraceEvent[] = [];
  private socketRows: SocketRow[] = [];
  private hostViews: HostView[] = [];
  private lastAt = 0;
  private readonly startedAt = performance.now();

  constructor(readonly exerciseId: string) {}

  add(event: RunEvent): void {
    switch (event.type) {
      case 'network':
        this.hostViews = event.hosts;
        break;
      case 'console':
        this.consoleLines.push(event.line);
        this.lastAt = Math.max(this.lastAt, event.line.at);
        break;
      case 'console-capped':
        break;
      case 'trace':
        this.traceEvents.push(...event.events);
        for (const traced of event.events) this.lastAt = Math.max(this.lastAt, traced.at);
        break;
      case 'sockets':
        this.socketRows = event.rows;
        this.lastAt = Math.max(this.lastAt, event.at);
        break;
      case 'done':
      case 'warmed':
        break;
      default: {
        const unexpected: never = event;
        void unexpected;
      }
    }
  }

  /** The record of a run the page had to stop. */
  timedOut(): RunRecord {
    return {
      version: PROTOCOL_VERSION,
      exerciseId: this.exerciseId,
      outcome: 'timed-out',
      console: this.consoleLines,
      trace: this.traceEvents,
      sockets: this.socketRows,
      streams: [],
      errors: [],
      hosts: this.hostViews,
      endedAt: this.lastAt,
      wallMs: Math.round(performance.now() - this.startedAt),
      error: { message: TIMED_OUT_MESSAGE, name: 'TimeoutError' },
    };
  }
}
