/**
 * One tcpdump line per packet, as `tcpdump` prints it without -v. netsim's segments carry no TCP options,
 * so the `options […]` part is absent; times are virtual, printed as a time of day from a fixed base.
 */
import type { IcmpEvent, TcpFlag, TcpSegmentEvent, TraceEvent, UdpDatagramEvent, ArpEvent } from '../../netsim/types';
import { serviceName } from '../services';

/** Virtual time 0 is printed as this time of day (09:00:00.000000), so captures read like real ones. */
export const TCPDUMP_BASE_SECONDS = 9 * 3600;

export function tcpdumpTime(atMs: number): string {
  const micros = Math.round(atMs * 1000) + TCPDUMP_BASE_SECONDS * 1_000_000;
  const seconds = Math.floor(micros / 1_000_000) % 86400;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

/** tcpdump's flag letters, in its order: S F P R then `.` for ACK. */
export function tcpdumpFlags(flags: readonly TcpFlag[]): string {
  let out = '';
  if (flags.includes('SYN')) out += 'S';
  if (flags.includes('FIN')) out += 'F';
  if (flags.includes('PSH')) out += 'P';
  if (flags.includes('RST')) out += 'R';
  if (flags.includes('ACK')) out += '.';
  return out === '' ? 'none' : out;
}

export interface TcpdumpNames {
  /** -n: no names; otherwise addresses by host name and ports by service. */
  numeric: boolean;
  hostName?: (ip: string) => string | undefined;
  /** MAC address of an IP, for ARP replies. */
  macOf?: (ip: string) => string | undefined;
  /** The address that asked, for ARP requests (`tell 10.0.0.10`). */
  arpSender?: (event: ArpEvent) => string | undefined;
}

const HTTP_FIRST_LINE = /^(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH) \S+ HTTP\/1\.[01]|^HTTP\/1\.[01] \d{3}/;

/**
 * Formats trace events as tcpdump lines. Keeps each connection's initial sequence numbers, so that after
 * the SYNs seq and ack are printed relative, as tcpdump does by default.
 */
export class TcpdumpFormatter {
  private readonly initialSeq = new Map<string, number>();

  constructor(private readonly names: TcpdumpNames) {}

  /** The line for an event, or undefined for events that are not packets (socket changes). */
  format(event: TraceEvent): string | undefined {
    switch (event.kind) {
      case 'tcp':
        return `${tcpdumpTime(event.at)} IP ${this.tcp(event)}`;
      case 'udp':
        return `${tcpdumpTime(event.at)} IP ${this.udp(event)}`;
      case 'icmp':
        return `${tcpdumpTime(event.at)} IP ${this.icmp(event)}`;
      case 'arp':
        return `${tcpdumpTime(event.at)} ${this.arp(event)}`;
      case 'socket':
        return undefined;
      default: {
        const never: never = event;
        return never;
      }
    }
  }

  private host(ip: string): string {
    return this.names.numeric ? ip : this.names.hostName?.(ip) ?? ip;
  }

  private endpoint(protocol: 'tcp' | 'udp', ip: string, port: number): string {
    const portText = this.names.numeric ? String(port) : serviceName(protocol, port) ?? String(port);
    return `${this.host(ip)}.${portText}`;
  }

  private tcp(e: TcpSegmentEvent): string {
    const from = `${e.src.ip}:${e.src.port}`;
    const to = `${e.dst.ip}:${e.dst.port}`;
    const syn = e.flags.includes('SYN');
    if (syn) this.initialSeq.set(from, e.seq);
    const mine = this.initialSeq.get(from);
    const theirs = this.initialSeq.get(to);
    // Relative numbers once both sides' SYNs were seen, and never on a SYN itself.
    const relative = !syn && mine !== undefined && theirs !== undefined;
    const seq = (e.seq - (relative ? mine : 0)) >>> 0;
    const ack = (e.ack - (relative ? theirs : 0)) >>> 0;
    let line = `${this.endpoint('tcp', e.src.ip, e.src.port)} > ${this.endpoint('tcp', e.dst.ip, e.dst.port)}: Flags [${tcpdumpFlags(e.flags)}]`;
    if (syn || e.flags.includes('FIN') || e.flags.includes('RST') || e.length > 0) {
      line += `, seq ${seq}${e.length > 0 ? `:${(seq + e.length) >>> 0}` : ''}`;
    }
    if (e.flags.includes('ACK')) line += `, ack ${ack}`;
    line += `, win ${e.window}, length ${e.length}`;
    if (e.length > 0 && (e.src.port === 80 || e.dst.port === 80)) {
      const firstLine = e.preview.split(/\r?\n/)[0] ?? '';
      line += HTTP_FIRST_LINE.test(firstLine) ? `: HTTP: ${firstLine}` : ': HTTP';
    }
    return line;
  }

  private udp(e: UdpDatagramEvent): string {
    const head = `${this.endpoint('udp', e.src.ip, e.src.port)} > ${this.endpoint('udp', e.dst.ip, e.dst.port)}:`;
    // Port 53 is decoded as DNS; anything shorter than a DNS header is reported as tcpdump reports it.
    if ((e.src.port === 53 || e.dst.port === 53) && e.length < 12) return `${head} domain [length ${e.length} < 12] (invalid)`;
    return `${head} UDP, length ${e.length}`;
  }

  private icmp(e: IcmpEvent): string {
    const head = `${this.host(e.src)} > ${this.host(e.dst)}: ICMP`;
    switch (e.type) {
      case 'echo-request':
        return `${head} echo request, id 1, seq ${e.detail}, length ${e.length}`;
      case 'echo-reply':
        return `${head} echo reply, id 1, seq ${e.detail}, length ${e.length}`;
      case 'port-unreachable':
        return `${head} ${this.host(e.src)} udp port ${e.detail} unreachable, length ${e.length}`;
      case 'host-unreachable':
        return `${head} host ${this.host(e.dst)} unreachable, length ${e.length}`;
      default: {
        const never: never = e.type;
        return never;
      }
    }
  }

  /** The broadcast request; `formatArpReply` prints the answer. ARP over Ethernet is 28 bytes. */
  private arp(e: ArpEvent): string {
    const sender = this.names.arpSender?.(e) ?? e.host;
    return `ARP, Request who-has ${this.host(e.target)} tell ${this.host(sender)}, length 28`;
  }

  /**
   * The answer to an ARP request, sent back to the asker alone: `ARP, Reply 10.0.0.2 is-at 56:a1:…, length 28`.
   * Without -n tcpdump names the maker from the MAC's first three bytes when it knows them; it knows few.
   */
  formatArpReply(e: ArpEvent): string {
    const mac = this.names.macOf?.(e.target) ?? '00:00:00:00:00:00';
    return `${tcpdumpTime(e.at)} ARP, Reply ${this.host(e.target)} is-at ${mac}${this.names.numeric ? '' : ' (oui Unknown)'}, length 28`;
  }
}
