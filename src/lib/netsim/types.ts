/**
 * The data contracts of netsim: everything that leaves the emulator (to the grader, the terminal, the
 * diagrams, across a worker boundary) is one of these plain, JSON-serialisable shapes.
 *
 * These names are shared by every part of the course; change them here and in every reader together.
 */

/** A dotted-quad IPv4 address, e.g. `10.0.0.2`. */
export type Ipv4 = string;

/** One end of a link: an IP address and a port. `0.0.0.0` means "every address of this host". */
export interface Endpoint {
  ip: Ipv4;
  port: number;
}

// ───────────────────────────── topology (input) ─────────────────────────────

/** A network interface card as an exercise declares it. `lo` is added by netsim; do not declare it. */
export interface NicSpec {
  /** Interface name as `ip addr` prints it: `eth0`, `eth1`, `wlan0`. */
  name: string;
  /** `aa:bb:cc:dd:ee:ff`; netsim derives one from the seed when omitted. */
  mac?: string;
  /** IPv4 address of this card, e.g. `10.0.0.2`. */
  ip: Ipv4;
  /** Prefix length of its subnet, e.g. 24 for 10.0.0.0/24. */
  prefix: number;
}

export interface HostSpec {
  /** Host name; resolvable from every host, as `/etc/hosts` would make it. */
  name: string;
  nics: NicSpec[];
  /** Extra names that resolve to this host's first NIC (e.g. `www`). */
  aliases?: string[];
  /** Default gateway (an address on one of this host's subnets), for reaching other subnets. */
  gateway?: Ipv4;
  /** A router forwards packets between its NICs' subnets. */
  forwarding?: boolean;
  /**
   * A host that silently drops every incoming TCP SYN (a firewall), so a connect to it times out with
   * ETIMEDOUT instead of being refused.
   */
  dropsIncoming?: boolean;
}

/** A whole network, as an exercise declares it. JSON-serialisable. */
export interface TopologySpec {
  version: 1;
  hosts: HostSpec[];
  /**
   * One-way latency of a link between two hosts, in virtual milliseconds (default 0.5). Loopback is not a
   * link: it stays near-instant (0.0625 ms), as on Linux.
   */
  latencyMs?: number;
  /**
   * How much each packet's delay on a link varies around `latencyMs`: uniformly within ±jitterMs, drawn from
   * the seed (default: half the latency, 0.25 ms). Each direction of a link stays first in, first out, so
   * jitter changes the spacing of packets, never their order. 0 gives every packet exactly `latencyMs`.
   */
  jitterMs?: number;
  /** Seed for every random choice (ephemeral ports, initial sequence numbers, MACs). Default 1. */
  seed?: number;
}

// ───────────────────────────── observation (output) ─────────────────────────────

/** TCP states as RFC 9293 names them and `ss` prints them (`ss` abbreviates ESTABLISHED to ESTAB). */
export type TcpState =
  | 'LISTEN'
  | 'SYN-SENT'
  | 'SYN-RECEIVED'
  | 'ESTABLISHED'
  | 'FIN-WAIT-1'
  | 'FIN-WAIT-2'
  | 'CLOSE-WAIT'
  | 'CLOSING'
  | 'LAST-ACK'
  | 'TIME-WAIT'
  | 'CLOSED';

/** A UDP socket's state as `ss` prints it: bound but not connected. */
export type UdpState = 'UNCONN' | 'ESTAB';

/**
 * Who a program runs as on its host. Root may bind any port; a normal user may not bind a port below 1024
 * (Linux's `net.ipv4.ip_unprivileged_port_start`): `bind()` fails with EACCES.
 */
export type RunAs = 'root' | 'user';

/** The program that owns a socket, as `ss -p` shows it: `users:(("node",pid=4242,fd=22))`, and who it runs as. */
export interface SocketOwner {
  name: string;
  pid: number;
  fd: number;
  runAs: RunAs;
}

/** One line of the socket table, as `ss -tuanp` shows it for one host. */
export interface SocketRow {
  /** Stable id of the socket within one network (survives state changes). */
  id: number;
  host: string;
  protocol: 'tcp' | 'udp';
  state: TcpState | UdpState;
  local: Endpoint;
  /** The peer; `null` for a listening TCP socket or an unconnected UDP socket (`ss` prints `0.0.0.0:*`). */
  remote: Endpoint | null;
  /** Bytes received but not yet read by the application. */
  recvQ: number;
  /** Bytes written but not yet acknowledged by the peer. */
  sendQ: number;
  /** `null` once the owner is gone (TIME-WAIT sockets belong to the kernel). */
  owner: SocketOwner | null;
}

export type TcpFlag = 'SYN' | 'ACK' | 'FIN' | 'RST' | 'PSH';

/** What crossed a wire (or the loopback), or what changed in a socket, at one virtual instant. */
export type TraceEvent =
  | TcpSegmentEvent
  | UdpDatagramEvent
  | IcmpEvent
  | ArpEvent
  | SocketStateEvent;

interface TraceBase {
  /** Position in the trace, from 0: unique and increasing. */
  index: number;
  /** Virtual time in milliseconds since the network started. */
  at: number;
}

export interface TcpSegmentEvent extends TraceBase {
  kind: 'tcp';
  src: Endpoint;
  dst: Endpoint;
  flags: TcpFlag[];
  /** Absolute sequence and acknowledgement numbers (tcpdump prints them relative after the SYN). */
  seq: number;
  ack: number;
  window: number;
  /** Payload length in bytes. */
  length: number;
  /** The first bytes of the payload as text, non-printable bytes as `.` (at most 64 characters). */
  preview: string;
  /** Id shared by every segment of one connection (both directions). */
  connection: number;
  /** What happened to the segment: delivered, or dropped (no host has that address, firewall). */
  fate: 'delivered' | 'dropped';
}

export interface UdpDatagramEvent extends TraceBase {
  kind: 'udp';
  src: Endpoint;
  dst: Endpoint;
  length: number;
  preview: string;
  fate: 'delivered' | 'dropped';
}

/** ICMP: echo request/reply (ping), and "port unreachable" answering a datagram to a closed UDP port. */
export interface IcmpEvent extends TraceBase {
  kind: 'icmp';
  src: Ipv4;
  dst: Ipv4;
  type: 'echo-request' | 'echo-reply' | 'port-unreachable' | 'host-unreachable';
  /** For echo: the icmp_seq; for unreachable: the port of the datagram that caused it. */
  detail: number;
  /**
   * The ICMP message's length in bytes, as tcpdump prints it: 64 for ping's echoes; for an error, its 8-byte
   * header plus the quoted packet (IP header, transport header, payload), e.g. 40 for a 4-byte datagram.
   */
  length: number;
}

/** An ARP question on a subnet ("who has 10.0.0.3?") and whether it was answered. */
export interface ArpEvent extends TraceBase {
  kind: 'arp';
  host: string;
  target: Ipv4;
  answered: boolean;
}

/** A socket was created, bound, started listening, changed TCP state, or was closed. */
export interface SocketStateEvent extends TraceBase {
  kind: 'socket';
  socket: number;
  host: string;
  protocol: 'tcp' | 'udp';
  change: 'open' | 'bind' | 'listen' | 'state' | 'close';
  /** For `state`: the transition, as `ss` would name the states. */
  from?: TcpState;
  to?: TcpState;
  local?: Endpoint;
  remote?: Endpoint;
  owner?: SocketOwner | null;
}

/** A host as `ip addr` and the diagrams show it. */
export interface HostView {
  name: string;
  nics: NicView[];
  /** The default gateway, when the host has one (`ip route` prints it as `default via …`). */
  gateway?: Ipv4;
  processes: { name: string; pid: number; runAs: RunAs }[];
}

export interface NicView {
  /** 1 for `lo`, then 2, 3… in declaration order: the index `ip addr` prints. */
  index: number;
  name: string;
  mac: string;
  ip: Ipv4;
  prefix: number;
  loopback: boolean;
}

/** Everything an observer needs to draw or grade the network at one instant. JSON-serialisable. */
export interface NetworkSnapshot {
  version: 1;
  /** Virtual time in milliseconds. */
  at: number;
  hosts: HostView[];
  sockets: SocketRow[];
  trace: TraceEvent[];
}

/** Node's system error codes that netsim raises, with the numeric `errno` Node reports on Linux. */
export const ERRNO = {
  EACCES: -13,
  EADDRINUSE: -98,
  EADDRNOTAVAIL: -99,
  ECONNREFUSED: -111,
  ECONNRESET: -104,
  EPIPE: -32,
  EHOSTUNREACH: -113,
  ENETUNREACH: -101,
  ETIMEDOUT: -110,
  EINVAL: -22,
  ENOTCONN: -107,
  EBADF: -9,
  EOPNOTSUPP: -95,
  EMSGSIZE: -90,
  ENOENT: -2,
} as const;

export type Errno = keyof typeof ERRNO;

/**
 * Everything one socket carried in its life, for the grader ("these bytes reached that side") and the
 * terminal. Kept for closed sockets too. Text is decoded as latin1 so every byte maps to one character.
 */
export interface StreamRecord {
  socket: number;
  host: string;
  protocol: 'tcp' | 'udp';
  /** Role of the socket: a listening socket, one accepted by a server, or one that connected out. */
  role: 'listener' | 'accepted' | 'connector' | 'datagram';
  local: Endpoint;
  remote: Endpoint | null;
  owner: SocketOwner | null;
  /** Bytes the application received on this socket (first 64 KiB kept as text) and their total count. */
  received: string;
  receivedBytes: number;
  sent: string;
  sentBytes: number;
  /** The socket's last state (`CLOSED` once fully closed). */
  state: TcpState | UdpState | 'CLOSED';
}

/** An error netsim raised to a program, and whether the program had an `'error'` listener for it. */
export interface SocketErrorRecord {
  at: number;
  host: string;
  pid: number;
  socket: number | null;
  code: string;
  syscall: string;
  message: string;
  /**
   * `false` when the process died of this very error (no `'error'` listener, or a listener that threw it
   * again). Decided by netsim from what happened, never from the program's own objects.
   */
  handled: boolean;
}

/** How a process ended, as netsim saw it. */
export interface ProcessFate {
  at: number;
  host: string;
  pid: number;
  name: string;
  /** `exited`: it called `process.exit()`; `crashed`: an exception nobody caught ended it. */
  how: 'exited' | 'crashed';
  /** The exit code (`process.exit(code)`, 1 for a crash). */
  code: number;
}
