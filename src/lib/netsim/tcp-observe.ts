/** What observers read of a TCP socket: its `ss` row, its stream record, and its trace events. */
import type { TraceInput } from './observe';
import type { TcpRole } from './tcp-control';
import type { ReceiveSide } from './tcp-receive';
import type { SendSide } from './tcp-send';
import type { Endpoint, SocketOwner, SocketRow, StreamRecord, TcpState } from './types';

/** A TCP socket as observers see it (tcp.ts's TcpSocket is one). */
export interface TcpView {
  readonly id: number;
  readonly host: { readonly name: string };
  readonly role: TcpRole;
  /** Listeners: connections waiting to be accepted; others: bytes the application has not read. */
  readonly recvQ: number;
  /** Listeners: the backlog; others: bytes not yet acknowledged by the peer. */
  readonly sendQ: number;
  localEndpoint(): Endpoint;
  remoteEndpoint(): Endpoint | null;
}

export function stateEvent(socket: TcpView, from: TcpState, to: TcpState, owner: SocketOwner | null): TraceInput {
  return {
    kind: 'socket',
    socket: socket.id,
    host: socket.host.name,
    protocol: 'tcp',
    change: 'state',
    from,
    to,
    local: socket.localEndpoint(),
    remote: socket.remoteEndpoint() ?? undefined,
    owner,
  };
}

/** A bind, listen or close of `socket` for the trace (a closed socket has no owner left to show). */
export function socketChange(socket: TcpView, change: 'bind' | 'listen' | 'close', owner: SocketOwner | null): TraceInput {
  const event = { kind: 'socket', socket: socket.id, host: socket.host.name, protocol: 'tcp', change, local: socket.localEndpoint() } as const;
  return change === 'close' ? event : { ...event, owner };
}

export function socketRow(socket: TcpView, state: TcpState, owner: SocketOwner | null): SocketRow {
  return {
    id: socket.id,
    host: socket.host.name,
    protocol: 'tcp',
    state: state === 'CLOSED' ? 'UNCONN' : state,
    local: socket.localEndpoint(),
    remote: state === 'LISTEN' ? null : socket.remoteEndpoint(),
    recvQ: socket.recvQ,
    sendQ: socket.sendQ,
    owner,
  };
}

export function socketStream(socket: TcpView, state: TcpState, firstOwner: SocketOwner | null, send: SendSide, receive: ReceiveSide): StreamRecord {
  return {
    socket: socket.id,
    host: socket.host.name,
    protocol: 'tcp',
    role: socket.role,
    local: socket.localEndpoint(),
    remote: socket.role === 'listener' ? null : socket.remoteEndpoint(),
    owner: firstOwner,
    received: receive.text?.text ?? '',
    receivedBytes: receive.total,
    sent: send.text?.text ?? '',
    sentBytes: send.bytes,
    state,
  };
}
