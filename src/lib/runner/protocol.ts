/**
 * The runner protocol: the plain, versioned messages that cross from the page to the sandboxed worker and
 * back, and the RunRecord that the grader reads. Nothing here holds a function or a class instance, so every
 * message survives `postMessage` (structured clone) unchanged.
 */
import type {
  HostView,
  ProcessFate,
  RunAs,
  SocketErrorRecord,
  SocketRow,
  StreamRecord,
  TopologySpec,
  TraceEvent,
} from '../netsim/types';

export const PROTOCOL_VERSION = 1;

/** One program of an exercise, placed on a host as in real life: `server.ts` runs on `web`. */
export interface ProgramSource {
  /** File name shown on the editor tab, e.g. `server.ts`. */
  file: string;
  /** Host the program runs on, e.g. `web`. */
  host: string;
  /** Process name in the socket table (`ss -p`), e.g. `node`. */
  processName: string;
  /**
   * Who it runs as on its host: `root` (a service the administrator started) may listen on any port; a
   * `user` program below 1024 gets `listen EACCES: permission denied`, as on Linux.
   */
  runAs: RunAs;
  /** TypeScript source. */
  source: string;
  /** Learner code is sandboxed and graded; the driver is the exercise's trusted code playing the other side. */
  role: 'learner' | 'driver';
}

/** Everything the worker needs for one run. */
export interface RunRequest {
  type: 'run';
  version: typeof PROTOCOL_VERSION;
  runId: number;
  exerciseId: string;
  topology: TopologySpec;
  programs: ProgramSource[];
  /** Wall-clock budget in milliseconds; past it the worker is terminated (default 5000). */
  timeBudgetMs: number;
  /** Virtual time after which the run is ended even if the network is still busy (default 60 000). */
  virtualTimeLimitMs: number;
  /** Host the terminal's prompt opens on after the run (default: the host of the last program). */
  terminalHost?: string;
  /**
   * A run that only warms the realm (the page's reference solution, before the learner's runs): the worker
   * sends none of its events, only `warmed` when it ends, and keeps nothing of it for the terminal.
   */
  warmUp?: boolean;
}

/** A line the learner's program printed. `at` is virtual time in milliseconds. */
export interface ConsoleLine {
  stream: 'log' | 'error';
  text: string;
  at: number;
  /** File of the program that printed it. */
  file: string;
}

export interface RunError {
  message: string;
  /** The error's name or Node code, e.g. `TypeError`, `ECONNREFUSED`. */
  name?: string;
  /** Position in the learner's TypeScript file, 1-based. */
  file?: string;
  line?: number;
  column?: number;
}

/** One program of the run as it ran: its file, where, as which process, and whose it is. */
export interface RunProgram {
  file: string;
  host: string;
  pid: number;
  role: ProgramSource['role'];
}

/** What one run did, in full: the only thing the grader sees. */
export interface RunRecord {
  version: typeof PROTOCOL_VERSION;
  exerciseId: string;
  /** `limit`: a program went past a run limit (sockets, timers, bytes queued); `error.message` says which. */
  outcome: 'finished' | 'threw' | 'timed-out' | 'did-not-compile' | 'limit';
  console: ConsoleLine[];
  /** Every segment, datagram and socket lifecycle event, in virtual time. */
  trace: TraceEvent[];
  /** The socket table when the run ended. */
  sockets: SocketRow[];
  /** What every socket carried in its life, closed ones included. */
  streams: StreamRecord[];
  /** Errors netsim gave programs, and whether each was handled (the process did not die of it). */
  errors: SocketErrorRecord[];
  /** How processes ended (exit or crash), as netsim saw it; a process still running has no entry. */
  fates?: ProcessFate[];
  hosts: HostView[];
  /** Which process ran which program: the grader tells the learner's programs from the exercise's own. */
  programs?: RunProgram[];
  /** The seed of the network this run had (its schedule, and the text its drivers send). */
  seed?: number;
  /** Virtual time at the end of the run, in milliseconds. */
  endedAt: number;
  /** Console lines dropped by the cap (1000 lines / 200 KB); 0 when everything was kept. */
  consoleDropped?: number;
  /** Why the network stopped: it went idle, or it reached the virtual time limit, the event limit or a run limit. */
  stoppedBy?: 'idle' | 'time-limit' | 'event-limit' | 'limit';
  /** Trace events left out because the trace reached its limit (the run went on without recording them). */
  traceDropped?: number;
  /** Wall-clock duration of the run in milliseconds (information only, never graded). */
  wallMs: number;
  error?: RunError;
}

/** Worker → page messages while a run goes on and when it ends. */
export type RunnerEvent =
  | { type: 'ready'; version: typeof PROTOCOL_VERSION }
  /** Sent when a run starts: the hosts and their NICs, for the diagram. */
  | { type: 'network'; runId: number; hosts: HostView[] }
  | { type: 'console'; runId: number; line: ConsoleLine }
  /** Console output was cut to protect the page; the note says how much was dropped. */
  | { type: 'console-capped'; runId: number; dropped: number }
  | { type: 'trace'; runId: number; events: TraceEvent[] }
  | { type: 'sockets'; runId: number; rows: SocketRow[]; at: number }
  | { type: 'done'; runId: number; record: RunRecord }
  /** A warm-up run (RunRequest.warmUp) ended. */
  | { type: 'warmed'; runId: number }
  /** Terminal output from the shell attached to the live network after a run. */
  | { type: 'shell-output'; data: string }
  /** The live network was taken down (the learner reset the exercise): nothing runs until the next run. */
  | { type: 'network-reset' };

/** Page → worker messages besides `run`: the terminal talks to the network the last run left behind. */
export type RunnerCommand =
  | RunRequest
  /**
   * Opens the terminal on the network the last run left up. Sent by the page once a grading is over (its
   * last run is the one shown: the first that failed, else the last seed), never by the runs themselves.
   * `runNumber`: the learner's how-manyth run on this page, for the greeting (a realm sees only its own).
   */
  | { type: 'terminal'; runNumber: number }
  | { type: 'shell-input'; data: string }
  /** Takes down the network the last run left up (its servers stop listening), as a reset should. */
  | { type: 'reset' }
  | { type: 'shell-resize'; cols: number; rows: number }
  /**
   * Compiles the learner's draft ahead of its run, in the realm the next run takes (sent at a pause in
   * typing): the run then finds it compiled. It only turns the text into a function; nothing of it runs.
   */
  | { type: 'compile'; programs: DraftProgram[] };

/** A learner's program as the editor holds it, compiled ahead of a run (`compile`). */
export interface DraftProgram {
  file: string;
  source: string;
}

/**
 * How a page-side view (editor, terminal, diagram, trace) talks to the runner, whatever carries the
 * messages (sandboxed iframe + worker in the browser, a direct call in tests).
 */
export interface RunnerLink {
  send(command: RunnerCommand): void;
  /** Returns a function that stops the subscription. */
  subscribe(listener: (event: RunnerEvent) => void): () => void;
}
