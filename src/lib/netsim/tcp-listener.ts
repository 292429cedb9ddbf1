/**
 * A listening socket's queues: connections that finished their handshake and wait for `accept()`, and a
 * count of those still in SYN-RECEIVED. Linux drops a SYN when the accept queue is full (the client's SYN
 * retry tries again later).
 */

export class AcceptQueue<Socket extends { abort(): void }> {
  readonly waiting: Socket[] = [];
  /** Children still in SYN-RECEIVED. */
  halfOpen = 0;

  constructor(public backlog: number) {}

  get full(): boolean {
    return this.waiting.length >= this.backlog;
  }

  /** The oldest connection waiting, removed from the queue. */
  take(): Socket | undefined {
    return this.waiting.shift();
  }

  /** The listener closed: every waiting connection is reset. */
  abortAll(): void {
    for (const child of this.waiting.splice(0)) child.abort();
  }
}
