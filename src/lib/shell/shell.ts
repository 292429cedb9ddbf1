/**
 * The terminal's shell: a prompt on a host of the emulated network, commands, and the clock that moves the
 * network while a command runs. Plain strings in (raw xterm input), ANSI out; no DOM.
 *
 * Time. Virtual time moves only while a command runs, and then it follows wall time: the shell sleeps
 * (wall) until the network's next event is due, then delivers it, so `ping` prints one line a second and a
 * server's `setInterval` ticks at its real pace. At the prompt the network stands still: what `ss` showed a
 * moment ago (a TIME-WAIT, an ESTAB) is still there when the learner types the next command. When the
 * network has nothing scheduled, the shell waits for the learner instead of spinning the clock forward.
 * Tests pass an instant clock, so the same runs finish at once and print the same virtual times.
 */
import type { Network, NetProcess } from '../netsim/api';
import type { RunAs } from '../netsim/types';
import { blue, green, toTerminalNewlines } from './ansi';
import type { CommandContext, CommandSpec, Session, TypedInput } from './command';
import { completeLine } from './complete';
import { INPUT_SLICE, InputQueue, MAX_PENDING_INPUT, type Cut } from './input-queue';
import { LineEditor, type EditorEvent } from './line-editor';
import { parseCommandLine } from './parse';
import { sudoLine } from './sudo';
import { LineDiscipline } from './typed-input';

/** How the shell waits wall time; the default uses `setTimeout`, tests use an instant one. */
export interface ShellClock {
  sleep(ms: number): Promise<void>;
}

export const realTimeClock: ShellClock = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const instantClock: ShellClock = {
  sleep: () => Promise.resolve(),
};

export interface ShellOptions {
  network: Network;
  host: string;
  user?: string;
  write: (ansi: string) => void;
  cols?: number;
  clock?: ShellClock;
  commands: readonly CommandSpec[];
}

export interface Shell {
  /**
   * Raw terminal input: printable characters, `\r`, `\x7f`, escape sequences, control keys. Any amount: it
   * waits in a bounded buffer and is handled a piece per turn of the event loop (see input-queue.ts).
   */
  input(data: string): void;
  resize(cols: number, rows: number): void;
  /** Prints the prompt (call once, when the terminal is ready). */
  prompt(): void;
  /** Resolves when the shell waits for the learner: at the prompt, or a command waiting for input. */
  settled(): Promise<void>;
  /**
   * Tells a running command that the network changed from outside the shell (a program was started, a
   * client connected), so that it moves time again if it was waiting on an idle network.
   */
  wake(): void;
  /** The host the prompt is on. */
  readonly host: string;
  /** Exit status of the last command (`$?`). */
  readonly lastStatus: number;
  dispose(): void;
}

/** Longest wall-clock wait between two looks at the input, so Ctrl+C is felt at once. */
const SLICE_MS = 50;
/** After a command, packets already in flight (a last ACK, a FIN) are delivered before the prompt. */
const SETTLE_MS = 5;

interface Job {
  discipline: LineDiscipline;
  listener?: (input: TypedInput) => void;
  typedAhead: TypedInput[];
  interrupted: boolean;
  interrupt: () => void;
  processes: NetProcess[];
}

/**
 * Runs `task` on a later turn of the event loop, after the messages waiting now. In a worker or a page that
 * is a MessageChannel message: `setTimeout(0)` is held back to 4 ms once nested, which would make a pasted
 * script of 5,000 commands take 20 s longer than it needs.
 */
const later: (task: () => void) => void = (() => {
  if (typeof setImmediate === 'function') return (task: () => void) => void setImmediate(task);
  let queued: (() => void)[] = [];
  let channel: MessageChannel | undefined;
  return (task: () => void) => {
    if (typeof MessageChannel !== 'function') {
      setTimeout(task, 0);
      return;
    }
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const tasks = queued;
        queued = [];
        for (const run of tasks) run();
      };
    }
    queued.push(task);
    if (queued.length === 1) channel.port2.postMessage(null);
  };
})();

const yieldToHost = (): Promise<void> => new Promise((resolve) => later(resolve));

const italic = (text: string) => `\x1b[3m${text}\x1b[23m`;
const amount = (n: number) => n.toLocaleString('en-US');

/** The sentence the terminal prints where a paste was cut. */
export function cutNote(cut: Cut): string {
  return cut.reason === 'too-long'
    ? `This paste was too long: the terminal holds at most ${amount(MAX_PENDING_INPUT)} characters of input at once, so the last ${amount(cut.dropped)} of its ${amount(cut.received)} characters were dropped.`
    : `Ctrl+C dropped the rest of what was pasted (${amount(cut.dropped)} characters).`;
}

export function createShell(options: ShellOptions): Shell {
  const { network, write } = options;
  const user = options.user ?? 'learner';
  const clock = options.clock ?? realTimeClock;
  const commands = new Map(options.commands.map((c) => [c.name, c]));
  const hostStack = [options.host];
  let cols = options.cols ?? 80;
  let lastStatus = 0;
  let job: Job | undefined;
  let disposed = false;
  let isSettled = false;
  let settledWaiters: (() => void)[] = [];
  let wakeDriver: (() => void) | undefined;
  const pending = new InputQueue();
  let draining = false;
  let drainQueued = false;

  const currentHost = () => hostStack[hostStack.length - 1]!;
  const out = (text: string) => write(toTerminalNewlines(text));

  const editor = new LineEditor({
    write,
    cols,
    complete: (before) => completeLine(before, [...commands.values()], network.hosts().map((h) => h.name)),
  });

  const markSettled = () => {
    isSettled = true;
    const waiters = settledWaiters;
    settledWaiters = [];
    waiters.forEach((resolve) => resolve());
  };

  const session: Session = {
    user,
    get lastStatus() {
      return lastStatus;
    },
    get history() {
      return editor.history;
    },
    get hostStack() {
      return hostStack;
    },
    commandSummaries: () => [...commands.values()].map((c) => ({ name: c.name, summary: c.summary })),
    enterHost: (host) => void hostStack.push(host),
    leaveHost: () => (hostStack.length > 1 ? (hostStack.pop(), true) : false),
    clearScreen: () => editor.clearScreen(),
  };

  const showPrompt = () => {
    if (disposed) return;
    editor.begin(`${green(`${user}@${currentHost()}`)}:${blue('~')}$ `);
    // Input that waited while a command ran (a pasted script) goes on at this prompt.
    if (pending.empty) markSettled();
    else drain();
  };

  const variable = (name: string): string | undefined => {
    switch (name) {
      case '?': return String(lastStatus);
      case 'USER': return user;
      case 'HOSTNAME': return currentHost();
      case 'HOME': return `/home/${user}`;
      case '0': return 'bash';
      default: return undefined;
    }
  };

  /** Moves the network while the command runs: sleep until the next event is due, deliver it, repeat. */
  const drive = async (finished: () => boolean): Promise<void> => {
    while (!finished() && !disposed) {
      await yieldToHost();
      if (finished()) break;
      const next = network.nextEventAt();
      if (next === undefined) {
        const woken = new Promise<void>((resolve) => (wakeDriver = resolve));
        markSettled();
        await woken;
        continue;
      }
      const step = Math.min(Math.max(next - network.now, 0), SLICE_MS);
      if (step > 0) await clock.sleep(step);
      await network.advance(step);
    }
  };

  const wake = () => {
    isSettled = false;
    const resolve = wakeDriver;
    wakeDriver = undefined;
    resolve?.();
  };

  const runJob = async (spec: CommandSpec, name: string, args: string[], newJob: Job, runAs: RunAs): Promise<number> => {
    let interruptResolve!: () => void;
    const interrupted = new Promise<void>((resolve) => (interruptResolve = resolve));
    newJob.interrupt = () => {
      newJob.interrupted = true;
      interruptResolve();
      wake();
    };
    const context: CommandContext = {
      network,
      host: currentHost(),
      name,
      args,
      cols,
      out,
      onInput: (listener) => {
        newJob.listener = listener;
        newJob.typedAhead.splice(0).forEach(listener);
        // Input waiting since before the command asked for it (typed ahead, a paste) is its now.
        if (!pending.empty) drain();
      },
      interrupted,
      isInterrupted: () => newJob.interrupted,
      runAs,
      spawn: (processName) => {
        const process = network.spawn(currentHost(), processName, { runAs });
        newJob.processes.push(process);
        return process;
      },
      session,
    };
    let done = false;
    let status = 0;
    const running = (async () => spec.run(context))().then(
      (s) => {
        status = s;
      },
      (error: unknown) => {
        out(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
        status = 1;
      },
    );
    void running.finally(() => {
      done = true;
      wake();
    });
    await drive(() => done);
    await running;
    for (const process of newJob.processes) process.exit();
    await network.advance(SETTLE_MS);
    return status;
  };

  const runLine = async (line: string): Promise<void> => {
    const parsed = parseCommandLine(line, variable);
    let status = lastStatus;
    if (parsed.kind === 'incomplete') {
      out(`bash: unexpected EOF while looking for matching \`${parsed.quote}'\n`);
      status = 2;
    } else if (parsed.kind === 'unsupported') {
      out(`bash: \`${parsed.operator}' is not available in this terminal: run one command at a time\n`);
      status = 2;
    } else if (parsed.words.length > 0) {
      let [name, ...args] = parsed.words as [string, ...string[]];
      let runAs: RunAs = user === 'root' ? 'root' : 'user';
      const sudo = name === 'sudo' && args.length > 0 ? sudoLine(args, (command) => commands.has(command)) : undefined;
      if (sudo?.kind === 'run') {
        ({ name, args } = sudo);
        runAs = 'root';
      }
      const spec = commands.get(name);
      if (sudo?.kind === 'refuse') {
        out(sudo.message);
        status = sudo.status;
      } else if (!spec) {
        out(`bash: ${name}: command not found\n`);
        status = 127;
      } else {
        const newJob: Job = {
          discipline: new LineDiscipline(write),
          typedAhead: [],
          interrupted: false,
          interrupt: () => {},
          processes: [],
        };
        // Input waiting in `pending` (typed ahead, the rest of a paste) goes to the command once it reads
        // input (`onInput`); a command that never does leaves it for the next prompt, as bash does.
        job = newJob;
        status = await runJob(spec, name, args, newJob, runAs);
        job = undefined;
        // A command killed by Ctrl+C leaves the cursor after the echoed ^C: bash starts a new line.
        if (status === 130) out('\n');
      }
    }
    lastStatus = status;
    if (disposed) return;
    showPrompt();
  };

  const feedJob = (target: Job, data: string) => {
    for (const event of target.discipline.feed(data)) {
      if (event.kind === 'interrupt') target.interrupt();
      else if (target.listener) target.listener(event);
      else target.typedAhead.push(event);
    }
    wake();
  };

  /** What the line editor hands over: a line to run, Ctrl+C, or Ctrl+D. */
  const onEditorEvent = (event: EditorEvent): void => {
    switch (event.kind) {
      case 'line':
        isSettled = false;
        void runLine(event.text);
        return;
      case 'interrupt':
        lastStatus = 130;
        showPrompt();
        return;
      case 'eof':
        // Ctrl+D on an empty line is `exit`.
        isSettled = false;
        void runLine('exit');
        return;
      default: {
        const never: never = event;
        return never;
      }
    }
  };

  /** Says where a paste was cut: above the prompt, or in the running command's output. */
  const announce = (cut: Cut): void => {
    const note = italic(cutNote(cut));
    if (job || !editor.reading) out(`\n${note}\n`);
    else editor.printAbove(note);
  };

  /**
   * Hands waiting input to whoever reads it now (the running command if it reads input, else the line editor
   * at the prompt), a piece at a time: at most INPUT_SLICE characters per turn of the event loop, then it
   * lets the host breathe. A loop, never a recursion: a pasted script of any length runs line after line
   * with a flat stack. When nobody reads, it stops; `onInput` or the next prompt resumes it.
   */
  const reader = (): 'job' | 'editor' | undefined => (job ? (job.listener ? 'job' : undefined) : editor.reading ? 'editor' : undefined);

  const drain = (): void => {
    if (draining || disposed) return;
    draining = true;
    try {
      let budget = INPUT_SLICE;
      while (budget > 0 && !disposed && reader()) {
        const piece = pending.peek(budget);
        if (!piece) break;
        if (piece.kind === 'cut') {
          pending.take(0);
          announce(piece);
          continue;
        }
        // A turn ends on a line end when it can: the next turn starts the next line with a full budget.
        if (budget < INPUT_SLICE && piece.text.length === budget && !/[\r\n]$/.test(piece.text)) break;
        if (job) {
          pending.take(piece.text.length);
          budget -= piece.text.length;
          feedJob(job, piece.text);
          continue;
        }
        const { event, rest } = editor.feed(piece.text);
        const used = piece.text.length - rest.length;
        pending.take(used);
        budget -= used;
        if (event) onEditorEvent(event);
      }
    } finally {
      draining = false;
    }
    if (disposed) return;
    if (!pending.empty && reader()) {
      if (!drainQueued) {
        drainQueued = true;
        later(() => {
          drainQueued = false;
          drain();
        });
      }
    } else if (pending.empty && !job && editor.reading) {
      markSettled();
    }
  };

  // Traffic started from outside the shell (a program, a test) must wake a command waiting on an idle network.
  const unsubscribe = network.subscribe(() => {
    if (wakeDriver) wake();
  });

  return {
    input(data) {
      if (disposed) return;
      isSettled = false;
      if (data !== '\x03' || !(job || editor.reading)) {
        pending.push(data);
        drain();
        return;
      }
      // Ctrl+C reaches the running command (or the prompt) at once, whether it reads input or not, and
      // drops what was still waiting (the rest of a paste), as a tty does on an interrupt; the sentence
      // saying so follows the ^C.
      const dropped = pending.clear();
      const note = dropped > 0 ? italic(cutNote({ kind: 'cut', reason: 'interrupted', dropped })) : '';
      if (job) {
        feedJob(job, data);
        if (note) out(`\n${note}`);
        return;
      }
      const { event } = editor.feed(data);
      if (note) out(`${note}\n`);
      if (event) onEditorEvent(event);
    },
    resize(newCols) {
      cols = Math.max(newCols, 1);
      editor.resize(cols);
    },
    prompt: showPrompt,
    wake() {
      if (job) wake();
    },
    settled() {
      return isSettled ? Promise.resolve() : new Promise((resolve) => settledWaiters.push(resolve));
    },
    get host() {
      return currentHost();
    },
    get lastStatus() {
      return lastStatus;
    },
    dispose() {
      disposed = true;
      unsubscribe();
      job?.interrupt();
      wake();
    },
  };
}
