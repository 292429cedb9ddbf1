/**
 * The explicit socket API the lessons use to show each step the OS takes: socket → bind → listen → accept,
 * or socket → connect; send/recv with await. Errors are the same Node-shaped errors as the `net` face.
 */
import { ANY, formatIpv4, isIpv4, parseIpv4 } from './addresses';
import type { ExplicitSocket, ExplicitSocketApi } from './api';
import { systemError, type SystemError } from './errors';
import type { FaceContext } from './faces/context';
import type { TcpSocket, TcpUser } from './tcp';
import type { Endpoint } from './types';
import type { UdpSocket, UdpUser } from './udp';

type Received = { data: Uint8Array; text: string; from: Endpoint };

const latin1 = new TextDecoder('latin1');
const utf8Encoder = new TextEncoder();
const utf8 = new TextDecoder();

function ipOf(text: string): number {
  if (!isIpv4(text)) throw new TypeError(`"${text}" is not an IPv4 address (e.g. 10.0.0.2, or 0.0.0.0 for every address)`);
  return parseIpv4(text);
}

/** Waiters and arrivals, matched in order. */
class Mailbox<T> {
  readonly items: T[] = [];
  readonly waiters: { resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  error: unknown = null;

  put(item: T): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(item);
    else this.items.push(item);
  }

  fail(error: unknown): void {
    this.error = error;
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  take(): Promise<T> {
    if (this.items.length) return Promise.resolve(this.items.shift()!);
    if (this.error) return Promise.reject(this.error);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }
}

/**
 * Every error the explicit API raises to a program goes into `network.errors()`, as the `net` face's do, so
 * the grader sees it whichever API the lesson used. A promise rejection is the program's to handle.
 */
function recordRaised(ctx: FaceContext, socket: number, error: SystemError): SystemError {
  ctx.stack.recorder.error({
    at: ctx.stack.clock.now, host: ctx.host.node.name, pid: ctx.process.pid, socket,
    code: error.code, syscall: error.syscall, message: error.message, handled: true,
  });
  return error;
}

class TcpExplicit implements ExplicitSocket, TcpUser {
  readonly protocol = 'tcp' as const;
  readonly #ctx: FaceContext;
  readonly #core: TcpSocket;
  readonly #incoming = new Mailbox<TcpSocket>();
  readonly #received = new Mailbox<Received>();
  #connecting: { resolve: () => void; reject: (e: unknown) => void } | null = null;
  #space: (() => void) | null = null;

  constructor(ctx: FaceContext, core: TcpSocket) {
    this.#ctx = ctx;
    this.#core = core;
    core.user = this;
  }

  get id(): number {
    return this.#core.id;
  }

  async bind(ip: string, port: number): Promise<Endpoint> {
    const failure = this.#core.bind(ipOf(ip), port);
    if (failure) throw this.#record(systemError(failure, 'bind', ip, port));
    return this.#core.localEndpoint();
  }

  async listen(backlog = 511): Promise<void> {
    const failure = this.#core.listen(backlog);
    if (failure) throw this.#record(systemError(failure, 'listen', formatIpv4(this.#core.localIp), this.#core.localPort));
  }

  async accept(): Promise<ExplicitSocket> {
    const child = await this.#incoming.take();
    this.#core.accept();
    child.adopt(this.#ctx.process);
    return new TcpExplicit(this.#ctx, child);
  }

  connect(ip: string, port: number): Promise<void> {
    const failure = this.#core.connect(ipOf(ip), port);
    if (failure) return Promise.reject(this.#record(systemError(failure, 'connect', ip, port, 'Local (0.0.0.0:0)')));
    return new Promise((resolve, reject) => (this.#connecting = { resolve, reject }));
  }

  async send(data: string | Uint8Array): Promise<number> {
    let bytes = typeof data === 'string' ? utf8Encoder.encode(data) : data.slice();
    const total = bytes.length;
    while (bytes.length) {
      if (this.#core.closed) throw this.#record(systemError('EPIPE', 'write'));
      const taken = this.#core.write(bytes);
      bytes = bytes.subarray(taken);
      if (bytes.length) await new Promise<void>((resolve) => (this.#space = resolve));
    }
    return total;
  }

  recv(): Promise<Received> {
    return this.#received.take();
  }

  async shutdown(): Promise<void> {
    this.#core.shutdown();
  }

  async close(): Promise<void> {
    this.#core.close();
  }

  localEndpoint(): Endpoint | null {
    return this.#core.localPort ? this.#core.localEndpoint() : null;
  }

  remoteEndpoint(): Endpoint | null {
    return this.#core.remoteEndpoint();
  }

  #record(error: SystemError): SystemError {
    return recordRaised(this.#ctx, this.#core.id, error);
  }

  // TcpUser: each settles a promise of the code awaiting this socket (see Clock.takeProgramRan).
  connected(): void {
    this.#ctx.stack.clock.markProgramRan();
    this.#connecting?.resolve();
    this.#connecting = null;
  }
  data(chunk: Uint8Array): void {
    this.#ctx.stack.clock.markProgramRan();
    this.#received.put({ data: chunk, text: utf8.decode(chunk), from: this.#core.remoteEndpoint()! });
  }
  ended(): void {
    this.#ctx.stack.clock.markProgramRan();
    this.#received.put({ data: new Uint8Array(0), text: '', from: this.#core.remoteEndpoint()! });
  }
  roomToSend(): void {
    this.#ctx.stack.clock.markProgramRan();
    const wake = this.#space;
    this.#space = null;
    wake?.();
  }
  failed(error: SystemError): void {
    this.#ctx.stack.clock.markProgramRan();
    this.#record(error);
    if (this.#connecting) this.#connecting.reject(error);
    this.#connecting = null;
    this.#received.fail(error);
    this.#incoming.fail(error);
  }
  incoming(child: TcpSocket): void {
    this.#ctx.stack.clock.markProgramRan();
    this.#incoming.put(child);
  }
}

class UdpExplicit implements ExplicitSocket, UdpUser {
  readonly protocol = 'udp' as const;
  readonly #ctx: FaceContext;
  readonly #core: UdpSocket;
  readonly #received = new Mailbox<Received>();

  constructor(ctx: FaceContext, core: UdpSocket) {
    this.#ctx = ctx;
    this.#core = core;
    core.user = this;
  }

  get id(): number {
    return this.#core.id;
  }

  async bind(ip: string, port: number): Promise<Endpoint> {
    const failure = this.#core.bind(ipOf(ip), port);
    if (failure) throw this.#record(systemError(failure, 'bind', ip, port));
    return this.#core.localEndpoint();
  }

  async listen(): Promise<void> {
    throw this.#record(systemError('EOPNOTSUPP', 'listen'));
  }

  async accept(): Promise<ExplicitSocket> {
    throw this.#record(systemError('EOPNOTSUPP', 'accept'));
  }

  async connect(ip: string, port: number): Promise<void> {
    const failure = this.#core.connect(ipOf(ip), port);
    if (failure) throw this.#record(systemError(failure, 'connect', ip, port));
  }

  async send(data: string | Uint8Array, to?: Endpoint): Promise<number> {
    const bytes = typeof data === 'string' ? utf8Encoder.encode(data) : data.slice();
    const target = to ?? this.#core.remoteEndpoint();
    if (!target) throw new TypeError('send(data, { ip, port }): a UDP socket that is not connected needs a destination');
    const failure = this.#core.send(bytes, ipOf(target.ip), target.port);
    if (failure) throw this.#record(systemError(failure, 'send', target.ip, target.port));
    return bytes.length;
  }

  recv(): Promise<Received> {
    return this.#received.take();
  }

  async shutdown(): Promise<void> {}

  async close(): Promise<void> {
    this.#core.close();
  }

  localEndpoint(): Endpoint | null {
    return this.#core.bound ? this.#core.localEndpoint() : null;
  }

  remoteEndpoint(): Endpoint | null {
    return this.#core.remoteEndpoint();
  }

  // UdpUser, as TcpUser above.
  message(payload: Uint8Array, fromIp: number, fromPort: number): void {
    this.#ctx.stack.clock.markProgramRan();
    this.#received.put({ data: payload, text: latin1.decode(payload).length ? utf8.decode(payload) : '', from: { ip: formatIpv4(fromIp), port: fromPort } });
  }

  failed(error: SystemError): void {
    this.#ctx.stack.clock.markProgramRan();
    this.#received.fail(this.#record(error));
  }

  #record(error: SystemError): SystemError {
    return recordRaised(this.#ctx, this.#core.id, error);
  }
}

export function bindExplicit(ctx: FaceContext): ExplicitSocketApi {
  return {
    socket(protocol: 'tcp' | 'udp'): ExplicitSocket {
      if (protocol === 'tcp') return new TcpExplicit(ctx, ctx.stack.newTcpSocket(ctx.host, ctx.process));
      if (protocol === 'udp') return new UdpExplicit(ctx, ctx.stack.newUdpSocket(ctx.host, ctx.process));
      throw new TypeError(`socket(protocol): expected 'tcp' or 'udp', got ${String(protocol)}`);
    },
  };
}

export { ANY };
