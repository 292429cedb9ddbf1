/**
 * `runExercise`: one run of an exercise's programs on a fresh network, streaming live events and
 * returning the RunRecord the grader reads. Programs start in the order the exercise lists them, each
 * followed by running the network until idle, so servers listen before clients connect. The network stays
 * alive afterwards (servers keep listening) for the terminal.
 */
import type { Network, NetProcess, RunStop } from '../netsim/api';
import { createNetwork as createNetsim } from '../netsim/index';
import type { TopologySpec, TraceEvent } from '../netsim/types';
import { ConsoleLog } from './console-log';
import { describeThrown, evaluateGlobally, startProgram, type ProgramStart } from './program';
import { PROTOCOL_VERSION, type ConsoleLine, type ProgramSource, type RunError, type RunRecord, type RunRequest, type RunnerEvent } from './protocol';
import { watchUnhandledRejections } from './rejections';
import { locateInPrograms } from './stack';
import { transpile, type CompileError, type CompiledProgram } from './transpile';

export interface RunOptions {
  /** Makes the network; tests may pass one with other options. */
  createNetwork?: (topology: TopologySpec) => Network;
  /** Evaluates a compiled program's script (indirect eval by default). */
  evaluate?: (script: string) => unknown;
  /** Most network events one run may deliver (a guard against programs that never go idle). */
  maxEvents?: number;
  consoleLimits?: { lines: number; bytes: number };
}

export interface RunResult {
  record: RunRecord;
  network: Network;
}

const DEFAULT_MAX_EVENTS = 2_000_000;
/** Virtual time a program gets to settle (listen, bind) before the next program starts. */
export const START_SETTLE_MS = 1000;

export async function runExercise(request: RunRequest, emit: (event: RunnerEvent) => void, options: RunOptions = {}): Promise<RunResult> {
  const startedAt = now();
  if (request.version !== PROTOCOL_VERSION) throw new Error(`run request version ${String(request.version)}; this runner speaks ${PROTOCOL_VERSION}`);
  const network = (options.createNetwork ?? createNetsim)(request.topology);
  const consoleLog = new ConsoleLog(options.consoleLimits);
  emit({ type: 'network', runId: request.runId, hosts: network.hosts() });

  const compiled: CompiledProgram[] = [];
  const starts: ProgramStart[] = [];
  for (const program of request.programs) {
    const result = transpile(program.file, program.source);
    const failure = result.ok ? evaluationError(result.program, options.evaluate ?? evaluateGlobally, starts) : result.error;
    if (failure) {
      const { file, line, column, message } = failure;
      return { network, record: buildRecord(request, network, consoleLog, 'did-not-compile', startedAt, { message, name: 'SyntaxError', file, line, column }, 'idle') };
    }
    if (result.ok) compiled.push(result.program);
  }

  const live = streamLiveEvents(network, request.runId, emit);
  let firstError: RunError | undefined;
  let learnerThrew = false;
  const crash = (program: ProgramSource, process: NetProcess | undefined) => (thrown: unknown) => {
    const described = describeThrown(thrown);
    const where = locateInPrograms(described.stack, compiled);
    const error: RunError = { message: described.message, ...(described.name ? { name: described.name } : {}), ...(where ?? { file: program.file }) };
    printTo(consoleLog, emit, request.runId, network, { stream: 'error', text: uncaughtText(error), file: error.file ?? program.file });
    firstError ??= error;
    if (program.role === 'learner') learnerThrew = true;
    // As in Node, an uncaught error ends the process: the kernel closes its sockets.
    process?.exit();
  };
  const started: { program: ProgramSource; process: NetProcess }[] = [];
  // A rejection nobody handled is blamed on the program its stack points to (else the last one started).
  let current: { program: ProgramSource; process: NetProcess } | undefined;
  const stopWatching = watchUnhandledRejections((reason) => {
    const where = locateInPrograms(describeThrown(reason).stack, compiled);
    const owner = started.find((s) => s.program.file === where?.file) ?? current;
    if (owner) crash(owner.program, owner.process)(reason);
  });

  const limits = { untilVirtualMs: request.virtualTimeLimitMs, maxEvents: options.maxEvents ?? DEFAULT_MAX_EVENTS };
  let stop: RunStop = 'idle';
  try {
    for (const [index, program] of request.programs.entries()) {
      const process = network.spawn(program.host, program.processName);
      current = { program, process };
      started.push(current);
      process.onUncaughtException(crash(program, process));
      const sink = {
        print: (stream: 'log' | 'error', text: string) => printTo(consoleLog, emit, request.runId, network, { stream, text, file: program.file }),
        crash: crash(program, process),
      };
      void startProgram(program.file, starts[index]!, process, sink);
      const last = index === request.programs.length - 1;
      // Before the next program starts, this one settles (a server is listening); kernel timers such as
      // TIME-WAIT's 60 s are not waited for. The last program runs to the end.
      const until = last ? request.virtualTimeLimitMs : Math.min(request.virtualTimeLimitMs, network.now + START_SETTLE_MS);
      stop = await network.run({ ...limits, untilVirtualMs: until });
      if (stop === 'event-limit' || network.now >= request.virtualTimeLimitMs) break;
    }
    await yieldToHost(); // let the host report rejections of the last promises
  } finally {
    stopWatching();
    live.flush();
    live.stop();
  }
  if (consoleLog.dropped > 0) emit({ type: 'console-capped', runId: request.runId, dropped: consoleLog.dropped });
  const outcome = learnerThrew ? 'threw' : 'finished';
  return { network, record: buildRecord(request, network, consoleLog, outcome, startedAt, learnerThrew ? firstError : undefined, stop) };
}

/** Evaluates a compiled program into `starts`; an engine-level syntax error sucrase let through is a compile error. */
function evaluationError(program: CompiledProgram, evaluate: (script: string) => unknown, starts: ProgramStart[]): CompileError | undefined {
  try {
    starts.push(evaluate(program.script) as ProgramStart);
    return undefined;
  } catch (error) {
    return { file: program.file, line: 1, column: 1, message: error instanceof Error ? error.message : String(error) };
  }
}

function buildRecord(
  request: RunRequest,
  network: Network,
  consoleLog: ConsoleLog,
  outcome: RunRecord['outcome'],
  startedAt: number,
  error: RunError | undefined,
  stop: RunStop,
): RunRecord {
  return {
    version: PROTOCOL_VERSION,
    exerciseId: request.exerciseId,
    outcome,
    console: consoleLog.lines.slice(),
    consoleDropped: consoleLog.dropped,
    trace: network.trace().slice(),
    sockets: network.sockets(),
    streams: network.streams(),
    errors: network.errors(),
    hosts: network.hosts(),
    endedAt: network.now,
    stoppedBy: stop,
    wallMs: Math.round(now() - startedAt),
    ...(error ? { error } : {}),
  };
}

function printTo(log: ConsoleLog, emit: (event: RunnerEvent) => void, runId: number, network: Network, line: Omit<ConsoleLine, 'at'>): void {
  const kept = log.add({ ...line, at: network.now });
  if (kept) emit({ type: 'console', runId, line: kept });
}

function uncaughtText(error: RunError): string {
  const where = error.file && error.line ? `${error.file}:${error.line}:${error.column ?? 1}\n` : '';
  return `${where}Uncaught ${error.name && !error.message.startsWith('Uncaught') ? `${error.name}: ` : ''}${error.message.replace(/^Uncaught /, '')}`;
}

/**
 * Trace events go out in batches, one per virtual instant; a batch that changed a socket is followed by
 * the socket table.
 */
function streamLiveEvents(network: Network, runId: number, emit: (event: RunnerEvent) => void) {
  let batch: TraceEvent[] = [];
  let socketsChanged = false;
  const flush = () => {
    if (batch.length === 0) return;
    const at = batch[batch.length - 1]!.at;
    emit({ type: 'trace', runId, events: batch });
    batch = [];
    if (socketsChanged) emit({ type: 'sockets', runId, rows: network.sockets(), at });
    socketsChanged = false;
  };
  const stop = network.subscribe((event) => {
    if (batch.length > 0 && batch[0]!.at !== event.at) flush();
    batch.push(event);
    if (event.kind === 'socket') socketsChanged = true;
  });
  return { flush, stop };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function yieldToHost(): Promise<void> {
  const global = globalThis as unknown as { setImmediate?: (fn: () => void) => void };
  if (typeof global.setImmediate === 'function') return new Promise((resolve) => global.setImmediate!(resolve));
  return new Promise((resolve) => setTimeout(resolve, 0));
}
