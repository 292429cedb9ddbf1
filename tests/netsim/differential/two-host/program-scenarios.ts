/**
 * Two-host scenarios made of programs (programs/*.ts) run on named hosts: on Linux inside the namespaces
 * (namespaces.ts: IPv4 only, NIC eth0, /etc/hosts with the topology's names, the host's own hostname), on
 * netsim as processes spawned on the same two hosts. The scenario itself only starts programs and reduces
 * what they print to what the topology defines (never what a kernel chose, such as a MAC address).
 */
import type { Observation, RunningProgram } from '../platform';
import type { ProgramName } from '../programs/index';

export type HostName = 'laptop' | 'web';

export interface HostPrograms {
  program(host: HostName, name: ProgramName, args?: readonly string[]): RunningProgram;
}

export interface TwoHostProgramScenario {
  name: string;
  run(hosts: HostPrograms): Promise<Observation>;
}

/** The JSON line a program printed, and how it ended. */
async function reported(running: RunningProgram): Promise<{ code: number | null; report: unknown; stderr: string }> {
  const end = await running.ended();
  const line = end.stdout.split('\n').find((text) => text.trim() !== '');
  return { code: end.code, report: line === undefined ? null : (JSON.parse(line) as unknown), stderr: end.stderr };
}

/** A MAC address is the kernel's choice (veth) or netsim's: compared by shape, except the loopback's zeros. */
function macShape(mac: unknown): unknown {
  if (mac === '00:00:00:00:00:00') return mac;
  return typeof mac === 'string' && /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(mac) ? 'a unicast MAC' : mac;
}

export const twoHostProgramScenarios: TwoHostProgramScenario[] = [
  {
    name: 'os-network-interfaces: laptop sees lo (127.0.0.1/8) and eth0 (10.0.0.10/24), IPv4 only, in that order',
    async run(hosts) {
      const { code, report } = await reported(hosts.program('laptop', 'os-interfaces'));
      const { names, interfaces } = report as { names: string[]; interfaces: Record<string, Record<string, unknown>[]> };
      const reduced = Object.fromEntries(Object.entries(interfaces).map(([name, entries]) => [name, entries.map((entry) => ({ ...entry, mac: macShape(entry.mac) }))]));
      return { code, names, interfaces: reduced };
    },
  },
  {
    name: 'os-hostname-and-constants: hostname() is the host\'s name; EOL, platform, type, endianness and errno/signal numbers are Linux\'s',
    async run(hosts) {
      return reported(hosts.program('laptop', 'os-basics'));
    },
  },
  {
    name: 'dns-lookup-host-names: the topology\'s names (any case), the own hostname and localhost resolve from /etc/hosts',
    async run(hosts) {
      return reported(hosts.program('laptop', 'dns-names'));
    },
  },
  {
    name: 'dns-lookup-not-found: a name no host has fails with ENOTFOUND (getaddrinfo, errno -3008) in lookup, promises.lookup and connect',
    async run(hosts) {
      return reported(hosts.program('laptop', 'dns-not-found'));
    },
  },
];
