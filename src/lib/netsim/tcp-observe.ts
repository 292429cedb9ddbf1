/** What observers read of a TCP socket: its `ss` row, its stream record, and its state-change trace event. */
import type { TraceInput } from './observe';
import type { TcpSocket } from './tcp';
import type { ReceiveSide } from './tcp-receive';
import type { SendSide } from './tcp-send';
import type { SocketOwner, SocketRow, StreamRecord, TcpState } from './types';

/** How the socket came to be: it listens, a listener accepted it, or it connected out. */
export type TcpRole = 'listener' | 'accepted' | 'connector';

export function stateEvent(socket: TcpSocket, from: TcpState, to: TcpState, owner: SocketOwner | null): TraceInput {
  return {
    kind: 'socket',
    socket: socket.id,
    host: socket.host.node.name,
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
export function socketChange(socket: TcpSocket, change: 'bind' | 'listen' | 'close'): TraceInput {
  const event = { kind: 'socket', socket: socket.id, host: socket.host.node.name, protocol: 'tcp', change, local: socket.localEndpoint() } as const;
  return change === 'close' ? event : { ...event, owner: socket.control.descriptor.row };
}

export function socketRow(socket: TcpSocket, state: TcpState, owner: SocketOwner | null): SocketRow {
  return {
    id: socket.id,
    host: socket.host.node.name,
    protocol: 'tcp',
    state: state === 'CLOSED' ? 'UNCONN' : state,
    local: socket.localEndpoint(),
    remote: state === 'LISTEN' ? null : socket.remoteEndpoint(),
    recvQ: socket.recvQ,
    sendQ: socket.sendQ,
    owner,
  };
}

export function socketStream(socket: TcpSocket, state: TcpState, firstOwner: SocketOwner | null, send: SendSide, receive: ReceiveSide): StreamRecord {
  return {
    socket: socket.id,
    host: socket.host.node.name,
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
