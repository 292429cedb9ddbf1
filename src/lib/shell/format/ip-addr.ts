/** `ip addr` and `ip link` (iproute2) for one host's NICs. IPv4 only: netsim has no IPv6, so no inet6 lines. */
import type { NicView } from '../../netsim/types';

function broadcast(ip: string, prefix: number): string {
  const value = ip.split('.').reduce((acc, part) => (acc << 8) | Number(part), 0) >>> 0;
  const hostBits = prefix >= 32 ? 0 : 0xffffffff >>> prefix;
  const b = (value | hostBits) >>> 0;
  return [24, 16, 8, 0].map((shift) => (b >>> shift) & 255).join('.');
}

function linkLines(nic: NicView): string {
  if (nic.loopback) {
    return (
      `${nic.index}: ${nic.name}: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n` +
      `    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n`
    );
  }
  return (
    `${nic.index}: ${nic.name}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n` +
    `    link/ether ${nic.mac} brd ff:ff:ff:ff:ff:ff\n`
  );
}

function inetLines(nic: NicView): string {
  // A /31 or /32 has no broadcast address; loopback's scope is `host`.
  const brd = !nic.loopback && nic.prefix < 31 ? ` brd ${broadcast(nic.ip, nic.prefix)}` : '';
  const scope = nic.loopback ? 'host' : 'global';
  return `    inet ${nic.ip}/${nic.prefix}${brd} scope ${scope} ${nic.name}\n       valid_lft forever preferred_lft forever\n`;
}

export function formatIpAddr(nics: readonly NicView[]): string {
  return nics.map((nic) => linkLines(nic) + inetLines(nic)).join('');
}

export function formatIpLink(nics: readonly NicView[]): string {
  return nics.map(linkLines).join('');
}

export { broadcast as broadcastAddress };
