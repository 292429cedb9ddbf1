/**
 * `runExercise`: one run of an exercise's programs on a fresh network, streaming live events and
 * returning the RunRecord the grader reads. Programs start in the order the exercise lists them, each
 * given a moment of virtual time to settle, so servers listen before clients connect. The network stays
 * alive afterwards (servers keep listening) for the terminal.
 */
import type { Network, RunStop } from '../netsim/api';
import { createNetwork as createNetsim, limitSentence } from '../netsim/index';
import type { TopologySpec, TraceEvent } from '../netsim/types';
import type { CompileCache, CompiledEntry } from './compile-cache';
import { ConsoleLog } from './console-log';
import { Crashes } from './crashes';
import { evaluateGlobally, startProgram, type ProgramStart } from './program';
import { PROTOCOL_VERSION, type ConsoleLine, type DraftProgram, type ProgramSource, type RunError, type RunProgram, type RunRecord, type RunRequest, type RunnerEvent } from './protocol';
import { watchUnhandledRejections } from './rejections';
import { transpile, type CompileError, type CompiledProgram } from './transpile';

export interface RunOptions {
  /** Makes the network; tests may pass one with other options. */
  createNetwork?: (topology: TopologySpec) => Network;
  /** Evaluates a compiled program's script (default: importScripts(blob:) in a worker, indirect eval elsewhere). */
  evaluate?: (script: string) => unknown;
  /** Most network events one run may deliver (a guard against programs that never go idle). */
  maxEvents?: number;
  consoleLimits?: { lines: number; bytes: number };
  /** Programs compiled by earlier runs in this realm (the worker keeps one; without it, every run compiles). */
  compileCache?: CompileCache;
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
  const ran: RunProgram[] = [];
  const record = (outcome: RunRecord['outcome'], stop: RunStop, error?: RunError) =>
    buildRecord(request, network, consoleLog, ran, outcome, startedAt, stop, error);
  emit({ type: 'network', runId: request.runId, hosts: network.hosts() });

  // Every program is compiled and evaluated before any runs, so no program can tamper with another's.
  const compiled = compileAll(request.programs, options.evaluate ?? evaluateGlobally, options.compileCache);
  if (!compiled.ok) return { network, record: record('did-not-compile', 'idle', compiled.error) };

  const roles = new Map(request.programs.map((p) => [p.file, p.role]));
  const print = (line: Omit<ConsoleLine, 'at'>, kind: 'output' | 'crash' = 'output') => {
    const kept = consoleLog.add({ ...line, at: network.now }, kind === 'crash' ? 'crash' : roles.get(line.file) === 'driver' ? 'driver' : 'learner');
    if (kept) emit({ type: 'console', runId: request.runId, line: kept });
  };
  const crashes = new Crashes(compiled.programs, print);
  const live = streamLiveEvents(network, request.runId, emit);
  const stopWatching = watchUnhandledRejections((reason) => crashes.rejection(reason));
  let stop: RunStop = 'idle';
  try {
    stop = await startInOrder(request, network, compiled.starts, crashes, print, options.maxEvents ?? DEFAULT_MAX_EVENTS, ran);
    await yieldToHost(); // let the host report rejections of the last promises
  } finally {
    stopWatching();
    // What has not gone out live yet goes with the record (its trace and socket table): sent now as well,
    // a short run's whole trace crossed to the page twice.
    live.stop();
  }
  if (consoleLog.dropped > 0) emit({ type: 'console-capped', runId: request.runId, dropped: consoleLog.dropped });
  const hit = network.limitHit();
  if (hit) {
    const limited: RunError = { name: 'LimitExceeded', message: limitSentence(hit), ...(fileOn(request, hit.host) ? { file: fileOn(request, hit.host) } : {}) };
    return { network, record: record('limit', stop, limited) };
  }
  return { network, record: record(crashes.learnerError ? 'threw' : 'finished', stop, crashes.learnerError) };
}

/**
 * Starts the programs in the order listed. Each gets START_SETTLE_MS of virtual time to settle (a server
 * listens) before the next starts; kernel timers such as TIME-WAIT's 60 s are not waited for. After the
 * last, the network runs until idle or the virtual time limit.
 */
async function startInOrder(
  request: RunRequest,
  network: Network,
  starts: readonly ProgramStart[],
  crashes: Crashes,
  print: (line: Omit<ConsoleLine, 'at'>) => void,
  maxEvents: number,
  ran: RunProgram[],
): Promise<RunStop> {
  let stop: RunStop = 'idle';
  const outputs: LineOutput[] = [];
  for (const [index, program] of request.programs.entries()) {
    const output = new LineOutput((stream, text) => print({ stream, text, file: program.file }));
    outputs.push(output);
    const process = network.spawn(program.host, program.processName, {
      runAs: program.runAs,
      file: program.file,
      output,
      // The run's seed, for the exercise's drivers: the text they send differs from run to run.
      env: { EXERCISE_SEED: String(request.topology.seed ?? 1) },
    });
    ran.push({ file: program.file, host: program.host, pid: process.pid, role: program.role });
    crashes.track(program, process);
    const crash = crashes.handlerFor(program, process);
    process.onUncaughtException(crash);
    void startProgram(starts[index]!, process, { crash });
    const last = index === request.programs.length - 1;
    const until = last ? request.virtualTimeLimitMs : Math.min(request.virtualTimeLimitMs, network.now + START_SETTLE_MS);
    stop = await network.run({ untilVirtualMs: until, maxEvents });
    if (stop === 'event-limit' || stop === 'limit' || network.now >= request.virtualTimeLimitMs) break;
  }
  for (const output of outputs) output.flush();
  return stop;
}

/** Turns what a process writes (stdout/stderr text) into console lines; a line ends at `\n`. */
class LineOutput {
  /** A line longer than this is cut into pieces, so one endless line cannot grow without bound. */
  static readonly MAX_LINE = 16 * 1024;
  readonly #partial = { stdout: '', stderr: '' };

  constructor(private readonly print: (stream: 'log' | 'error', text: string) => void) {}

  write(stream: 'stdout' | 'stderr', text: string): void {
    let buffered = this.#partial[stream] + text;
    const shown = stream === 'stdout' ? 'log' : 'error';
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      this.print(shown, buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
    }
    while (buffered.length > LineOutput.MAX_LINE) {
      this.print(shown, buffered.slice(0, LineOutput.MAX_LINE));
      buffered = buffered.slice(LineOutput.MAX_LINE);
    }
    this.#partial[stream] = buffered;
  }

  /** What was written without a final line break is shown as a line of its own. */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.#partial[stream]) this.print(stream === 'stdout' ? 'log' : 'error', this.#partial[stream]);
      this.#partial[stream] = '';
    }
  }
}

type Compiled = { ok: true; programs: CompiledProgram[]; starts: ProgramStart[] } | { ok: false; error: RunError };

function compileAll(programs: readonly ProgramSource[], evaluate: (script: string) => unknown, cache: CompileCache | undefined): Compiled {
  const compiled: CompiledProgram[] = [];
  const starts: ProgramStart[] = [];
  const failed = ({ file, line, column, message }: CompileError): Compiled => ({ ok: false, error: { message, name: 'SyntaxError', file, line, column } });
  for (const { file, source } of programs) {
    const compile = () => transpile(file, source);
    const entry: CompiledEntry = cache?.entry(file, source, compile) ?? { result: compile() };
    if (!entry.result.ok) return failed(entry.result.error);
    const program = entry.result.program;
    entry.evaluated ??= evaluated(program, evaluate);
    // An engine-level syntax error sucrase let through is a compile error at the top of the file.
    if (!entry.evaluated.ok) return failed({ file, line: 1, column: 1, message: errorMessage(entry.evaluated.error) });
    compiled.push(program);
    starts.push(entry.evaluated.start as ProgramStart);
  }
  return { ok: true, programs: compiled, starts };
}

/**
 * Compiles and evaluates the learner's draft into the realm's cache ahead of its run (a pause in typing):
 * sucrase and the script load were a third of a later run's time. Evaluating makes the program's function;
 * nothing of the program runs until a run calls it.
 */
export function compileAhead(programs: readonly DraftProgram[], cache: CompileCache, evaluate: (script: string) => unknown = evaluateGlobally): void {
  for (const { file, source } of programs) {
    const entry = cache.ahead(file, source, () => transpile(file, source));
    if (entry.result.ok) entry.evaluated ??= evaluated(entry.result.program, evaluate);
  }
}

/** Evaluates a compiled program into its function, or says what the engine threw. */
function evaluated(program: CompiledProgram, evaluate: (script: string) => unknown): NonNullable<CompiledEntry['evaluated']> {
  try {
    return { ok: true, start: evaluate(program.script) };
  } catch (error) {
    return { ok: false, error };
  }
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

function buildRecord(
  request: RunRequest,
  network: Network,
  consoleLog: ConsoleLog,
  ran: readonly RunProgram[],
  outcome: RunRecord['outcome'],
  startedAt: number,
  stop: RunStop,
  error: RunError | undefined,
): RunRecord {
  return {
    version: PROTOCOL_VERSION,
    exerciseId: request.exerciseId,
    outcome,
    console: consoleLog.lines.slice(),
    consoleDropped: consoleLog.dropped,
    trace: network.trace().slice(),
    traceDropped: network.traceDropped(),
    sockets: network.sockets(),
    streams: network.streams(),
    errors: network.errors(),
    fates: network.fates(),
    hosts: network.hosts(),
    programs: ran.slice(),
    seed: request.topology.seed ?? 1,
    endedAt: network.now,
    stoppedBy: stop,
    wallMs: Math.round(now() - startedAt),
    ...(error ? { error } : {}),
  };
}

/** Wall time a batch of live events collects for before it goes to the page (about two frames). */
export const LIVE_BATCH_MS = 30;

/**
 * Trace events go out in batches: a batch closes at a virtual instant's end once LIVE_BATCH_MS of wall time
 * has passed since the last one went, and a batch that changed a socket is followed by the socket table. A
 * short run sends none (its record brings the trace: one per virtual instant was hundreds per grading, each a
 * task on the page's main thread); a long one still shows its progress several times a second, and the
 * events after its last batch come with the record.
 */
function streamLiveEvents(network: Network, runId: number, emit: (event: RunnerEvent) => void) {
  let batch: TraceEvent[] = [];
  let socketsChanged = false;
  let sentAt = now();
  const flush = () => {
    if (batch.length === 0) return;
    const at = batch[batch.length - 1]!.at;
    emit({ type: 'trace', runId, events: batch });
    batch = [];
    if (socketsChanged) emit({ type: 'sockets', runId, rows: network.sockets(), at });
    socketsChanged = false;
    sentAt = now();
  };
  const stop = network.subscribe((event) => {
    if (batch.length > 0 && batch[batch.length - 1]!.at !== event.at && now() - sentAt >= LIVE_BATCH_MS) flush();
    batch.push(event);
    if (event.kind === 'socket') socketsChanged = true;
  });
  return { flush, stop };
}

/** The learner's file on `host`, if one runs there (a limit names whose program went past it). */
function fileOn(request: RunRequest, host: string): string | undefined {
  return request.programs.find((p) => p.host === host && p.role === 'learner')?.file;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function yieldToHost(): Promise<void> {
  const global = globalThis as unknown as { setImmediate?: (fn: () => void) => void };
  if (typeof global.setImmediate === 'function') return new Promise((resolve) => global.setImmediate!(resolve));
  return new Promise((resolve) => setTimeout(resolve, 0));
}
