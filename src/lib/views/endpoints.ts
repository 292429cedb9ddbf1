/**
 * End-points as the course writes them: `10.0.0.2:80`, and a TCP connection as its two end-points
 * `10.0.0.10:51234 ↔ 10.0.0.2:80` (the side that opened it first).
 */
import type { Endpoint, HostView, Ipv4 } from '../netsim/types';

export const WILDCARD_IP = '0.0.0.0';

export function formatEndpoint(endpoint: Endpoint): string {
  return `${endpoint.ip}:${endpoint.port}`;
}

export function sameEndpoint(a: Endpoint, b: Endpoint): boolean {
  return a.ip === b.ip && a.port === b.port;
}

/**
 * Does a socket bound to `bound` receive what is sent to `target`? `0.0.0.0` means every address of the
 * host, so the caller must know both are on the same host.
 */
export function boundEndpointAccepts(bound: Endpoint, target: Endpoint): boolean {
  return bound.port === target.port && (bound.ip === WILDCARD_IP || bound.ip === target.ip);
}

/** `a ↔ b`, written from the side that opened the connection (or sent first). */
export function connectionLabel(opener: Endpoint, other: Endpoint): string {
  return `${formatEndpoint(opener)} ↔ ${formatEndpoint(other)}`;
}

/** The same key for both directions of a flow, so a reply finds its request's connection. */
export function flowKey(protocol: 'tcp' | 'udp', a: Endpoint, b: Endpoint): string {
  const [first, second] = [formatEndpoint(a), formatEndpoint(b)].sort();
  return `${protocol} ${first} ${second}`;
}

/** Which host owns an address. Loopback addresses are everyone's, so they are left out. */
export function hostsByIp(hosts: readonly HostView[]): Map<Ipv4, string> {
  const owners = new Map<Ipv4, string>();
  for (const host of hosts) {
    for (const nic of host.nics) {
      if (!nic.loopback) owners.set(nic.ip, host.name);
    }
  }
  return owners;
}
