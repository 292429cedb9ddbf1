/** A program running on a host: the modules it imports, its timers, its explicit sockets, its fate on exit. */
import type { ExplicitSocketApi, NetProcess, VirtualTimers } from './api';
import { bindExplicit } from './explicit';
import { bufferModule } from './faces/buffer';
import { FaceContext } from './faces/context';
import { bindDgram } from './faces/dgram';
import { eventsModule } from './faces/events';
import { bindNet } from './faces/net';
import { ProcessTimers } from './faces/timers';
import type { HostRuntime, Stack } from './network';
import type { ProcessCore } from './owner';

export function createProcess(stack: Stack, host: HostRuntime, core: ProcessCore): NetProcess {
  const ctx = new FaceContext(stack, host, core);
  const timers = new ProcessTimers(ctx);
  const net = bindNet(ctx);
  const dgram = bindDgram(ctx);
  const timersModule = Object.freeze({
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    setInterval: timers.setInterval,
    clearInterval: timers.clearInterval,
    setImmediate: timers.setImmediate,
    clearImmediate: timers.clearImmediate,
  });
  const timersPromises = Object.freeze(timers.promises());
  const modules: Record<string, unknown> = Object.freeze({
    'node:net': net,
    net,
    'node:dgram': dgram,
    dgram,
    'node:events': eventsModule,
    events: eventsModule,
    'node:buffer': bufferModule,
    buffer: bufferModule,
    'node:timers': timersModule,
    timers: timersModule,
    'node:timers/promises': timersPromises,
    'timers/promises': timersPromises,
  });
  const sockets: ExplicitSocketApi = bindExplicit(ctx);
  const virtualTimers: VirtualTimers & { nextTick: ProcessTimers['nextTick'] } = Object.freeze({ ...timersModule, nextTick: timers.nextTick });

  return Object.freeze({
    pid: core.pid,
    name: core.name,
    host: core.host,
    runAs: core.runAs,
    modules,
    timers: virtualTimers,
    sockets,
    onUncaughtException(handler: (error: unknown) => void): void {
      core.uncaught = handler;
    },
    exit(): void {
      if (core.exited) return;
      core.exited = true;
      for (const cleanup of [...core.onExit]) cleanup();
      core.onExit.clear();
      stack.reap(core);
    },
  });
}
