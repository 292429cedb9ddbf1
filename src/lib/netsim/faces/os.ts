/**
 * `node:os` for a program on an emulated host: its name and its cards come from the topology, as
 * `os.hostname()` and `os.networkInterfaces()` read them from the kernel on Linux. The host is IPv4-only,
 * so no `IPv6` entries appear (a real Linux host would list `::1` and `fe80::…` too).
 */
import { formatIpv4 } from '../addresses';
import type { FaceContext } from './context';

export interface NetworkInterfaceInfo {
  address: string;
  netmask: string;
  family: 'IPv4';
  mac: string;
  internal: boolean;
  cidr: string;
}

function netmask(prefix: number): string {
  return formatIpv4(prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);
}

export function bindOs(ctx: FaceContext) {
  const host = ctx.host.node;
  const os = {
    EOL: '\n',
    devNull: '/dev/null',
    /** The host's name, as in the topology (`web`, `laptop`). */
    hostname: () => host.name,
    /** The host's cards and their IPv4 addresses, keyed by card name (`lo`, `eth0`…). */
    networkInterfaces(): Record<string, NetworkInterfaceInfo[]> {
      const cards: Record<string, NetworkInterfaceInfo[]> = {};
      for (const nic of host.nics) {
        (cards[nic.name] ??= []).push({
          address: nic.ipText,
          netmask: netmask(nic.prefix),
          family: 'IPv4',
          mac: nic.loopback ? '00:00:00:00:00:00' : nic.mac,
          internal: nic.loopback,
          cidr: `${nic.ipText}/${nic.prefix}`,
        });
      }
      return cards;
    },
    platform: () => 'linux' as const,
    type: () => 'Linux',
    release: () => '6.1.0-netsim',
    version: () => '#1 SMP netsim',
    arch: () => 'x64',
    machine: () => 'x86_64',
    endianness: () => 'LE' as const,
    homedir: () => '/home/learner',
    tmpdir: () => '/tmp',
    uptime: () => Math.floor(ctx.stack.clock.now / 1000),
    availableParallelism: () => 1,
    userInfo: () => ({ uid: 1000, gid: 1000, username: 'learner', homedir: '/home/learner', shell: '/bin/bash' }),
  };
  return Object.freeze(os);
}
