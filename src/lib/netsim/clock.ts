/**
 * One event queue and a virtual clock. Every packet arrival and timer is an event at a virtual instant;
 * events at the same instant run in the order they were scheduled, so a run is fully deterministic.
 *
 * Node also has work that runs "as soon as the current callback returns" (process.nextTick, promise-like
 * deferrals inside net): those go to the tick queue, drained completely after every event, before the next.
 */

import { enterNetwork, type StreamDefaults } from './node/scheduler';

/** Who to blame when an event's callback throws: the process whose code was running. */
export interface Blame {
  readonly pid: number;
  /** An exited process's events and ticks are dropped: nothing it queued runs after its exit. */
  readonly exited?: boolean;
  /** The process's stream.setDefaultHighWaterMark values (streams made while it runs use them). */
  readonly streamDefaults?: StreamDefaults;
}

export interface ScheduledEvent {
  at: number;
  seq: number;
  run: (arg: any) => void;
  arg: unknown;
  blame: Blame | null;
  cancelled: boolean;
  /** Made by `post`: nobody holds it, so it is reused once it ran. */
  pooled: boolean;
}


// The heap, the tick queue and the pool keep their own lengths: an array emptied by `pop()` or
// `length = 0` gives its storage back and allocates it again on the next push, once per event.
export class Clock {
  now = 0;
  readonly #heap: (ScheduledEvent | undefined)[] = [];
  #heapSize = 0;
  #seq = 0;
  /** Ticks as flat quadruples (run, a, b, blame): no object per tick. */
  readonly #ticks: unknown[] = [];
  #tickHead = 0;
  #tickTail = 0;
  /** Events `post` made that ran, ready for reuse. */
  readonly #spare: ScheduledEvent[] = [];
  #spareSize = 0;
  #live = 0;
  /** The process whose code runs now (for uncaught-exception routing). */
  current: Blame | null = null;
  /** Set when a run limit was hit: nothing more runs. */
  #halted = false;
  /** Whether a program's code may have run since takeProgramRan() was last asked (see there). */
  #programRan = false;

  /** Stops the network for good (a run limit was hit): `step` and `runUntil` run nothing more. */
  halt(): void {
    this.#halted = true;
  }

  get halted(): boolean {
    return this.#halted;
  }

  /**
   * Whether a program's code may have run since the last call: an event or tick of a process ran, or the
   * kernel delivered to a program (markProgramRan). Only a program's code queues promise continuations, so
   * after a step where none ran there is nothing for the host to drain before the next (see Network.run).
   */
  takeProgramRan(): boolean {
    const ran = this.#programRan;
    this.#programRan = false;
    return ran;
  }

  /** The kernel's processing is about to call program-facing code (FaceContext.deliver). */
  markProgramRan(): void {
    this.#programRan = true;
  }

  /** Schedules `run(arg)` after `delay` virtual ms (0 = after the events already due now). */
  schedule<A>(delay: number, run: (arg: A) => void, arg: A, blame: Blame | null = null): ScheduledEvent {
    const event: ScheduledEvent = { at: this.now + (delay > 0 ? delay : 0), seq: this.#seq++, run, arg, blame, cancelled: false, pooled: false };
    this.#push(event);
    this.#live++;
    return event;
  }

  /**
   * `schedule` for events nobody will cancel (a packet on its way): returns nothing, so the event object
   * can be reused once it ran and a busy network allocates none.
   */
  post<A>(delay: number, run: (arg: A) => void, arg: A): void {
    const at = this.now + (delay > 0 ? delay : 0);
    let event: ScheduledEvent;
    if (this.#spareSize > 0) {
      event = this.#spare[--this.#spareSize]!;
      event.at = at;
      event.seq = this.#seq++;
      event.run = run;
      event.arg = arg;
      event.cancelled = false;
    } else {
      event = { at, seq: this.#seq++, run, arg, blame: null, cancelled: false, pooled: true };
    }
    this.#push(event);
    this.#live++;
  }

  /**
   * `post` at a virtual instant rather than after a delay (never before now): a link that keeps its packets
   * in order compares instants, and `now + (at − now)` need not give `at` back in floating point. (Its body
   * repeats `post`'s: computing the instant inside `post` keeps a busy loopback from boxing a number per
   * packet to pass it on.)
   */
  postAt<A>(time: number, run: (arg: A) => void, arg: A): void {
    const at = time > this.now ? time : this.now;
    let event: ScheduledEvent;
    if (this.#spareSize > 0) {
      event = this.#spare[--this.#spareSize]!;
      event.at = at;
      event.seq = this.#seq++;
      event.run = run;
      event.arg = arg;
      event.cancelled = false;
    } else {
      event = { at, seq: this.#seq++, run, arg, blame: null, cancelled: false, pooled: true };
    }
    this.#push(event);
    this.#live++;
  }

  cancel(event: ScheduledEvent): void {
    if (!event.cancelled) {
      event.cancelled = true;
      this.#live--;
    }
  }

  /** Runs `run(arg)` once the current event's callback returns, before any later event (nextTick). */
  tick<A>(run: (arg: A) => void, arg: A, blame: Blame | null = this.current): void {
    this.tick2(run as (a: A, b: undefined) => void, arg, undefined, blame);
  }

  /** `tick` for a callback of two arguments (Node's libraries pass `(stream, state)` to most of theirs). */
  tick2<A, B>(run: (a: A, b: B) => void, a: A, b: B, blame: Blame | null = this.current): void {
    const ticks = this.#ticks;
    const tail = this.#tickTail;
    ticks[tail] = run;
    ticks[tail + 1] = a;
    ticks[tail + 2] = b;
    ticks[tail + 3] = blame;
    this.#tickTail = tail + 4;
  }

  /** Events waiting (cancelled ones excluded). */
  pending(): number {
    return this.#live + (this.#tickTail - this.#tickHead) / 4;
  }

  nextAt(): number | undefined {
    if (this.#halted) return undefined;
    if (this.#tickHead < this.#tickTail) return this.now;
    this.#dropCancelled();
    return this.#heapSize ? this.#heap[0]!.at : undefined;
  }

  /**
   * Runs the next event (and then every tick it queued). Returns false when idle. `onThrow` decides what
   * to do with an exception thrown by a callback; it is given the process that was running.
   */
  step(onThrow: (error: unknown, blame: Blame | null) => void): boolean {
    if (this.#halted) return false;
    enterNetwork(this);
    if (this.#tickHead < this.#tickTail) {
      this.drainTicks(onThrow);
      return true;
    }
    this.#dropCancelled();
    const event = this.#pop();
    if (!event) return false;
    this.#live--;
    event.cancelled = true;
    if (event.at > this.now) this.now = event.at;
    this.current = event.blame;
    const run = event.run;
    const arg = event.arg;
    if (event.pooled) {
      event.arg = undefined; // let it go
      this.#spare[this.#spareSize++] = event;
    }
    if (event.blame !== null) {
      if (event.blame.exited) return true;
      this.#programRan = true;
    }
    try {
      run(arg);
    } catch (error) {
      onThrow(error, this.current);
    }
    this.drainTicks(onThrow);
    return true;
  }

  /**
   * Runs events until none is left ('idle'), the next is due after `deadline` ('time-limit'), or
   * `maxEvents` ran ('event-limit'). The loop lives here, next to the queue it reads, so the hot path
   * passes no virtual time across a call (a double crossing a call is a fresh heap number each time).
   */
  runUntil(deadline: number, maxEvents: number, onThrow: (error: unknown, blame: Blame | null) => void): 'idle' | 'time-limit' | 'event-limit' | 'limit' {
    for (let n = 0; ; n++) {
      if (this.#halted) return 'limit';
      if (n >= maxEvents) return 'event-limit';
      if (this.#tickHead === this.#tickTail) {
        this.#dropCancelled();
        if (this.#heapSize === 0) return 'idle';
        if (this.#heap[0]!.at > deadline) return 'time-limit';
      }
      this.step(onThrow);
    }
  }

  drainTicks(onThrow: (error: unknown, blame: Blame | null) => void): void {
    const ticks = this.#ticks;
    while (this.#tickHead < this.#tickTail && !this.#halted) {
      const at = this.#tickHead;
      const run = ticks[at] as (a: unknown, b: unknown) => void;
      const a = ticks[at + 1];
      const b = ticks[at + 2];
      const blame = ticks[at + 3] as Blame | null;
      this.current = blame;
      ticks[at] = ticks[at + 1] = ticks[at + 2] = ticks[at + 3] = undefined; // let them go
      this.#tickHead = at + 4;
      if (blame !== null) {
        if (blame.exited) continue;
        this.#programRan = true;
      }
      try {
        run(a, b);
      } catch (error) {
        onThrow(error, this.current);
      }
    }
    this.#tickHead = this.#tickTail = 0;
    // `current` stays the last process that ran: promise continuations that run before the next event
    // belong to it, as they would to Node's event loop turn.
  }

  #dropCancelled(): void {
    while (this.#heapSize && this.#heap[0]!.cancelled) this.#pop();
  }

  #less(a: ScheduledEvent, b: ScheduledEvent): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  #push(event: ScheduledEvent): void {
    const heap = this.#heap;
    let i = this.#heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(event, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = event;
  }

  #pop(): ScheduledEvent | undefined {
    const heap = this.#heap;
    if (this.#heapSize === 0) return undefined;
    const top = heap[0]!;
    const n = --this.#heapSize;
    const last = heap[n]!;
    heap[n] = undefined;
    if (n) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && this.#less(heap[r]!, heap[l]!) ? r : l;
        if (!this.#less(heap[c]!, last)) break;
        heap[i] = heap[c]!;
        i = c;
      }
      heap[i] = last;
    }
    return top;
  }
}
