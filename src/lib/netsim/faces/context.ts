/**
 * What every face of one process shares: the network, the host it runs on, and the process itself. Faces
 * keep it in closures and private fields only: no program can reach it.
 */
import { formatIpv4, isIpv4, parseIpv4 } from '../addresses';
import { notFoundError, type SystemError } from '../errors';
import type { HostRuntime, Stack } from '../network';
import type { ProcessCore } from '../owner';
import { resolveName } from '../topology';

export class FaceContext {
  constructor(
    readonly stack: Stack,
    readonly host: HostRuntime,
    readonly process: ProcessCore,
  ) {}

  /** Marks this process as the one running, so a throw reaches its uncaught-exception handler. */
  enter(): void {
    this.stack.clock.current = this.process;
  }

  /** process.nextTick in virtual time. */
  tick<A>(run: (arg: A) => void, arg: A): void {
    this.stack.clock.tick(run, arg, this.process);
  }

  /** setImmediate-like: after the events already due now (Node's "close" callbacks run here). */
  soon<A>(run: (arg: A) => void, arg: A): void {
    this.stack.clock.schedule(0, run, arg, this.process);
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

export { formatIpv4 };
