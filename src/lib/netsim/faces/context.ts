/**
 * What every face of one process shares: the network, the host it runs on, and the process itself. Faces
 * keep it in closures and private fields only: no program can reach it.
 */
import { formatIpv4, isIpv4, parseIpv4 } from '../addresses';
import { notFoundError, type SystemError } from '../errors';
import type { HostRuntime, Stack } from '../network';
import type { ProcessCore } from '../owner';
import { resolveName } from '../topology';

/**
 * Something that keeps the process's event loop alive (an open socket, a listening server, a bound UDP
 * socket, an armed timer, a pending lookup), as libuv's active, referenced handles do. `unref()` lets the
 * process end without waiting for it; `release()` when it is gone.
 */
export class Hold {
  #referenced = true;
  #released = false;
  readonly #ctx: FaceContext;

  constructor(ctx: FaceContext) {
    this.#ctx = ctx;
    ctx.holdTaken();
  }

  ref(): void {
    if (this.#released || this.#referenced) return;
    this.#referenced = true;
    this.#ctx.holdTaken();
  }

  unref(): void {
    if (this.#released || !this.#referenced) return;
    this.#referenced = false;
    this.#ctx.holdDropped();
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    if (this.#referenced) this.#ctx.holdDropped();
  }
}

/** What the kernel closes when the process ends: its open TCP handles (and the faces' other closers). */
interface Closable {
  close(): void;
}

export class FaceContext {
  /** Referenced holds: while any is held, the process keeps running. */
  #holds = 0;
  #checkQueued = false;
  /** Called when nothing keeps the process alive any more (Node's event loop is empty): it ends. */
  onIdle: (() => void) | null = null;
  /** Open TCP handles: the kernel closes them when the process ends. */
  readonly openHandles = new Set<Closable>();

  constructor(
    readonly stack: Stack,
    readonly host: HostRuntime,
    readonly process: ProcessCore,
  ) {
    process.onExit.add(() => {
      for (const handle of [...this.openHandles]) handle.close();
    });
  }

  hold(): Hold {
    return new Hold(this);
  }

  /** @internal Hold's bookkeeping. */
  holdTaken(): void {
    this.#holds++;
  }

  /** @internal Hold's bookkeeping. */
  holdDropped(): void {
    this.#holds--;
    this.checkAlive();
  }

  /**
   * Once the current work is done (a later event, after promise continuations), ends the process if
   * nothing holds it: called when a hold goes and when a program's top-level code returns.
   */
  checkAlive(): void {
    if (this.#holds > 0 || this.#checkQueued || this.process.exited) return;
    this.#checkQueued = true;
    this.stack.clock.schedule(0, runAliveCheck, this, this.process);
  }

  /** @internal */
  aliveCheck(): void {
    this.#checkQueued = false;
    if (this.#holds === 0 && !this.process.exited) this.onIdle?.();
  }

  /** Marks this process as the one running, so a throw reaches its uncaught-exception handler. */
  enter(): void {
    this.stack.clock.current = this.process;
  }

  /** process.nextTick in virtual time. */
  tick<A>(run: (arg: A) => void, arg: A): void {
    this.stack.clock.tick(run, arg, this.process);
  }

  /**
   * setImmediate-like: after the events already due now (Node's "close" callbacks and the answers of
   * getaddrinfo come here). The process stays alive until it ran.
   */
  soon<A>(run: (arg: A) => void, arg: A): void {
    const hold = this.hold();
    this.stack.clock.schedule(0, runSoon<A>, { run, arg, hold }, this.process);
  }

  /**
   * Runs program-facing code that the kernel's own processing calls (a segment arrived, a connection was
   * accepted). If the program throws — or calls `process.exit()` — the throw must not cut the kernel's work
   * short: it is caught here and thrown again from a tick of this process, after the kernel is done.
   */
  deliver<A, B>(run: (a: A, b: B) => void, a: A, b: B): void {
    this.stack.clock.markProgramRan();
    try {
      run(a, b);
    } catch (error) {
      this.stack.clock.tick(rethrow, error, this.process);
    }
  }

  /** Resolves a name as /etc/hosts does: an IP, a host name or alias, `localhost`. */
  lookup(name: string): { ip: number } | { error: SystemError } {
    const text = resolveName(this.stack.hosts.map((h) => h.node), name);
    if (text === undefined || !isIpv4(text)) return { error: notFoundError(name) };
    return { ip: parseIpv4(text) };
  }

  /**
   * Notes an error the kernel or the resolver gives this process, before the program sees it. Whether the
   * program handled it is settled by netsim itself: the record turns unhandled if the process dies of it.
   */
  recordError(error: SystemError | (Error & { code?: string; syscall?: string }), socket: number | null): void {
    this.stack.recorder.error(
      {
        at: this.stack.clock.now,
        host: this.host.node.name,
        pid: this.process.pid,
        socket,
        code: String(error.code ?? error.name),
        syscall: String(error.syscall ?? ''),
        message: error.message,
        handled: true,
      },
      error,
    );
  }
}

function rethrow(error: unknown): never {
  throw error;
}

function runAliveCheck(ctx: FaceContext): void {
  ctx.aliveCheck();
}

function runSoon<A>(work: { run: (arg: A) => void; arg: A; hold: Hold }): void {
  work.hold.release();
  work.run(work.arg);
}

export { formatIpv4 };
