/**
 * What one run may use, so that a program that opens 100,000 sockets or queues gigabytes on a socket gets a
 * sentence naming what it did and the limit — never a frozen page or "ran too long". A limit that is hit
 * halts the network (nothing more runs) and is recorded; the runner reports it.
 */

export interface RunLimits {
  /** TCP and UDP sockets opened in the whole run (every program together). */
  sockets: number;
  /** Timers armed at once by one program. */
  timers: number;
  /** Bytes one socket may hold that the kernel has not taken yet (written faster than the network sends). */
  bufferedBytes: number;
  /** Packets and socket events kept in the trace; past it the run goes on and the trace says how many it left out. */
  traceEvents: number;
}

export const DEFAULT_LIMITS: Readonly<RunLimits> = Object.freeze({
  sockets: 5_000,
  timers: 10_000,
  bufferedBytes: 32 * 1024 * 1024,
  traceEvents: 200_000,
});

export type LimitKind = 'sockets' | 'timers' | 'bufferedBytes';

/** A limit a program reached: which, its value, and whose program (host and pid) went past it. */
export interface LimitHit {
  kind: LimitKind;
  limit: number;
  host: string;
  pid: number;
  /** Virtual time, in milliseconds. */
  at: number;
}

/**
 * Thrown into the program that went past a limit, so that its code stops there; the network is halted
 * anyway, so a program that catches it gains nothing.
 */
export class LimitExceeded extends RangeError {
  constructor(readonly hit: LimitHit) {
    super(limitSentence(hit));
    this.name = 'LimitExceeded';
  }
}

const nf = new Intl.NumberFormat('en');

/** The sentence a learner reads: what the program did, and what a run may do. */
export function limitSentence(hit: Pick<LimitHit, 'kind' | 'limit'>): string {
  switch (hit.kind) {
    case 'sockets':
      return `Your programs opened more than ${nf.format(hit.limit)} sockets; a run may open ${nf.format(hit.limit)}. Close sockets you are done with, or open fewer.`;
    case 'timers':
      return `Your program armed more than ${nf.format(hit.limit)} timers at once; a program may have ${nf.format(hit.limit)}. Clear the timers you no longer need (clearTimeout, clearInterval).`;
    case 'bufferedBytes':
      return `Your program queued more than ${nf.format(hit.limit / 1024 / 1024)} MiB on one socket faster than the network could send it; a socket may hold ${nf.format(hit.limit / 1024 / 1024)} MiB. Wait for 'drain' when write() returns false.`;
    default: {
      const never: never = hit.kind;
      return String(never);
    }
  }
}
