/** The kernel's view of a process: a pid, a name, a host, and a file-descriptor table for its sockets. */
import type { SocketOwner } from './types';

/** Linux gives a Node process's first socket a descriptor around 18–22 (stdio, epoll, pipes come first). */
export const FIRST_SOCKET_FD = 18;

export class ProcessCore {
  readonly #fds = new Set<number>();
  exited = false;
  uncaught: ((error: unknown) => void) | null = null;
  /** Cleanups to run on exit (close sockets, cancel timers). */
  readonly onExit = new Set<() => void>();

  constructor(
    readonly pid: number,
    readonly name: string,
    readonly host: string,
  ) {}

  /** The lowest free descriptor, as `socket()` returns. */
  openFd(): number {
    let fd = FIRST_SOCKET_FD;
    while (this.#fds.has(fd)) fd++;
    this.#fds.add(fd);
    return fd;
  }

  closeFd(fd: number): void {
    this.#fds.delete(fd);
  }

  owner(fd: number): SocketOwner {
    return Object.freeze({ name: this.name, pid: this.pid, fd });
  }
}
