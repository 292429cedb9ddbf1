import type { TopologySpec } from '../../src/lib/netsim/types';
import { PROTOCOL_VERSION, type ProgramSource, type RunnerEvent, type RunRequest } from '../../src/lib/runner/protocol';
import { runExercise, type RunOptions } from '../../src/lib/runner/run';

export const twoHosts: TopologySpec = {
  version: 1,
  hosts: [
    { name: 'web', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24 }] },
    { name: 'laptop', nics: [{ name: 'eth0', ip: '10.0.0.10', prefix: 24 }] },
  ],
};

export function program(file: string, source: string, host = 'web', role: ProgramSource['role'] = 'learner', runAs: ProgramSource['runAs'] = 'root'): ProgramSource {
  return { file, host, processName: 'node', runAs, role, source };
}

export function request(programs: ProgramSource[], overrides: Partial<RunRequest> = {}): RunRequest {
  return {
    type: 'run',
    version: PROTOCOL_VERSION,
    runId: 1,
    exerciseId: 'test',
    topology: twoHosts,
    programs,
    timeBudgetMs: 5000,
    virtualTimeLimitMs: 60_000,
    ...overrides,
  };
}

/** Runs programs and keeps every event the runner emitted. */
export async function run(programs: ProgramSource[], overrides: Partial<RunRequest> = {}, options: RunOptions = {}) {
  const events: RunnerEvent[] = [];
  const result = await runExercise(request(programs, overrides), (e) => events.push(e), options);
  return { ...result, events };
}

/** A source text from lines, so line numbers in tests are easy to read. */
export const lines = (...text: string[]) => text.join('\n');
