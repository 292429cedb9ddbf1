/**
 * Port tables of one host and protocol: who is bound where (EADDRINUSE rules, 0.0.0.0 vs one address),
 * which connection a segment belongs to, and ephemeral ports (32768–60999, as Linux's ip_local_port_range).
 * Also who may bind a port at all: below 1024 only root (Linux's ip_unprivileged_port_start).
 */
import { ANY } from './addresses';
import type { Random } from './random';
import type { RunAs } from './types';

export const EPHEMERAL_LOW = 32768;
export const EPHEMERAL_HIGH = 60999;
/** The first port a normal user may bind (Linux's `net.ipv4.ip_unprivileged_port_start`, 1024 by default). */
export const UNPRIVILEGED_PORT_START = 1024;

/**
 * EACCES when a normal user's process asks for a privileged port, as Linux's `bind()` answers; null when it
 * may. Port 0 (let the kernel choose) is always allowed: ephemeral ports are above 1024. A socket with no
 * process (one the kernel made) never binds by itself.
 */
export function bindPermission(port: number, runAs: RunAs | undefined): 'EACCES' | null {
  return port !== 0 && port < UNPRIVILEGED_PORT_START && runAs === 'user' ? 'EACCES' : null;
}

/** What choosing a local address and port needs of a host (network.ts's hosts provide it). */
export interface AddressBook {
  /** Seeded: ephemeral ports are picked from it. */
  readonly random: Random;
  /** True when `ip` is one of the host's addresses (127.0.0.0/8 included). */
  ownsAddress(ip: number): boolean;
  /** The source address the kernel picks for a packet to `dst`, or null when no route leads there. */
  sourceAddressFor(dst: number): number | null;
}

/** Anything that sits in a port table. */
export interface PortHolder {
  localIp: number;
  localPort: number;
  remoteIp: number;
  remotePort: number;
}

export class PortTable<S extends PortHolder> {
  /** Bound (listening, or UDP) sockets by port. */
  readonly bound = new Map<number, S[]>();
  /**
   * Connected sockets: local port → the one socket on it (a client's ephemeral port), or a map of remote port
   * → the socket, or the few sharing both ports (from other addresses) — a server's port. Keyed by ports
   * only: an IPv4 address above 1.0.0.0 is no small integer to V8, and a Map keyed by one hashes a heap
   * number on every segment. A lone socket is kept without a Map: 10,000 clients would need 10,000 Maps.
   */
  readonly #connected = new Map<number, S | Map<number, S | S[]>>();
  /** Ports in use by connected sockets, with counts (so ephemeral choice avoids them). */
  readonly #inUse = new Map<number, number>();

  /** The socket bound to port that conflicts with binding `ip`, if any (0.0.0.0 overlaps everything). */
  conflict(ip: number, port: number): S | undefined {
    const list = this.bound.get(port);
    if (!list) return undefined;
    for (const s of list) if (s.localIp === ANY || ip === ANY || s.localIp === ip) return s;
    return undefined;
  }

  bind(socket: S): void {
    const list = this.bound.get(socket.localPort);
    if (list) list.push(socket);
    else this.bound.set(socket.localPort, [socket]);
    this.#use(socket.localPort, 1);
  }

  unbind(socket: S): void {
    const list = this.bound.get(socket.localPort);
    if (!list) return;
    const i = list.indexOf(socket);
    if (i < 0) return;
    list.splice(i, 1);
    if (list.length === 0) this.bound.delete(socket.localPort);
    this.#use(socket.localPort, -1);
  }

  /** The bound socket that receives for ip:port: an exact address wins over 0.0.0.0. */
  boundFor(ip: number, port: number, accept: (s: S) => boolean): S | undefined {
    const list = this.bound.get(port);
    if (!list) return undefined;
    let wildcard: S | undefined;
    for (const s of list) {
      if (!accept(s)) continue;
      if (s.localIp === ip) return s;
      if (s.localIp === ANY && !wildcard) wildcard = s;
    }
    return wildcard;
  }

  connect(socket: S): void {
    const here = this.#connected.get(socket.localPort);
    if (here === undefined) this.#connected.set(socket.localPort, socket);
    else {
      let byRemote: Map<number, S | S[]>;
      if (here instanceof Map) byRemote = here;
      else this.#connected.set(socket.localPort, (byRemote = new Map<number, S | S[]>([[here.remotePort, here]])));
      const there = byRemote.get(socket.remotePort);
      if (there === undefined) byRemote.set(socket.remotePort, socket);
      else if (Array.isArray(there)) there.push(socket);
      else byRemote.set(socket.remotePort, [there, socket]);
    }
    this.#use(socket.localPort, 1);
  }

  disconnect(socket: S): void {
    const here = this.#connected.get(socket.localPort);
    if (here === undefined) return;
    if (!(here instanceof Map)) {
      if (here !== socket) return;
      this.#connected.delete(socket.localPort);
      this.#use(socket.localPort, -1);
      return;
    }
    const there = here.get(socket.remotePort);
    if (there === undefined) return;
    if (there === socket) here.delete(socket.remotePort);
    else if (Array.isArray(there) && there.includes(socket)) {
      there.splice(there.indexOf(socket), 1);
      if (there.length === 1) here.set(socket.remotePort, there[0]!);
    } else return;
    if (here.size === 0) this.#connected.delete(socket.localPort);
    else if (here.size === 1) {
      const [only] = here.values();
      if (!Array.isArray(only)) this.#connected.set(socket.localPort, only!); // back to a lone socket
    }
    this.#use(socket.localPort, -1);
  }

  connectedFor(localIp: number, localPort: number, remoteIp: number, remotePort: number): S | undefined {
    const here = this.#connected.get(localPort);
    if (here === undefined) return undefined;
    if (!(here instanceof Map)) return here.remotePort === remotePort && here.remoteIp === remoteIp && here.localIp === localIp ? here : undefined;
    const there = here.get(remotePort);
    if (there === undefined) return undefined;
    if (!Array.isArray(there)) return there.remoteIp === remoteIp && there.localIp === localIp ? there : undefined;
    for (const s of there) if (s.remoteIp === remoteIp && s.localIp === localIp) return s;
    return undefined;
  }

  /** A free port from the ephemeral range, starting at a seeded random point as Linux randomises. */
  ephemeralPort(random: Random): number | undefined {
    const span = EPHEMERAL_HIGH - EPHEMERAL_LOW + 1;
    const start = random.int(0, span - 1);
    for (let i = 0; i < span; i++) {
      const port = EPHEMERAL_LOW + ((start + i) % span);
      if (!this.#inUse.has(port)) return port;
    }
    return undefined;
  }

  #use(port: number, delta: number): void {
    const n = (this.#inUse.get(port) ?? 0) + delta;
    if (n <= 0) this.#inUse.delete(port);
    else this.#inUse.set(port, n);
  }
}
