/**
 * Hosts and their NICs, built from a TopologySpec: validation with actionable messages, routing (which
 * card, which next hop) and name resolution as /etc/hosts does it.
 */
import { formatIpv4, isIpv4, isLoopback, LOOPBACK, maskOf, parseIpv4, sameSubnet } from './addresses';
import type { Random } from './random';
import type { HostSpec, NicView, TopologySpec } from './types';

export interface Nic {
  index: number;
  name: string;
  mac: string;
  ip: number;
  ipText: string;
  prefix: number;
  loopback: boolean;
}

export interface HostNode {
  name: string;
  nics: Nic[];
  aliases: string[];
  gateway: number | null;
  forwarding: boolean;
  dropsIncoming: boolean;
}

/** Where a packet goes from a host: delivered locally over `lo`, or out of a card toward a next hop. */
export type Route =
  | { kind: 'local' }
  | { kind: 'nic'; nic: Nic; nextHop: number }
  | { kind: 'none' };

function fail(message: string): never {
  throw new Error(`Invalid topology: ${message}`);
}

function macFor(random: Random): string {
  const bytes = [0x02, random.int(0, 255), random.int(0, 255), random.int(0, 255), random.int(0, 255), random.int(0, 255)];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export function buildHosts(spec: TopologySpec, random: Random): HostNode[] {
  if (!spec || spec.version !== 1) fail('expected { version: 1, hosts: [...] }');
  if (!Array.isArray(spec.hosts) || spec.hosts.length === 0) fail('"hosts" must be a non-empty array');
  const names = new Set<string>();
  const ips = new Set<string>();
  const hosts = spec.hosts.map((h: HostSpec) => {
    if (!h.name || typeof h.name !== 'string') fail('every host needs a "name"');
    for (const n of [h.name, ...(h.aliases ?? [])]) {
      if (names.has(n)) fail(`the name "${n}" is used twice`);
      names.add(n);
    }
    const nics: Nic[] = [
      { index: 1, name: 'lo', mac: '00:00:00:00:00:00', ip: LOOPBACK, ipText: '127.0.0.1', prefix: 8, loopback: true },
    ];
    (h.nics ?? []).forEach((n, i) => {
      if (n.name === 'lo') fail(`host "${h.name}" declares "lo": netsim adds the loopback itself, remove it`);
      if (!isIpv4(n.ip)) fail(`host "${h.name}" ${n.name}: "${n.ip}" is not an IPv4 address like 10.0.0.2`);
      if (!Number.isInteger(n.prefix) || n.prefix < 1 || n.prefix > 32) fail(`host "${h.name}" ${n.name}: prefix must be 1..32 (e.g. 24)`);
      if (ips.has(n.ip)) fail(`the address ${n.ip} is given to two NICs`);
      ips.add(n.ip);
      nics.push({ index: i + 2, name: n.name, mac: n.mac ?? macFor(random), ip: parseIpv4(n.ip), ipText: n.ip, prefix: n.prefix, loopback: false });
    });
    let gateway: number | null = null;
    if (h.gateway !== undefined) {
      if (!isIpv4(h.gateway)) fail(`host "${h.name}": gateway "${h.gateway}" is not an IPv4 address`);
      gateway = parseIpv4(h.gateway);
      if (!nics.some((n) => !n.loopback && sameSubnet(n.ip, gateway!, n.prefix)))
        fail(`host "${h.name}": gateway ${h.gateway} is on none of its subnets`);
    }
    return { name: h.name, nics, aliases: h.aliases ?? [], gateway, forwarding: !!h.forwarding, dropsIncoming: !!h.dropsIncoming };
  });
  return hosts;
}

/** Linux's route lookup, reduced: own address → lo; a connected subnet (longest prefix) → that card; else the gateway. */
export function routeFrom(host: HostNode, dst: number): Route {
  if (isLoopback(dst)) return { kind: 'local' };
  let best: Nic | null = null;
  for (const nic of host.nics) {
    if (nic.ip === dst) return { kind: 'local' };
    if (!nic.loopback && sameSubnet(nic.ip, dst, nic.prefix) && (!best || nic.prefix > best.prefix)) best = nic;
  }
  if (best) return { kind: 'nic', nic: best, nextHop: dst };
  if (host.gateway !== null) {
    for (const nic of host.nics) {
      if (!nic.loopback && sameSubnet(nic.ip, host.gateway, nic.prefix)) return { kind: 'nic', nic, nextHop: host.gateway };
    }
  }
  return { kind: 'none' };
}

/** The host that answers ARP for `ip` on the subnet of `nic`, if any. */
export function neighbour(hosts: readonly HostNode[], nic: Nic, ip: number): HostNode | undefined {
  const mask = maskOf(nic.prefix);
  for (const host of hosts) {
    for (const other of host.nics) {
      if (other.ip === ip && !other.loopback && ((other.ip & mask) >>> 0) === ((nic.ip & mask) >>> 0)) return host;
    }
  }
  return undefined;
}

export function hasAddress(host: HostNode, ip: number): boolean {
  if (isLoopback(ip)) return true;
  for (const nic of host.nics) if (nic.ip === ip) return true;
  return false;
}

/** /etc/hosts: `localhost`, host names and aliases (→ the first non-loopback NIC); an IP resolves to itself. */
export function resolveName(hosts: readonly HostNode[], name: string): string | undefined {
  if (isIpv4(name)) return name;
  // Names in /etc/hosts are matched without regard to case, as glibc's resolver does (`WEB` is `web`).
  const wanted = name.toLowerCase();
  if (wanted === 'localhost') return '127.0.0.1';
  for (const host of hosts) {
    if (host.name.toLowerCase() === wanted || host.aliases.some((alias) => alias.toLowerCase() === wanted)) {
      const nic = host.nics.find((n) => !n.loopback);
      return nic ? nic.ipText : '127.0.0.1';
    }
  }
  return undefined;
}

export function nicView(nic: Nic): NicView {
  return { index: nic.index, name: nic.name, mac: nic.mac, ip: nic.ipText, prefix: nic.prefix, loopback: nic.loopback };
}

export { formatIpv4 };
