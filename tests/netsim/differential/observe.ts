import type { EventEmitter } from 'node:events';

/**
 * Helpers that reduce what sockets report to shapes comparable across platforms: ports the kernel chose
 * become "ephemeral", errors become their documented fields, events are logged in order.
 */

/** Linux's default `net.ipv4.ip_local_port_range`, which netsim copies. */
export const EPHEMERAL_FIRST = 32768;
export const EPHEMERAL_LAST = 60999;

export function isEphemeral(port: unknown): boolean {
  return typeof port === 'number' && port >= EPHEMERAL_FIRST && port <= EPHEMERAL_LAST;
}

/** A port the kernel chose is compared by range, never by value. */
export function portShape(port: unknown): unknown {
  return isEphemeral(port) ? 'ephemeral' : port;
}

/** `server.address()` / `socket.address()` with the port reduced to its range. */
export function addressShape(address: unknown): unknown {
  if (address === null || typeof address !== 'object') return address;
  const { port, ...rest } = address as { port?: unknown };
  return { ...rest, port: portShape(port) };
}

/**
 * A server's address where it listens on every address: a dual-stack Linux host answers `::` (IPv6), an
 * IPv4-only host — which netsim emulates, see the reference page — answers `0.0.0.0` (IPv4). Both mean
 * "every address", so that is what the observation keeps (with the port); other addresses stay as they are.
 */
export function listenAddressShape(address: unknown): unknown {
  const shaped = addressShape(address);
  if (shaped === null || typeof shaped !== 'object') return shaped;
  const { address: where, family, ...rest } = shaped as { address?: unknown; family?: unknown };
  const everyAddress = (where === '::' && family === 'IPv6') || (where === '0.0.0.0' && family === 'IPv4');
  return everyAddress ? { everyAddress, ...rest } : shaped;
}

/** The fields Node documents on a socket error, with ports that vary per run replaced by names. */
export function errorShape(error: unknown, ports: PortNames = new PortNames()): Record<string, unknown> {
  if (!(error instanceof Error)) return { notAnError: String(error) };
  const fields = error as Error & Record<string, unknown>;
  const shape: Record<string, unknown> = {
    class: error.constructor.name,
    name: error.name,
    message: ports.inText(error.message),
  };
  for (const key of ['code', 'errno', 'syscall', 'address', 'hostname'] as const) {
    if (fields[key] !== undefined) shape[key] = fields[key];
  }
  if (fields.port !== undefined) shape.port = ports.of(fields.port);
  return shape;
}

/**
 * Gives the ports a scenario chose (or was given) stable names, so `listen EADDRINUSE … 127.0.0.1:41234`
 * on Node and `…:50123` on netsim both read `…:<server>`.
 */
export class PortNames {
  readonly #names = new Map<number, string>();

  name(port: number, name: string): this {
    this.#names.set(port, `<${name}>`);
    return this;
  }

  of(port: unknown): unknown {
    return typeof port === 'number' ? (this.#names.get(port) ?? portShape(port)) : port;
  }

  /** Replaces every known port in a message; other kernel-chosen ports become `<ephemeral>`. */
  inText(text: string): string {
    return text.replace(/(?<=:)\d{1,5}\b/g, (digits) => {
      const port = Number(digits);
      return this.#names.get(port) ?? (isEphemeral(port) ? '<ephemeral>' : digits);
    });
  }
}

/** An ordered log of what happened, e.g. `['client', 'connect']`, `['server', 'data', 'hello']`. */
export class EventLog {
  readonly entries: unknown[][] = [];

  add(...entry: unknown[]): void {
    this.entries.push(entry);
  }

  /** Returns a listener that logs `[who, event, ...args reduced]`. */
  on<Args extends unknown[]>(who: string, event: string, reduce: (...args: Args) => unknown = () => undefined): (...args: Args) => void {
    return (...args: Args) => {
      const reduced = reduce(...args);
      this.entries.push(reduced === undefined ? [who, event] : [who, event, reduced]);
    };
  }

  /** Entries of one actor, in order (events of two sockets interleave differently on real kernels). */
  of(who: string): unknown[][] {
    return this.entries.filter((entry) => entry[0] === who).map((entry) => entry.slice(1));
  }
}

/** Resolves with the first emission of `event` (its arguments), rejects on 'error' unless that is the event. */
export function once(emitter: EventEmitter, event: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const onError = (error: unknown) => reject(error);
    emitter.once(event, (...args: unknown[]) => {
      if (event !== 'error') emitter.off('error', onError);
      resolve(args);
    });
    if (event !== 'error') emitter.once('error', onError);
  });
}

/** Bytes to text for comparison (latin1 keeps one character per byte). */
export function text(chunk: unknown): string {
  if (typeof chunk === 'string') return chunk;
  if (chunk instanceof Uint8Array) return Array.from(chunk, (byte) => String.fromCharCode(byte)).join('');
  return String(chunk);
}

/** Resolves with whichever of the events comes first, and its arguments (no rejection on 'error'). */
export function firstOf(emitter: EventEmitter, events: string[]): Promise<{ event: string; args: unknown[] }> {
  return new Promise((resolve) => {
    const listeners = events.map((event) => {
      const listener = (...args: unknown[]) => {
        events.forEach((other, i) => emitter.off(other, listeners[i]!));
        resolve({ event, args });
      };
      emitter.once(event, listener);
      return listener;
    });
  });
}
