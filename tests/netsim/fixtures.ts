/** Topologies and small helpers the netsim specifications share. */
import { createNetwork } from '../../src/lib/netsim/index';
import type { NetProcess, Network, RunAs, TopologySpec } from '../../src/lib/netsim/index';
import type { NetModule as NetApi } from '../../src/lib/netsim/faces/net/index';
import type { DgramModule as DgramApi } from '../../src/lib/netsim/faces/dgram';

/** laptop 10.0.0.10 and web 10.0.0.2 on one /24, as in the reference capture. */
export const LAN: TopologySpec = {
  version: 1,
  hosts: [
    { name: 'web', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24 }], aliases: ['www'] },
    { name: 'laptop', nics: [{ name: 'eth0', ip: '10.0.0.10', prefix: 24 }] },
    { name: 'vault', nics: [{ name: 'eth0', ip: '10.0.0.5', prefix: 24 }], dropsIncoming: true },
  ],
};

/** Two subnets joined by a router. */
export const ROUTED: TopologySpec = {
  version: 1,
  hosts: [
    { name: 'laptop', nics: [{ name: 'eth0', ip: '10.0.0.10', prefix: 24 }], gateway: '10.0.0.1' },
    { name: 'router', nics: [{ name: 'eth0', ip: '10.0.0.1', prefix: 24 }, { name: 'eth1', ip: '10.0.1.1', prefix: 24 }], forwarding: true },
    { name: 'db', nics: [{ name: 'eth0', ip: '10.0.1.20', prefix: 24 }], gateway: '10.0.1.1' },
  ],
};

export interface Program {
  process: NetProcess;
  net: NetApi;
  dgram: DgramApi;
}

export function program(network: Network, host: string, name = 'node', runAs: RunAs = 'root'): Program {
  const process = network.spawn(host, name, { runAs });
  return { process, net: process.modules['node:net'] as NetApi, dgram: process.modules['node:dgram'] as DgramApi };
}

export function lan(seed = 1): Network {
  return createNetwork(LAN, { seed });
}

export interface ErrorShape {
  name: string;
  code?: string;
  errno?: number;
  syscall?: string;
  address?: string;
  port?: number;
  message: string;
}

export function shape(error: unknown): ErrorShape {
  const e = error as ErrorShape;
  const out: ErrorShape = { name: e.name, message: e.message };
  for (const key of ['code', 'errno', 'syscall', 'address', 'port'] as const) if (e[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = e[key];
  return out;
}
