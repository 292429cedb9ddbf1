/** What every face of one process shares: the network, the host it runs on, and the process itself. */
import { formatIpv4, isIpv4, parseIpv4 } from '../addresses';
import { notFoundError, type SystemError } from '../errors';
import type { HostRuntime, Stack } from '../network';
import type { ProcessCore } from '../owner';
import { resolveName } from '../topology';
import type { EventEmitter } from './events';

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

  /** Emits `'error'` on a socket or server and records it (`handled` = it had a listener). */
  raise(target: EventEmitter, error: Error, socket: number | null): void {
    const e = error as Partial<SystemError>;
    this.stack.recorder.error({
      at: this.stack.clock.now,
      host: this.host.node.name,
      pid: this.process.pid,
      socket,
      code: String(e.code ?? error.name),
      syscall: String(e.syscall ?? ''),
      message: error.message,
      handled: target.listenerCount('error') > 0,
    });
    this.enter();
    target.emit('error', error);
  }
}

export { formatIpv4 };
