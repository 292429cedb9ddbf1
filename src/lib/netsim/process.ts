/**
 * A program running on a host: the modules it imports (each process gets its own classes and objects
 * for the stateful ones), its timers, its console and `process`, its explicit sockets, and its fate on
 * exit or crash, which netsim records itself.
 */
import type { ExplicitSocketApi, NetProcess, ProcessSettings } from './api';
import { bindExplicit } from './explicit';
import { bufferModule } from './faces/buffer';
import { defineConsole } from './faces/console';
import { FaceContext } from './faces/context';
import { bindDgram } from './faces/dgram';
import { bindDns } from './faces/dns';
import { eventsModule } from './faces/events';
import { bindNet } from './faces/net/index';
import { bindOs } from './faces/os';
import { defineProcess, isProcessExit } from './faces/process';
import { defineReadline } from './faces/readline';
import { streamModule, streamPromises, stringDecoderModule } from './faces/stream';
import { defineTimers } from './faces/timers';
import { utilModule } from './faces/util';
import type { HostRuntime, Stack } from './network';
import type { ProcessCore } from './owner';
import { enterNetwork } from './node/scheduler';

/**
 * The module objects every process shares (Node's userland libraries): the runner freezes them before
 * programs run (lockdown's hardenLibraries), so one program cannot change another's streams or emitters.
 */
export function sharedLibraries(): unknown[] {
  return [eventsModule, bufferModule, streamModule, streamPromises, stringDecoderModule, utilModule];
}

function closeDescriptors(core: ProcessCore): void {
  for (const cleanup of [...core.onExit]) cleanup();
  core.onExit.clear();
}

/** The modules a program may import, without the `node:` prefix (which is accepted too). */
export const MODULE_NAMES = [
  'net', 'dgram', 'events', 'buffer', 'stream', 'stream/promises', 'string_decoder', 'util', 'readline',
  'readline/promises', 'os', 'dns', 'dns/promises', 'timers', 'timers/promises', 'process', 'console',
] as const;

export function createProcess(stack: Stack, host: HostRuntime, core: ProcessCore, settings: ProcessSettings = {}): NetProcess {
  const ctx = new FaceContext(stack, host, core);
  let runnerHandler: ((error: unknown) => void) | null = null;

  const end = (how: 'exited' | 'crashed', code: number): void => {
    if (core.exited) return;
    core.exited = true; // from now on nothing the program queued runs (clock.ts drops it)
    stack.recorder.processEnded({ at: stack.clock.now, host: host.node.name, pid: core.pid, name: core.name, how, code });
    // The kernel closes the process's sockets (FIN, or RST where unread bytes wait) at this same instant,
    // but as an event of its own: never in the middle of kernel work the exit may have been called from.
    stack.clock.schedule(0, closeDescriptors, core, null);
    stack.reap(core);
  };

  const timers = defineTimers(ctx);
  const control = defineProcess(ctx, settings, (code) => end('exited', code));
  ctx.onIdle = () => control.endOfWork();
  const readline = defineReadline(ctx);
  const dns = bindDns(ctx);
  const modules: Record<string, unknown> = {
    net: bindNet(ctx),
    dgram: bindDgram(ctx),
    events: eventsModule,
    buffer: bufferModule,
    stream: streamModule,
    'stream/promises': streamPromises,
    string_decoder: stringDecoderModule,
    util: utilModule,
    readline: readline.readline,
    'readline/promises': readline.promises,
    os: bindOs(ctx),
    dns: dns.dns,
    'dns/promises': dns.promises,
    timers: timers.timers,
    'timers/promises': timers.promises,
    process: control.process,
    console: defineConsole(ctx, settings.output),
  };
  for (const name of MODULE_NAMES) modules[`node:${name}`] = modules[name];
  Object.freeze(modules);

  // An exception nobody caught: `process.exit()` unwinding is no crash; the program's own
  // 'uncaughtException' listeners come first; else the runner decides (it prints and calls `crash`).
  core.uncaught = (error: unknown) => {
    if (isProcessExit(error) || core.exited) return;
    if (control.handleUncaught(error)) return;
    if (runnerHandler) runnerHandler(error);
    else throw error;
  };

  const sockets: ExplicitSocketApi = bindExplicit(ctx);
  const process: NetProcess = {
    pid: core.pid,
    name: core.name,
    host: core.host,
    runAs: core.runAs,
    modules,
    timers: timers.timers,
    sockets,
    onUncaughtException(handler: (error: unknown) => void): void {
      runnerHandler = handler;
    },
    enter<T>(code: () => T): T {
      enterNetwork(stack.clock);
      const previous = stack.clock.current;
      stack.clock.current = core;
      try {
        return code();
      } finally {
        stack.clock.current = previous;
        // A program that set nothing going (no socket, server or timer) is done once its code returned.
        ctx.checkAlive();
      }
    },
    exit(code = 0): void {
      end('exited', code);
    },
    crash(error: unknown): void {
      stack.recorder.unhandled(error);
      end('crashed', 1);
    },
    get exited() {
      return core.exited;
    },
    keepAlive(): () => void {
      const hold = ctx.hold();
      return () => hold.release();
    },
  };
  return Object.freeze(process);
}
