/**
 * The runner worker: bundled as one classic script, started from a blob URL inside the sandboxed iframe.
 *
 * The page sends one `connect` message carrying a MessagePort; every command and event after that goes over
 * that port, held only in this closure, so learner code calling `self.postMessage` reaches nobody that
 * listens. The intrinsics are frozen (`lockdown`) and `MessagePort.prototype.postMessage` is captured
 * before any learner code runs, so a program cannot change what the RunRecord says on its way out.
 * Terminating a run that is over its time budget is the page's job (`worker.terminate()`).
 */
import type { Network } from '../netsim/api';
import { sharedLibraries } from '../netsim/index';
import { CompileCache } from './compile-cache';
import { hardenLibraries, lockdown } from './lockdown';
import { PROTOCOL_VERSION, type DraftProgram, type RunnerCommand, type RunnerEvent, type RunRequest } from './protocol';
import { compileAhead, runExercise } from './run';
import { attachShell, type AttachedShell } from './shell-link';

/** The first message the worker accepts; `event.ports[0]` (or `port`) is the page's channel. */
export interface ConnectMessage {
  type: 'connect';
  version: typeof PROTOCOL_VERSION;
  port?: MessagePort;
}

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
// Captured before lockdown and before any learner code: later changes to the prototype cannot reach it.
const postOnPort: (this: MessagePort, message: unknown) => void = MessagePort.prototype.postMessage;
const listenOnPort = EventTarget.prototype.addEventListener;

function onConnect(event: MessageEvent): void {
  const data = event.data as Partial<ConnectMessage> | null;
  const port = event.ports[0] ?? data?.port;
  if (data?.type !== 'connect' || data.version !== PROTOCOL_VERSION || !port) return;
  scope.removeEventListener('message', onConnect);
  hardenHost();
  lockdown();
  hardenLibraries(sharedLibraries());
  serve(port);
}

/** What the terminal says when a reset takes the network down (italic: see shellGreeting). */
const resetNotice = '\x1b[3mThe exercise was reset: the last run\'s network is gone. Run your program to start a new one.\x1b[23m';

/** Answers commands arriving on the port. Exported for tests, which call it with a MessageChannel's port. */
export function serve(port: MessagePort): void {
  const emit = (message: RunnerEvent) => Reflect.apply(postOnPort, port, [message]);
  let shell: AttachedShell | undefined;
  /** The network the last run left up, until the page asks for a terminal on it (or the next run). */
  let left: { network: Network; request: RunRequest } | undefined;
  let queue = Promise.resolve();
  // The seeds of one grading, and the warm-up run before them, compile each program once in this realm.
  const compileCache = new CompileCache();

  const run = async (request: RunRequest) => {
    shell?.dispose();
    shell = undefined;
    left = undefined;
    if (request.warmUp) {
      // Nothing of it crosses to the page (the page would only unpack it to drop it), nothing stays up.
      await runExercise(request, () => undefined, { compileCache });
      emit({ type: 'warmed', runId: request.runId });
      return;
    }
    // The previous run's network is dropped with its shell; the new one stays alive for the terminal.
    const { network, record } = await runExercise(request, emit, { compileCache });
    left = { network, request };
    emit({ type: 'done', runId: request.runId, record });
  };

  const receive = (command: RunnerCommand) => {
    switch (command.type) {
      case 'run':
        // One run at a time, in the order asked.
        queue = queue.then(() => run(command)).catch((error: unknown) => reportCrash(emit, command, error));
        return;
      case 'reset':
        queue = queue.then(() => {
          const networkWasUp = left !== undefined || shell !== undefined;
          left = undefined;
          if (shell) {
            shell.dispose();
            shell = undefined;
            emit({ type: 'shell-output', data: `\r\n${resetNotice}\r\n` });
          }
          if (networkWasUp) emit({ type: 'network-reset' });
        });
        return;
      case 'terminal':
        // After the runs queued before it, on the network the last of them left.
        queue = queue.then(() => {
          if (!left || shell) return;
          shell = attachShell(left.network, left.request, (data) => emit({ type: 'shell-output', data }), command.runNumber);
        });
        return;
      case 'shell-input':
        shell?.input(command.data);
        return;
      case 'shell-resize':
        shell?.resize(command.cols, command.rows);
        return;
      case 'compile': {
        const programs = draftPrograms(command.programs);
        // In turn with the runs: a draft sent while a warm-up runs is compiled after it.
        queue = queue.then(() => compileAhead(programs, compileCache)).catch(() => undefined);
        return;
      }
      default: {
        const never: never = command;
        void never;
      }
    }
  };

  Reflect.apply(listenOnPort, port, ['message', (event: MessageEvent) => receive(event.data as RunnerCommand)]);
  port.start();
  emit({ type: 'ready', version: PROTOCOL_VERSION });
}

/** The draft's programs as sent, only what a compile needs (a few files of text). */
function draftPrograms(programs: unknown): DraftProgram[] {
  if (!Array.isArray(programs)) return [];
  return programs
    .slice(0, MAX_DRAFT_FILES)
    .filter((program): program is DraftProgram => typeof program?.file === 'string' && typeof program?.source === 'string');
}

/** More files than an exercise has: a draft is the learner's programs of one exercise. */
const MAX_DRAFT_FILES = 8;

/** A failure of the runner itself (not of the learner's code) still ends the run with a record. */
function reportCrash(emit: (message: RunnerEvent) => void, request: RunRequest, error: unknown): void {
  emit({
    type: 'done',
    runId: request.runId,
    record: {
      version: PROTOCOL_VERSION,
      exerciseId: request.exerciseId,
      outcome: 'threw',
      console: [],
      trace: [],
      sockets: [],
      streams: [],
      errors: [],
      hosts: [],
      endedAt: 0,
      wallMs: 0,
      error: { message: `The runner failed: ${error instanceof Error ? error.message : String(error)}`, name: 'RunnerError' },
    },
  });
}

/** Freezes the host prototypes the runner's messages pass through. */
export function hardenHost(): void {
  for (const ctor of [MessagePort, EventTarget, MessageEvent, Event]) {
    Object.freeze(ctor.prototype);
    Object.freeze(ctor);
  }
}

// In a worker; imported elsewhere (tests), it only exports. Programs are loaded with importScripts, so the
// worker must be a classic one (Vite's default worker format, iife).
if (typeof scope.addEventListener === 'function' && typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  scope.addEventListener('message', onConnect);
}
