/** UDP: bound sockets, datagrams demultiplexed by port, ICMP port-unreachable for closed ports. */
import { ANY } from './addresses';
import { systemError, type SystemError } from './errors';
import { StreamText, type ObservedSocket, type Recorder } from './observe';
import type { ProcessCore } from './owner';
import type { Datagram, DatagramOut } from './packets';
import { bindPermission, type AddressBook, type PortHolder, type PortTable } from './ports';
import type { Endpoint, Errno, SocketOwner, SocketRow, StreamRecord } from './types';

export interface UdpUser {
  message(payload: Uint8Array, fromIp: number, fromPort: number): void;
  /** A connected socket learnt (through ICMP) that nobody listens at its peer: ECONNREFUSED. */
  failed(error: SystemError): void;
}

/** What a UDP socket needs of the host it lives on (network.ts's hosts provide it). */
export interface UdpHost extends AddressBook, DatagramOut {
  /** The host's name, for the trace and the socket table. */
  readonly name: string;
  /** Bound sockets by port. */
  readonly udp: PortTable<UdpSocket>;
  readonly recorder: Recorder;
}

export class UdpSocket implements PortHolder, ObservedSocket {
  localIp = ANY;
  localPort = 0;
  remoteIp = 0;
  remotePort = 0;
  fd = -1;
  user: UdpUser | null = null;
  #bound = false;
  #gone = false;
  #owner: ProcessCore | null;
  #firstOwner: SocketOwner | null = null;
  #sentText: StreamText | null = null;
  #sentBytes = 0;
  #receivedText: StreamText | null = null;
  #receivedBytes = 0;

  constructor(
    readonly id: number,
    /** @internal */
    readonly host: UdpHost,
    owner: ProcessCore | null,
  ) {
    this.#owner = owner;
    if (owner) {
      this.fd = owner.openFd();
      this.#firstOwner = owner.owner(this.fd);
    }
    host.recorder.track(this);
    host.recorder.record({ kind: 'socket', socket: id, host: host.name, protocol: 'udp', change: 'open', owner: this.#firstOwner });
  }

  get bound(): boolean {
    return this.#bound;
  }

  get connected(): boolean {
    return this.remotePort !== 0;
  }

  get closed(): boolean {
    return this.#gone;
  }

  bind(ip: number, port: number): Errno | null {
    if (this.#gone) return 'EBADF';
    if (this.#bound) return 'EINVAL';
    if (ip !== ANY && !this.host.ownsAddress(ip)) return 'EADDRNOTAVAIL';
    const denied = bindPermission(port, this.#owner?.runAs);
    if (denied) return denied;
    if (port === 0) {
      const chosen = this.host.udp.ephemeralPort(this.host.random);
      if (chosen === undefined) return 'EADDRINUSE';
      port = chosen;
    } else if (this.host.udp.conflict(ip, port)) return 'EADDRINUSE';
    this.localIp = ip;
    this.localPort = port;
    this.#bound = true;
    this.host.udp.bind(this);
    this.host.recorder.record({ kind: 'socket', socket: this.id, host: this.host.name, protocol: 'udp', change: 'bind', local: this.localEndpoint(), owner: this.#ownerRow() });
    return null;
  }

  /** Fixes the peer: `send` needs no address and only the peer's datagrams are received. */
  connect(ip: number, port: number): Errno | null {
    if (!this.#bound) {
      const failure = this.bind(ANY, 0);
      if (failure) return failure;
    }
    if (this.host.sourceAddressFor(ip) === null) return 'ENETUNREACH';
    this.remoteIp = ip;
    this.remotePort = port;
    return null;
  }

  disconnect(): void {
    this.remoteIp = 0;
    this.remotePort = 0;
  }

  send(payload: Uint8Array, ip: number, port: number): Errno | null {
    if (!this.#bound) {
      const failure = this.bind(ANY, 0);
      if (failure) return failure;
    }
    const source = this.host.sourceAddressFor(ip);
    if (source === null) return 'ENETUNREACH';
    (this.#sentText ??= new StreamText()).append(payload);
    this.#sentBytes += payload.length;
    const datagram: Datagram = { srcIp: this.localIp === ANY ? source : this.localIp, srcPort: this.localPort, dstIp: ip, dstPort: port, payload };
    this.host.sendDatagram(datagram);
    return null;
  }

  /** A datagram for this socket arrived. */
  receive(datagram: Datagram): void {
    (this.#receivedText ??= new StreamText()).append(datagram.payload);
    this.#receivedBytes += datagram.payload.length;
    this.user?.message(datagram.payload, datagram.srcIp, datagram.srcPort);
  }

  /** ICMP port-unreachable came back for a datagram this socket sent. Only a connected socket hears it. */
  portUnreachable(ip: number, port: number): void {
    if (this.connected && ip === this.remoteIp && port === this.remotePort) this.user?.failed(systemError('ECONNREFUSED', 'recvmsg'));
  }

  close(): void {
    if (this.#gone) return;
    this.#gone = true;
    if (this.#bound) this.host.udp.unbind(this);
    if (this.#owner) this.#owner.closeFd(this.fd);
    this.#owner = null;
    this.user = null;
    this.host.recorder.untrack(this);
    this.host.recorder.record({ kind: 'socket', socket: this.id, host: this.host.name, protocol: 'udp', change: 'close', local: this.localEndpoint() });
  }

  localEndpoint(): Endpoint {
    return this.host.recorder.endpoint(this.localIp, this.localPort);
  }

  remoteEndpoint(): Endpoint | null {
    return this.remotePort ? this.host.recorder.endpoint(this.remoteIp, this.remotePort) : null;
  }

  #ownerRow(): SocketOwner | null {
    return this.#owner ? this.#owner.owner(this.fd) : null;
  }

  row(): SocketRow | null {
    if (this.#gone || !this.#bound) return null;
    return {
      id: this.id,
      host: this.host.name,
      protocol: 'udp',
      state: this.connected ? 'ESTAB' : 'UNCONN',
      local: this.localEndpoint(),
      remote: this.remoteEndpoint(),
      recvQ: 0,
      sendQ: 0,
      owner: this.#ownerRow(),
    };
  }

  stream(): StreamRecord {
    return {
      socket: this.id,
      host: this.host.name,
      protocol: 'udp',
      role: 'datagram',
      local: this.localEndpoint(),
      remote: this.remoteEndpoint(),
      owner: this.#firstOwner,
      received: this.#receivedText?.text ?? '',
      receivedBytes: this.#receivedBytes,
      sent: this.#sentText?.text ?? '',
      sentBytes: this.#sentBytes,
      state: this.#gone ? 'CLOSED' : this.connected ? 'ESTAB' : 'UNCONN',
    };
  }
}
