/**
 * What a run's programs failed to handle: errors thrown at top level or from callbacks, and promise
 * rejections nobody awaited. Each is located in the learner's TypeScript, printed to the console as Node
 * would print it, and ends its process as Node would (the kernel closes its sockets).
 */
import type { NetProcess } from '../netsim/api';
import { isProcessExit } from '../netsim/faces/process';
import { LimitExceeded } from '../netsim/index';
import { describeThrown } from './program';
import type { ConsoleLine, ProgramSource, RunError } from './protocol';
import { locateInPrograms } from './stack';
import type { CompiledProgram } from './transpile';

interface Started {
  program: ProgramSource;
  process: NetProcess;
}

export class Crashes {
  /** The first error of a learner program: the record's `error`. Driver errors are printed, never blamed. */
  learnerError: RunError | undefined;
  private readonly started: Started[] = [];

  constructor(
    private readonly compiled: readonly CompiledProgram[],
    private readonly print: (line: Omit<ConsoleLine, 'at'>, kind?: 'output' | 'crash') => void,
  ) {}

  /** Remembers a started program, so a rejection can be traced back to it. */
  track(program: ProgramSource, process: NetProcess): void {
    this.started.push({ program, process });
  }

  /** The handler for one program's uncaught errors. */
  handlerFor(program: ProgramSource, process: NetProcess): (thrown: unknown) => void {
    return (thrown) => this.record(program, process, thrown);
  }

  /** A rejection nobody handled: blamed on the program its stack points to, else the last one started. */
  rejection(reason: unknown): void {
    if (isProcessExit(reason)) return;
    const where = locateInPrograms(describeThrown(reason).stack, this.compiled);
    const owner = this.started.find((s) => s.program.file === where?.file) ?? this.started[this.started.length - 1];
    if (owner) this.record(owner.program, owner.process, reason);
  }

  private record(program: ProgramSource, process: NetProcess, thrown: unknown): void {
    // `process.exit()` unwinds the program's code with a marker: that is an exit, not a crash.
    if (isProcessExit(thrown) || process.exited) return;
    // A run limit stops the whole network; the runner reports it in its own words, not as this program's crash.
    if (thrown instanceof LimitExceeded) return;
    const described = describeThrown(thrown);
    const where = locateInPrograms(described.stack, this.compiled);
    const error: RunError = { message: described.message, ...(described.name ? { name: described.name } : {}), ...(where ?? { file: program.file }) };
    this.print({ stream: 'error', text: uncaughtText(error), file: error.file ?? program.file }, 'crash');
    if (program.role === 'learner') this.learnerError ??= error;
    process.crash(thrown);
  }
}

/** As Node prints an uncaught error: where, then `Uncaught Name: message`. */
function uncaughtText(error: RunError): string {
  const where = error.file && error.line ? `${error.file}:${error.line}:${error.column ?? 1}\n` : '';
  const message = error.message.replace(/^Uncaught /, '');
  return `${where}Uncaught ${error.name && !error.message.startsWith('Uncaught') ? `${error.name}: ` : ''}${message}`;
}
