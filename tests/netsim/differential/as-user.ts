/**
 * The reference side of the privileged-port scenarios: real Node as a normal user. When the suite runs as
 * root (CI does), the scenario runs in a child process whose uid and gid are 65534 (`nobody`); otherwise this
 * process is already a normal user and runs it itself.
 */
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Observation } from './platform';
import { realPlatform } from './real-platform';
import { privilegedPortScenarios } from './scenarios/privileged';

const CLI = fileURLToPath(new URL('./as-user-cli.ts', import.meta.url));
/** The Node that runs vitest (≥ 22.18, so it strips types from the CLI). */
const NODE = realpathSync(process.execPath);
/** `nobody`: the uid the fact table's runs used for "a normal user". */
export const NORMAL_UID = 65534;
const CHILD_TIMEOUT_MS = 20_000;

export interface UserRun {
  uid: number | undefined;
  observation: Observation;
}

export async function runAsNormalUser(index: number): Promise<UserRun> {
  if (process.getuid?.() !== 0) {
    return { uid: process.getuid?.(), observation: await privilegedPortScenarios[index]!.run(realPlatform()) };
  }
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      NODE,
      ['--no-warnings', CLI, String(index)],
      { uid: NORMAL_UID, gid: NORMAL_UID, timeout: CHILD_TIMEOUT_MS, cwd: '/' },
      (error, out, err) => (error ? reject(new Error(`the scenario as uid ${NORMAL_UID} failed: ${error.message}\n${err}`)) : resolve(out)),
    );
  });
  return JSON.parse(stdout) as UserRun;
}
