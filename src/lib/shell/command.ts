/** What a command gets from the shell, and what it gives back (its exit status). */
import type { Network, NetProcess } from '../netsim/api';
import type { RunAs } from '../netsim/types';

/** What the learner types while a command runs, line by line (a terminal in cooked mode). */
export type TypedInput =
  /** A line with its `\n`, or what was typed before Ctrl+D on a non-empty line (no `\n`). */
  | { kind: 'data'; text: string }
  /** Ctrl+D on an empty line: end of input. */
  | { kind: 'eof' };

export interface CommandContext {
  readonly network: Network;
  /** The host this shell is on. */
  readonly host: string;
  /** argv[0], as typed. */
  readonly name: string;
  /** The arguments after the command name. */
  readonly args: readonly string[];
  readonly cols: number;
  /** Writes to the terminal; `\n` becomes `\r\n`. stdout and stderr share the terminal. */
  out(text: string): void;
  /** Receives what the learner types while the command runs (typed-ahead input first). */
  onInput(listener: (input: TypedInput) => void): void;
  /** Resolves when the learner presses Ctrl+C. */
  readonly interrupted: Promise<void>;
  isInterrupted(): boolean;
  /**
   * Who the command runs as: the shell's user (`learner`, a normal user) or `root` under `sudo`. Its processes
   * run so, and `ss -p` shows only the processes it may look at.
   */
  readonly runAs: RunAs;
  /** Starts a process on this host for the command's sockets; the shell ends it when the command ends. */
  spawn(processName: string): NetProcess;
  readonly session: Session;
}

/** The shell's own state, for the built-in commands. */
export interface Session {
  readonly user: string;
  readonly lastStatus: number;
  readonly history: readonly string[];
  commandSummaries(): { name: string; summary: string }[];
  /** `ssh HOST`: the prompt moves to another host until `exit`. */
  enterHost(host: string): void;
  /** Leaves the current host; false at the first shell. */
  leaveHost(): boolean;
  /** Hosts entered with ssh, outermost first (the first shell's host included). */
  readonly hostStack: readonly string[];
  clearScreen(): void;
}

/** Exit status; 130 = ended by Ctrl+C (128 + SIGINT), as bash reports it. */
export type ExitStatus = number;

export interface CommandSpec {
  name: string;
  /** One line for `help`. */
  summary: string;
  run(context: CommandContext): Promise<ExitStatus> | ExitStatus;
  /** Words Tab can complete after the command name (e.g. `ip`'s objects). */
  subcommands?: readonly string[];
}

/** The text `strerror` gives for the errno codes netsim raises, as nc, curl and ping print them. */
export function describeErrno(code: string | undefined): string {
  switch (code) {
    case 'ECONNREFUSED': return 'Connection refused';
    case 'EHOSTUNREACH': return 'No route to host';
    case 'ENETUNREACH': return 'Network is unreachable';
    case 'ETIMEDOUT': return 'Connection timed out';
    case 'ECONNRESET': return 'Connection reset by peer';
    case 'EADDRINUSE': return 'Address already in use';
    case 'EADDRNOTAVAIL': return 'Cannot assign requested address';
    case 'EPIPE': return 'Broken pipe';
    case 'EINVAL': return 'Invalid argument';
    case 'EACCES': return 'Permission denied';
    default: return code ?? 'Unknown error';
  }
}

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** Waits `ms` of virtual time on a process's timers (virtual time follows wall time while a command runs). */
export function sleep(process: NetProcess, ms: number): Promise<void> {
  return new Promise((resolve) => process.timers.setTimeout(() => resolve(), ms));
}
