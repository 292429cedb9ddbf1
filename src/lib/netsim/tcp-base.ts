/**
 * What a TCP socket holds, and what the application does with it that changes no state: its addresses,
 * its send and receive sides, its control block, the figures `ss` and the `net` face read, accepting
 * and adopting. The state machine, with its one `#setState`, is TcpSocket's (tcp.ts).
 *
 * At most 12 own fields, all set in the constructor, the rest grouped by idea in the three parts: V8 gives
 * an object whose fields it cannot place inside it a property dictionary once they pass 12, and 20,000
 * sockets with a dictionary each cost 40 MB more. (TcpSocket adds one: its state.)
 */
import { ANY } from './addresses';
import type { HostRuntime, Stack } from './network';
import type { ProcessCore } from './owner';
import type { PortHolder } from './ports';
import { ControlBlock } from './tcp-control';
import { ReceiveSide } from './tcp-receive';
import { SendSide } from './tcp-send';
import type { TcpSocket, TcpUser } from './tcp';
import type { TcpRole } from './tcp-observe';
import type { Endpoint, TcpState } from './types';

export abstract class TcpSocketBase implements PortHolder {
  localIp = ANY;
  localPort = 0;
  remoteIp = 0;
  remotePort = 0;
  /** @internal The sequence space and the bytes waiting to go (tcp-send.ts). */
  readonly sendSide = new SendSide();
  /** @internal The bytes that arrived and wait for the application (tcp-receive.ts). */
  readonly receiveSide = new ReceiveSide();
  /** @internal Everything else RFC 9293 keeps in the control block (tcp-control.ts). */
  readonly control = new ControlBlock();

  constructor(
    readonly id: number,
    readonly host: HostRuntime,
    /** @internal */
    readonly stack: Stack,
  ) {}

  abstract get state(): TcpState;

  get role(): TcpRole {
    return this.control.role;
  }
  set role(role: TcpRole) {
    this.control.role = role;
  }
  /** Who hears about this connection: the `net` face or the explicit API. */
  get user(): TcpUser | null {
    return this.control.user;
  }
  set user(user: TcpUser | null) {
    this.control.user = user;
  }
  /** Connection id for the trace (both ends share the connector's socket id). */
  get connection(): number {
    return this.control.connection;
  }
  set connection(id: number) {
    this.control.connection = id;
  }

  get owner(): ProcessCore | null {
    return this.control.descriptor.process;
  }
  get fd(): number {
    return this.control.descriptor.fd;
  }
  /** Listeners: how many connections may wait to be accepted. */
  get backlog(): number {
    return this.control.accept?.backlog ?? 511;
  }
  get acceptQueue(): readonly TcpSocket[] {
    return this.control.accept?.waiting ?? [];
  }
  /** Listeners: connections waiting to be accepted; others: bytes the application has not read. */
  get recvQ(): number {
    return this.state === 'LISTEN' ? this.control.accept!.waiting.length : this.receiveSide.bytes;
  }
  /** Listeners: the backlog; others: bytes not yet acknowledged by the peer. */
  get sendQ(): number {
    return this.state === 'LISTEN' ? this.control.accept!.backlog : this.sendSide.queued;
  }
  /** Free room in the send buffer: what `write` would accept now. */
  get sendSpace(): number {
    return this.sendSide.room;
  }
  get bytesSent(): number {
    return this.sendSide.bytes;
  }
  get bytesReceived(): number {
    return this.receiveSide.total;
  }
  get closed(): boolean {
    return this.control.gone;
  }

  /** Listeners: hands the oldest waiting connection to the application. */
  accept(): TcpSocket | undefined {
    return this.control.accept?.take();
  }

  /** Makes this socket belong to a process (an accepted connection gets the server's owner). */
  adopt(owner: ProcessCore): void {
    this.control.descriptor.open(owner);
  }

  localEndpoint(): Endpoint {
    return this.stack.recorder.endpoint(this.localIp, this.localPort);
  }

  remoteEndpoint(): Endpoint | null {
    return this.remotePort ? this.stack.recorder.endpoint(this.remoteIp, this.remotePort) : null;
  }
}
