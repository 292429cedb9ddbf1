/**
 * `node:os` for a program on an emulated host: its name and its cards come from the topology, as
 * `os.hostname()` and `os.networkInterfaces()` read them from the kernel on Linux. The host is IPv4-only,
 * so no `IPv6` entries appear (a real Linux host would list `::1` and `fe80::…` too).
 */
import { formatIpv4 } from '../addresses';
import { ERRNO } from '../types';
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

/** os.constants as Linux has them: error numbers (positive, as `errno`), signals, priorities. */
const constants = Object.freeze({
  errno: Object.freeze(Object.fromEntries(Object.entries(ERRNO).map(([code, errno]) => [code, -errno]))),
  signals: Object.freeze({ SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15 }),
  priority: Object.freeze({ PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0, PRIORITY_ABOVE_NORMAL: -7, PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20 }),
});

export function bindOs(ctx: FaceContext) {
  const host = ctx.host.node;
  const os = {
    EOL: '\n',
    constants,
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
