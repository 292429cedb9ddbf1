/** `socket.setTimeout(ms)`: a virtual timer that fires 'timeout' after `ms` with no activity, then re-arms. */
import type { ScheduledEvent } from '../clock';
import type { FaceContext } from './context';

interface TimesOut {
  readonly destroyed: boolean;
  emit(name: 'timeout'): boolean;
}

export class IdleTimer {
  #ms: number | undefined = undefined;
  #timer: ScheduledEvent | null = null;
  #lastActivity = 0;

  constructor(
    private readonly ctx: FaceContext,
    private readonly socket: TimesOut,
  ) {}

  /** Starts (or, with undefined, stops) watching for `ms` of inactivity, counting from now. */
  set(ms: number | undefined): void {
    this.#ms = ms;
    if (this.#timer) this.ctx.stack.clock.cancel(this.#timer);
    this.#timer = null;
    if (ms !== undefined) this.touch();
  }

  /** Something happened on the socket: the idle time starts again. */
  touch(): void {
    this.#lastActivity = this.ctx.stack.clock.now;
    if (this.#ms !== undefined && !this.#timer) this.#arm(this.#ms);
  }

  #arm(delay: number): void {
    this.#timer = this.ctx.stack.clock.schedule(delay, idleCheck, this, this.ctx.process);
  }

  /** The timer fired: emit 'timeout' if the socket stayed idle all along, else wait for the rest. */
  check(): void {
    this.#timer = null;
    const ms = this.#ms;
    if (ms === undefined || this.socket.destroyed) return;
    const idle = this.ctx.stack.clock.now - this.#lastActivity;
    if (idle >= ms) {
      this.#lastActivity = this.ctx.stack.clock.now;
      this.#arm(ms);
      this.socket.emit('timeout');
    } else this.#arm(ms - idle);
  }
}

function idleCheck(timer: IdleTimer): void {
  timer.check();
}
