/**
 * A RunnerLink over a real netsim network that lives in the page itself (no worker, no sandbox): for the
 * network views' test page, and for lessons that show a network without an exercise. It sends the same
 * events the worker sends: 'network' when a run starts, 'trace' and 'sockets' as the network moves,
 * 'done' with the RunRecord, and passes the terminal's keystrokes to a shell when one is given.
 */
import type { Network } from '../../lib/netsim/api';
import type { TopologySpec } from '../../lib/netsim/types';
import { PROTOCOL_VERSION, type RunnerCommand, type RunnerEvent, type RunnerLink, type RunRecord } from '../../lib/runner/protocol';

/** Starts the programs of a scenario on the network (the code that would be the learner's and the driver's). */
export type Scenario = (network: Network) => void | Promise<void>;

export interface InPageShell {
  input(data: string): void;
  resize(cols: number, rows: number): void;
  prompt(): void;
  dispose?(): void;
}

export interface InPageRunnerOptions {
  createNetwork: (topology: TopologySpec) => Network;
  topology: TopologySpec;
  scenario: Scenario;
  /** Makes a shell attached to the network a run leaves behind; its output goes to `write`. */
  createShell?: (network: Network, write: (ansi: string) => void) => InPageShell;
  exerciseId?: string;
}

export interface InPageRunner extends RunnerLink {
  /** Runs the scenario on a fresh network; resolves with the RunRecord once the network is idle. */
  run(): Promise<RunRecord>;
  readonly network: Network | null;
}

export function createInPageRunner(options: InPageRunnerOptions): InPageRunner {
  const listeners = new Set<(event: RunnerEvent) => void>();
  const emit = (event: RunnerEvent) => {
    for (const listener of listeners) listener(event);
  };
  let network: Network | null = null;
  let shell: InPageShell | null = null;
  let stopWatching = () => {};
  let runId = 0;

  /** Lets go of the last network and its shell, so a rerun or a reset leaves nothing listening behind. */
  function takeDown(): void {
    stopWatching();
    stopWatching = () => {};
    shell?.dispose?.();
    shell = null;
    network = null;
  }

  async function run(): Promise<RunRecord> {
    takeDown();
    const id = ++runId;
    const started = performance.now();
    const current = options.createNetwork(options.topology);
    network = current;
    emit({ type: 'network', runId: id, hosts: current.hosts() });
    stopWatching = current.subscribe((event) => {
      emit({ type: 'trace', runId: id, events: [event] });
      emit({ type: 'sockets', runId: id, rows: current.sockets(), at: current.now });
    });
    await options.scenario(current);
    await current.run({ untilVirtualMs: 60_000 });
    const record: RunRecord = {
      version: PROTOCOL_VERSION,
      exerciseId: options.exerciseId ?? 'network-views-demo',
      outcome: 'finished',
      console: [],
      trace: [...current.trace()],
      sockets: current.sockets(),
      streams: current.streams(),
      errors: current.errors(),
      hosts: current.hosts(),
      endedAt: current.now,
      wallMs: performance.now() - started,
    };
    emit({ type: 'done', runId: id, record });
    if (options.createShell && network === current) {
      shell = options.createShell(current, (data) => emit({ type: 'shell-output', data }));
      shell.prompt();
    }
    return record;
  }

  return {
    run,
    get network() {
      return network;
    },
    send(command: RunnerCommand) {
      switch (command.type) {
        case 'run':
          void run();
          return;
        case 'terminal':
          return; // a playground has one run, and its shell is attached as it ends
        case 'compile':
          return; // its programs compile as it runs: there is no realm to prepare
        case 'shell-input':
          shell?.input(command.data);
          return;
        case 'shell-resize':
          shell?.resize(command.cols, command.rows);
          return;
        case 'reset':
          takeDown();
          emit({ type: 'network-reset' });
          return;
        default: {
          const unknown: never = command;
          throw new Error(`in-page runner: unknown command ${JSON.stringify(unknown)}`);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
