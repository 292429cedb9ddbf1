/**
 * netsim: a deterministic socket emulator. `createNetwork(topology)` builds hosts, NICs and links from
 * data; `spawn(host, name, { runAs })` starts a process whose `modules` are Node-compatible `net`/`dgram`/`events`/
 * `timers` faces; the network is observed through `sockets()`, `trace()`, `streams()`, `errors()`.
 */
import { formatIpv4, isIpv4, parseIpv4 } from './addresses';
import type { Network, NetworkOptions, NetProcess, ProcessSettings, RunStop } from './api';
import { isProcessExit } from './faces/process';
import { enterNetwork } from './node/scheduler';
import type { Blame } from './clock';
import { linkTiming } from './links';
import { Stack } from './network';
import { DEFAULT_LIMITS } from './limits';
import type { ProcessCore } from './owner';
import { createProcess } from './process';
import { buildHosts, nicView, resolveName } from './topology';
import type { HostView, NetworkSnapshot, TopologySpec } from './types';
import { Random } from './random';

export type * from './api';
export type * from './types';
export { ERRNO } from './types';
export { MODULE_NAMES, sharedLibraries } from './process';
export { DEFAULT_LIMITS, LimitExceeded, limitSentence } from './limits';
export type { LimitHit, LimitKind, RunLimits } from './limits';

/**
 * The browser's task scheduler, taken when this module loads (before any program runs, so none can swap it).
 * A task posted through it costs about half a MessageChannel round trip, and a run yields once per event.
 */
const postTask = (() => {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void) => Promise<void> } }).scheduler;
  return typeof scheduler?.postTask === 'function' ? scheduler.postTask.bind(scheduler) : undefined;
})();

function defaultYield(): () => Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => void; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === 'function') return () => new Promise<void>((resolve) => g.setImmediate!(resolve));
  if (postTask) return () => postTask(() => undefined);
  if (typeof g.MessageChannel === 'function') {
    const channel = new g.MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(0);
      });
  }
  return () => new Promise<void>((resolve) => queueMicrotask(resolve));
}

/** Builds a network from its topology. Throws with a message naming the problem if the topology is wrong. */
export function createNetwork(topology: TopologySpec, options: NetworkOptions = {}): Network {
  const seed = options.seed ?? topology.seed ?? 1;
  const nodes = buildHosts(topology, new Random((seed ^ 0x5eed) >>> 0));
  const stack = new Stack(nodes, seed, linkTiming(topology));
  stack.limits = { ...DEFAULT_LIMITS, ...options.limits };
  stack.recorder.traceLimit = stack.limits.traceEvents;
  const clock = stack.clock;
  const recorder = stack.recorder;
  const yieldToHost = options.yieldToHost ?? defaultYield();
  const cores = new Map<number, ProcessCore>();

  /** A callback threw: Node would crash that process. Its handler decides; without one the error escapes. */
  const onThrow = (error: unknown, blame: Blame | null): void => {
    const core = blame ? cores.get(blame.pid) : undefined;
    if (core?.uncaught) core.uncaught(error);
    else if (!isProcessExit(error)) throw error;
  };

  const hosts = (): HostView[] =>
    stack.hosts.map((h) =>
      Object.freeze({
        name: h.node.name,
        nics: h.node.nics.map(nicView),
        ...(h.node.gateway === null ? {} : { gateway: formatIpv4(h.node.gateway) }),
        processes: h.processes.map((p) => ({ name: p.name, pid: p.pid, runAs: p.runAs })),
      }),
    );

  const runUntilIdle = (limits: { maxVirtualMs?: number; maxEvents?: number } = {}): RunStop => {
    const deadline = limits.maxVirtualMs === undefined ? Infinity : clock.now + limits.maxVirtualMs;
    return clock.runUntil(deadline, limits.maxEvents ?? Infinity, onThrow);
  };

  const network: Network = {
    get now() {
      return clock.now;
    },
    hosts,
    resolve(name: string) {
      return resolveName(nodes, name);
    },
    spawn(hostName: string, processName: string, settings: ProcessSettings = {}): NetProcess {
      const host = stack.host(hostName);
      const core = stack.spawn(host, processName, settings.runAs ?? 'root');
      cores.set(core.pid, core);
      enterNetwork(clock);
      return createProcess(stack, host, core, settings);
    },
    sockets(filter) {
      return recorder.sockets(filter?.host);
    },
    trace() {
      return recorder.trace();
    },
    streams() {
      return recorder.streams();
    },
    errors() {
      return recorder.errors();
    },
    fates() {
      return recorder.fates();
    },
    limitHit() {
      return stack.limitHit;
    },
    traceDropped() {
      return recorder.traceDropped;
    },
    snapshot(): NetworkSnapshot {
      return Object.freeze({ version: 1 as const, at: clock.now, hosts: hosts(), sockets: recorder.sockets(), trace: recorder.trace() as NetworkSnapshot['trace'] });
    },
    subscribe(listener) {
      return recorder.subscribe(listener);
    },
    pending() {
      return clock.pending();
    },
    nextEventAt() {
      return clock.nextAt();
    },
    step() {
      return clock.step(onThrow);
    },
    runUntilIdle,
    async run(limits = {}) {
      const deadline = limits.untilVirtualMs ?? Infinity;
      const maxEvents = limits.maxEvents ?? Infinity;
      await yieldToHost();
      for (let n = 0; ; n++) {
        if (clock.halted) return 'limit';
        if (n >= maxEvents) return 'event-limit';
        const next = clock.nextAt();
        if (next === undefined) return 'idle';
        if (next > deadline) return 'time-limit';
        clock.step(onThrow);
        // Promise continuations a program queued run before the next event, as in Node's event loop; a step
        // that ran no program code queued none, and the next follows at once.
        if (clock.takeProgramRan()) await yieldToHost();
      }
    },
    async advance(ms: number) {
      const until = clock.now + ms;
      await yieldToHost();
      for (;;) {
        const next = clock.nextAt();
        if (next === undefined || next > until) break;
        clock.step(onThrow);
        if (clock.takeProgramRan()) await yieldToHost();
      }
      if (clock.now < until) clock.now = until;
    },
    ping(fromHost: string, target: string, seq: number) {
      const host = stack.host(fromHost);
      const ip = isIpv4(target) ? target : resolveName(nodes, target);
      if (ip === undefined) return Promise.resolve({ ok: false as const, reason: 'unreachable' as const });
      return stack.ping(host, parseIpv4(ip), seq);
    },
  };
  return Object.freeze(network);
}

export { formatIpv4 };
