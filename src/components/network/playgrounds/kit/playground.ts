/**
 * A playground is data: a topology and the services that run on it, described in the course's words. A new
 * scenario is a new file under playgrounds/ that calls `definePlayground({ … })`; the services it can name
 * are the kinds below (add a kind here when a chapter needs one).
 */
import type { Network } from '../../../../lib/netsim/api';
import type { RunAs, TopologySpec } from '../../../../lib/netsim/types';
import { bindPermission, UNPRIVILEGED_PORT_START } from '../../../../lib/netsim/ports';
import { startBrowser, type ClientNet } from './browserClient';
import { startEchoServer } from './echoServer';
import type { SitePage } from './httpMessages';
import { startHttpServer } from './httpServer';
import type { NodeNet } from './nodeNet';

interface ServiceBase {
  /** The host it runs on. */
  host: string;
  /** Process name, as `ss -p` shows it: honest and short (`httpd`, `echo`). */
  process: string;
  /**
   * Who it runs as: `root` (a service the administrator started) may listen on any port; a `user` may not
   * listen below 1024 (EACCES, as on Linux).
   */
  runAs: RunAs;
  /** Address it listens on: one of its host's NIC addresses, `127.0.0.1`, or `0.0.0.0` for every one. */
  address: string;
  port: number;
}

/** A static web server: GET/HEAD of its pages, 404 for any other path, keep-alive as HTTP/1.1 has it. */
export interface HttpService extends ServiceBase {
  kind: 'http';
  /** Pages by path, e.g. `{ '/': { title, paragraphs } }`. */
  pages: Record<string, SitePage>;
}

/** TCP echo (RFC 862): sends back every byte it receives. */
export interface TcpEchoService extends ServiceBase {
  kind: 'tcp-echo';
}

/**
 * A browser that keeps `connections` connections open to a web server (`to`: a host name and port), each after
 * one request, as a browser with several tabs may. It listens on nothing: its sockets' ports are ephemeral.
 * List it after the server it connects to: services start in order.
 */
export interface BrowserService {
  kind: 'browser';
  host: string;
  process: string;
  runAs: RunAs;
  to: { host: string; port: number };
  connections: number;
}

export type ListeningService = HttpService | TcpEchoService;
export type ServiceSpec = ListeningService | BrowserService;

export interface PlaygroundSpec {
  /** One or two sentences for the page, said before anything loads: which hosts, what runs where. */
  summary: string;
  topology: TopologySpec;
  services: ServiceSpec[];
}

/** What a scenario module exports (the registry and <Playground /> read these names). */
export interface PlaygroundScenario {
  readonly summary: string;
  readonly topology: TopologySpec;
  readonly services: readonly ServiceSpec[];
  /** Starts every service on a network built from `topology`; resolves once each one listens. */
  start(network: Network): Promise<void>;
}

/** Checks the spec (a wrong host or address fails the build, with a message naming it) and gives it `start`. */
export function definePlayground(spec: PlaygroundSpec): PlaygroundScenario {
  const problems = spec.services.flatMap((service) => serviceProblems(service, spec.topology));
  if (problems.length > 0) throw new Error(`Playground scenario is wrong:\n- ${problems.join('\n- ')}`);
  return {
    summary: spec.summary,
    topology: spec.topology,
    services: spec.services,
    async start(network) {
      for (const service of spec.services) await startService(network, service);
    },
  };
}

export function serviceProblems(service: ServiceSpec, topology: TopologySpec): string[] {
  const name = `${service.kind} service "${service.process}"`;
  const host = topology.hosts.find((candidate) => candidate.name === service.host);
  if (!host) return [`${name} runs on host "${service.host}", which is not in the topology (hosts: ${topology.hosts.map((h) => h.name).join(', ')})`];
  const problems: string[] = [];
  if (service.kind === 'browser') {
    const names = topology.hosts.flatMap((candidate) => [candidate.name, ...(candidate.aliases ?? [])]);
    if (!names.includes(service.to.host)) problems.push(`${name} connects to "${service.to.host}", which is no host of the topology`);
    if (!Number.isInteger(service.connections) || service.connections < 1 || service.connections > 8) problems.push(`${name} opens ${service.connections} connections: from 1 to 8`);
    return problems;
  }
  const addresses = ['0.0.0.0', '127.0.0.1', ...host.nics.map((nic) => nic.ip)];
  if (!addresses.includes(service.address)) {
    problems.push(`${name} listens on ${service.address}, which is not an address of ${host.name}: use one of ${addresses.join(', ')}`);
  }
  if (!Number.isInteger(service.port) || service.port < 1 || service.port > 65535) {
    problems.push(`${name} listens on port ${service.port}: a port is a whole number from 1 to 65535`);
  } else if (service.runAs === 'user' && bindPermission(service.port, service.runAs)) {
    problems.push(`${name} runs as a user, who may not listen on port ${service.port} (below ${UNPRIVILEGED_PORT_START}): set runAs: 'root', or use a port from ${UNPRIVILEGED_PORT_START} up`);
  }
  if (service.kind === 'http') {
    for (const path of Object.keys(service.pages)) {
      if (!path.startsWith('/')) problems.push(`${name} has a page "${path}": page paths start with /`);
    }
  }
  return problems;
}

async function startService(network: Network, service: ServiceSpec): Promise<void> {
  const modules = network.spawn(service.host, service.process, { runAs: service.runAs }).modules;
  const net = modules['node:net'] as NodeNet;
  const listening = (() => {
    switch (service.kind) {
      case 'browser':
        return startBrowser(modules['node:net'] as ClientNet, service.to.host, service.to.port, service.connections);
      case 'http':
        return startHttpServer(net, service.address, service.port, service.pages, service.process);
      case 'tcp-echo':
        return startEchoServer(net, service.address, service.port);
      default: {
        const unknown: never = service;
        throw new Error(`Playground: unknown service kind in ${JSON.stringify(unknown)}`);
      }
    }
  })();
  // `listen` (or a browser's first answers) completes as the network moves, so move it until it does (or fails).
  await Promise.all([listening, network.run()]);
}
