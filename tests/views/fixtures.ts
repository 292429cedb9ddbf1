/**
 * A small network written by hand in netsim's data shapes (types.ts): laptop 10.0.0.10 connects from port
 * 51234 to an echo server on web 10.0.0.2:7, sends "hello", gets it back, and closes; and one UDP query.
 */
import type { HostView, SocketRow, TcpFlag, TraceEvent } from '../../src/lib/netsim/types';

export const hosts: HostView[] = [
  {
    name: 'laptop',
    nics: [
      { index: 1, name: 'lo', mac: '00:00:00:00:00:00', ip: '127.0.0.1', prefix: 8, loopback: true },
      { index: 2, name: 'eth0', mac: '02:00:00:00:00:0a', ip: '10.0.0.10', prefix: 24, loopback: false },
    ],
    processes: [{ name: 'node', pid: 2001, runAs: 'user' }],
  },
  {
    name: 'web',
    nics: [
      { index: 1, name: 'lo', mac: '00:00:00:00:00:00', ip: '127.0.0.1', prefix: 8, loopback: true },
      { index: 2, name: 'eth0', mac: '02:00:00:00:00:02', ip: '10.0.0.2', prefix: 24, loopback: false },
    ],
    processes: [{ name: 'node', pid: 1001, runAs: 'root' }],
  },
];

const client = { ip: '10.0.0.10', port: 51234 };
const server = { ip: '10.0.0.2', port: 7 };
const CLIENT_ISN = 1000;
const SERVER_ISN = 5000;

let index = 0;
function tcp(at: number, fromClient: boolean, flags: TcpFlag[], seq: number, ack: number, payload = ''): TraceEvent {
  return {
    kind: 'tcp',
    index: index++,
    at,
    src: fromClient ? client : server,
    dst: fromClient ? server : client,
    flags,
    seq,
    ack,
    window: 64240,
    length: payload.length,
    preview: payload,
    connection: 1,
    fate: 'delivered',
  };
}
function socket(at: number, event: Omit<Extract<TraceEvent, { kind: 'socket' }>, 'kind' | 'index' | 'at'>): TraceEvent {
  return { kind: 'socket', index: index++, at, ...event };
}

const serverOwner = { name: 'node', pid: 1001, fd: 22, runAs: 'root' as const };
const clientOwner = { name: 'node', pid: 2001, fd: 21, runAs: 'user' as const };

export const echoTrace: TraceEvent[] = [
  socket(0, { socket: 1, host: 'web', protocol: 'tcp', change: 'open', owner: serverOwner }),
  socket(0, { socket: 1, host: 'web', protocol: 'tcp', change: 'bind', local: { ip: '0.0.0.0', port: 7 } }),
  socket(0, { socket: 1, host: 'web', protocol: 'tcp', change: 'listen' }),
  socket(1, { socket: 2, host: 'laptop', protocol: 'tcp', change: 'open', owner: clientOwner }),
  socket(1, { socket: 2, host: 'laptop', protocol: 'tcp', change: 'state', from: 'CLOSED', to: 'SYN-SENT', local: client, remote: server }),
  tcp(1, true, ['SYN'], CLIENT_ISN, 0), // 5
  tcp(1.5, false, ['SYN', 'ACK'], SERVER_ISN, CLIENT_ISN + 1),
  socket(2, { socket: 2, host: 'laptop', protocol: 'tcp', change: 'state', from: 'SYN-SENT', to: 'ESTABLISHED' }),
  tcp(2, true, ['ACK'], CLIENT_ISN + 1, SERVER_ISN + 1),
  socket(2.5, { socket: 3, host: 'web', protocol: 'tcp', change: 'state', from: 'SYN-RECEIVED', to: 'ESTABLISHED', local: server, remote: client, owner: { ...serverOwner, fd: 23 } }),
  tcp(3, true, ['PSH', 'ACK'], CLIENT_ISN + 1, SERVER_ISN + 1, 'hello'), // 10
  tcp(3.5, false, ['PSH', 'ACK'], SERVER_ISN + 1, CLIENT_ISN + 6, 'hello'),
  tcp(4, true, ['FIN', 'ACK'], CLIENT_ISN + 6, SERVER_ISN + 6),
  socket(4, { socket: 2, host: 'laptop', protocol: 'tcp', change: 'state', from: 'ESTABLISHED', to: 'FIN-WAIT-1' }),
  socket(4, { socket: 2, host: 'laptop', protocol: 'tcp', change: 'close' }),
  { kind: 'udp', index: index++, at: 5, src: { ip: '10.0.0.10', port: 40000 }, dst: { ip: '10.0.0.2', port: 53 }, length: 4, preview: 'ping', fate: 'delivered' }, // 15
  { kind: 'icmp', index: index++, at: 6, src: '10.0.0.10', dst: '10.0.0.2', type: 'echo-request', detail: 1, length: 64 },
  { kind: 'icmp', index: index++, at: 6.5, src: '10.0.0.2', dst: '10.0.0.10', type: 'echo-reply', detail: 1, length: 64 },
];

/** The socket table while the echo connection is established. */
export const establishedSockets: SocketRow[] = [
  { id: 1, host: 'web', protocol: 'tcp', state: 'LISTEN', local: { ip: '0.0.0.0', port: 7 }, remote: null, recvQ: 0, sendQ: 0, owner: serverOwner },
  { id: 3, host: 'web', protocol: 'tcp', state: 'ESTABLISHED', local: server, remote: client, recvQ: 0, sendQ: 0, owner: { ...serverOwner, fd: 23 } },
  { id: 2, host: 'laptop', protocol: 'tcp', state: 'ESTABLISHED', local: client, remote: server, recvQ: 0, sendQ: 0, owner: clientOwner },
  { id: 4, host: 'web', protocol: 'udp', state: 'UNCONN', local: { ip: '0.0.0.0', port: 53 }, remote: null, recvQ: 0, sendQ: 0, owner: serverOwner },
];
