/** `ip addr` and `ip link` (iproute2) for one host's NICs. IPv4 only: netsim has no IPv6, so no inet6 lines. */
import type { NicView } from '../../netsim/types';

/*
 * The lines follow the capture in shared/reference-output/ip-addr.txt, which the NIC lesson explains line by
 * line: an address added as `ip addr add 10.0.0.2/24 dev eth0` (no `brd` on the inet line; DHCP would add one)
 * on an interface with `qdisc noqueue`. What a learner reads in the lesson is what the terminal prints.
 */

/** The subnet's broadcast address (all host bits set); `ip route` derives the network address from it. */
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
    `${nic.index}: ${nic.name}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000\n` +
    `    link/ether ${nic.mac} brd ff:ff:ff:ff:ff:ff\n`
  );
}

function inetLines(nic: NicView): string {
  // Loopback's scope is `host`: its addresses never leave the machine.
  const scope = nic.loopback ? 'host' : 'global';
  return `    inet ${nic.ip}/${nic.prefix} scope ${scope} ${nic.name}\n       valid_lft forever preferred_lft forever\n`;
}

export function formatIpAddr(nics: readonly NicView[]): string {
  return nics.map((nic) => linkLines(nic) + inetLines(nic)).join('');
}

export function formatIpLink(nics: readonly NicView[]): string {
  return nics.map(linkLines).join('');
}

export { broadcast as broadcastAddress };
