/**
 * The public surface of netsim, as interfaces: what the runner, the shell, the grader's tests, the
 * differential suite and the views program against. `src/lib/netsim/index.ts` exports `createNetwork`,
 * which returns a `Network`.
 */
import type {
  Endpoint,
  ProcessFate,
  HostView,
  Ipv4,
  NetworkSnapshot,
  RunAs,
  SocketErrorRecord,
  SocketRow,
  StreamRecord,
  TraceEvent,
} from './types';
import type { LimitHit, RunLimits } from './limits';

export interface NetworkOptions {
  /** Overrides `topology.seed`. The same seed gives the identical trace. */
  seed?: number;
  /** What the run may use (defaults: limits.ts DEFAULT_LIMITS). */
  limits?: Partial<RunLimits>;
  /**
   * Lets the host's pending promise callbacks run before the next network event is delivered (the async
   * `run`). Default: `setImmediate` where it exists (Node), else the browser's `scheduler.postTask`, else a
   * `MessageChannel` round trip (workers).
   */
  yieldToHost?: () => Promise<void>;
}

/** How a process is started. */
export interface ProcessSettings {
  /**
   * Who the program runs as (default `root`, as a service started by the administrator). A `user` program
   * cannot bind a port below 1024: `listen EACCES: permission denied 0.0.0.0:7`, as on Linux.
   */
  runAs?: RunAs;
  /** The program's file, as in `process.argv[1]` (`/home/learner/<file>`). */
  file?: string;
  /** Receives what the program writes to stdout and stderr (console.log included), as raw text. */
  output?: { write(stream: 'stdout' | 'stderr', text: string): void };
  /** Variables added to the program's `process.env`. */
  env?: Readonly<Record<string, string>>;
}

/** Why `run` returned. */
/** Why `run` returned: idle, the virtual time limit, the event limit, or a run limit a program hit (`limitHit()`). */
export type RunStop = 'idle' | 'time-limit' | 'event-limit' | 'limit';

export interface Network {
  /** Virtual time in milliseconds since the network was created. */
  readonly now: number;

  hosts(): HostView[];
  /** Resolves a host name (or alias, or `localhost`) as `/etc/hosts` would; an IP is returned unchanged. */
  resolve(name: string): Ipv4 | undefined;

  /**
   * Starts a process on a host, e.g. `spawn('web', 'node', { runAs: 'user' })`; pids count up per host from a
   * seeded start. `settings` say who it runs as, name the program's file (for `process.argv`) and where its
   * stdout/stderr go.
   */
  spawn(host: string, processName: string, settings?: ProcessSettings): NetProcess;

  // ── observation: copies, frozen; nothing a program does can change what was recorded ──
  sockets(filter?: { host?: string }): SocketRow[];
  trace(): readonly TraceEvent[];
  streams(): StreamRecord[];
  errors(): SocketErrorRecord[];
  /** How processes ended (exit or crash), in order; running processes have no entry. */
  fates(): ProcessFate[];
  /** The run limit a program went past, if one did (the network halted then). */
  limitHit(): LimitHit | null;
  /** Trace events left out because the trace reached its limit (the run went on). */
  traceDropped(): number;
  snapshot(): NetworkSnapshot;
  /** Called for every trace event as it is recorded. Returns an unsubscribe function. */
  subscribe(listener: (event: TraceEvent) => void): () => void;

  // ── time: one event queue, virtual clock, no real timers ──
  /** Number of events waiting (packets in flight, timers). */
  pending(): number;
  /** Virtual time of the next event, or `undefined` when idle. */
  nextEventAt(): number | undefined;
  /** Delivers the next event synchronously. Returns false when there was none. */
  step(): boolean;
  /** Delivers events synchronously until idle or a limit (for callback-style code and benchmarks). */
  runUntilIdle(limits?: { maxVirtualMs?: number; maxEvents?: number }): RunStop;
  /**
   * Delivers events one at a time, yielding to the host between them so a program's pending promise
   * callbacks (`await`) run before the next event: async code sees events in the same order every run.
   */
  run(limits?: { untilVirtualMs?: number; maxEvents?: number }): Promise<RunStop>;
  /** Runs every event due in the next `ms` virtual milliseconds, then sets the clock to now + ms. */
  advance(ms: number): Promise<void>;

  /** ICMP echo from a host (for `ping`): resolves with the round-trip time in virtual ms, or the failure. */
  ping(fromHost: string, target: Ipv4, seq: number): Promise<{ ok: true; rttMs: number } | { ok: false; reason: 'unreachable' | 'timeout' }>;
}

/** A running program on a host: owns sockets, timers, and the modules its code `require`s. */
export interface NetProcess {
  readonly pid: number;
  readonly name: string;
  readonly host: string;
  readonly runAs: RunAs;
  /**
   * What `import … from 'node:net'` and friends give the program's code, keyed `node:<name>` (see
   * MODULE_NAMES): net, dgram, events, buffer, stream, stream/promises, string_decoder, util, readline,
   * readline/promises, os, dns, dns/promises, timers, timers/promises, process. Modules with state (net,
   * dgram, os, dns, readline, timers, process) are this process's own, bound to its host.
   */
  readonly modules: Readonly<Record<string, unknown>>;
  /** Timer globals in virtual time, to put in the program's scope in place of the real ones. */
  readonly timers: VirtualTimers;
  /** The explicit, step-by-step socket API the lessons use (socket → bind → listen → accept / connect). */
  readonly sockets: ExplicitSocketApi;
  /**
   * Called when an `'error'` is emitted with no listener, or a program callback throws: Node would crash
   * the process. Without a handler the error is rethrown from the event loop (`step`/`run`).
   */
  onUncaughtException(handler: (error: unknown) => void): void;
  /**
   * Runs `code` as this process (a program's top level): `process.nextTick` and the libraries' deferrals
   * land on this network, blamed on this process. What `code` returns is returned.
   */
  enter<T>(code: () => T): T;
  /** Ends the process as `exit(code)` would: the kernel closes its sockets (FIN, or RST as Linux does). */
  exit(code?: number): void;
  /** Ends the process because `error` was not handled (exit code 1); the error is recorded as unhandled. */
  crash(error: unknown): void;
  /** True once the process exited or crashed. */
  readonly exited: boolean;
  /**
   * True when the process ended because nothing was left to do (Node's empty event loop), not by exit() or a
   * crash. A rejection nobody handled may still be reported after such an end: a browser dispatches
   * 'unhandledrejection' as a task of its own, after the run's virtual clock went on; Node would have crashed.
   */
  readonly endedIdle: boolean;
  /**
   * Keeps the process running even when its program has nothing left to do (as a test runner or a REPL
   * keeps Node running); returns the function that lets go. Without it a program ends as Node's does.
   */
  keepAlive(): () => void;
}

export interface VirtualTimers {
  setTimeout(callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): unknown;
  clearInterval(handle: unknown): void;
  setImmediate(callback: (...args: unknown[]) => void, ...args: unknown[]): unknown;
  clearImmediate(handle: unknown): void;
}

// ───────────────────────── the explicit API (what the lessons show) ─────────────────────────

/** `socket()` as the operating system offers it, step by step, with async/await. */
export interface ExplicitSocketApi {
  socket(protocol: 'tcp' | 'udp'): ExplicitSocket;
}

export interface ExplicitSocket {
  readonly id: number;
  readonly protocol: 'tcp' | 'udp';
  /** Binds to an address of this host (`0.0.0.0` = every address) and a port (0 = let the OS choose). */
  bind(ip: Ipv4, port: number): Promise<Endpoint>;
  /** TCP: marks the socket as listening, with a backlog of pending connections (default 511, as Node). */
  listen(backlog?: number): Promise<void>;
  /** TCP: waits for the next connection and returns the new socket joined to the client. */
  accept(): Promise<ExplicitSocket>;
  /** TCP: three-way handshake to ip:port; binds an ephemeral port first if unbound. */
  connect(ip: Ipv4, port: number): Promise<void>;
  /** TCP: writes bytes (string as UTF-8). UDP: sends one datagram to `to` (required unless connected). */
  send(data: string | Uint8Array, to?: Endpoint): Promise<number>;
  /** TCP: next bytes of the stream (empty when the peer has ended). UDP: next datagram with its sender. */
  recv(): Promise<{ data: Uint8Array; text: string; from: Endpoint }>;
  /** TCP: half-close (FIN). */
  shutdown(): Promise<void>;
  close(): Promise<void>;
  localEndpoint(): Endpoint | null;
  remoteEndpoint(): Endpoint | null;
}
