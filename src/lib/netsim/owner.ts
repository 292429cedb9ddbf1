/** The kernel's view of a process: a pid, a name, a host, who it runs as, and a file-descriptor table for its sockets. */
import { nodeStreamDefaults } from './node/scheduler';
import type { RunAs, SocketOwner } from './types';

/** Linux gives a Node process's first socket a descriptor around 18–22 (stdio, epoll, pipes come first). */
export const FIRST_SOCKET_FD = 18;

export class ProcessCore {
  readonly #open = new Set<number>();
  /** Descriptors never used yet start here. */
  #fresh = FIRST_SOCKET_FD;
  /** Closed descriptors as a min-heap, so the lowest is reused first without scanning (10,000 sockets). */
  readonly #closed: number[] = [];
  exited = false;
  uncaught: ((error: unknown) => void) | null = null;
  /** Cleanups to run on exit (close sockets, cancel timers). */
  readonly onExit = new Set<() => void>();
  /** This process's `stream.setDefaultHighWaterMark` (see node/scheduler.ts). */
  readonly streamDefaults = nodeStreamDefaults();

  constructor(
    readonly pid: number,
    readonly name: string,
    readonly host: string,
    readonly runAs: RunAs,
  ) {}

  /** The lowest free descriptor, as `socket()` returns. */
  openFd(): number {
    const fd = this.#closed.length ? popMin(this.#closed) : this.#fresh++;
    this.#open.add(fd);
    return fd;
  }

  closeFd(fd: number): void {
    if (this.#open.delete(fd)) pushMin(this.#closed, fd);
  }

  owner(fd: number): SocketOwner {
    return Object.freeze({ name: this.name, pid: this.pid, fd, runAs: this.runAs });
  }
}

/** Which process holds a socket, through which descriptor: what `ss -p` shows. */
export class Descriptor {
  process: ProcessCore | null = null;
  fd = -1;
  /** The `ss -p` owner, made once per owner (the trace shares it). */
  row: SocketOwner | null = null;
  /** The first owner, kept for the stream record after the socket is closed. */
  first: SocketOwner | null = null;

  /** The socket now belongs to `process`, under its lowest free descriptor. */
  open(process: ProcessCore): void {
    this.process = process;
    this.fd = process.openFd();
    this.first = this.row = process.owner(this.fd);
  }

  /** The process let go of the socket (the kernel may keep it a while: TIME-WAIT). */
  close(): void {
    if (!this.process) return;
    this.process.closeFd(this.fd);
    this.process = null;
    this.fd = -1;
    this.row = null;
  }
}

function pushMin(heap: number[], value: number): void {
  let i = heap.length;
  heap.push(value);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]! <= value) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = value;
}

function popMin(heap: number[]): number {
  const top = heap[0]!;
  const last = heap.pop()!;
  const n = heap.length;
  if (n === 0) return top;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const c = l + 1 < n && heap[l + 1]! < heap[l]! ? l + 1 : l;
    if (heap[c]! >= last) break;
    heap[i] = heap[c]!;
    i = c;
  }
  heap[i] = last;
  return top;
}
