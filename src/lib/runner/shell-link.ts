/**
 * The terminal after a run: a shell on the network the run left behind. Which host the prompt opens on:
 * the request's `terminalHost`, else the host of the last program listed (usually the client side).
 */
import type { Network } from '../netsim/api';
import { createShell, type Shell } from '../shell/index';
import { batchOutput } from './output-batch';
import type { RunRequest } from './protocol';

export type AttachedShell = Pick<Shell, 'input' | 'resize' | 'dispose'>;

/**
 * What the terminal says before its first prompt. A terminal stays open across runs, so after the first
 * it says that the network under it was replaced: a connection made from it a moment ago is gone.
 */
export function shellGreeting(runNumber: number): string {
  // Italic, not dim: dim text falls below a readable contrast on the light terminal.
  const aside = (text: string) => `\x1b[3m${text}\x1b[23m`;
  return runNumber <= 1
    ? `${aside('Your run left this network up: its servers listen until the next run. Try help.')}\r\n`
    : `\r\n${aside(`Run ${runNumber}: a new network. The last run's servers and connections are gone.`)}\r\n`;
}

/**
 * A shell on the run's network whose output reaches `write` at most once per frame (see output-batch.ts).
 * `dispose` sends what is still waiting first, so nothing the shell wrote comes after a later notice.
 */
export function attachShell(network: Network, request: RunRequest, write: (ansi: string) => void, runNumber = 1): AttachedShell {
  const host = request.terminalHost ?? request.programs[request.programs.length - 1]?.host ?? network.hosts()[0]?.name ?? 'localhost';
  const output = batchOutput(write);
  const shell = createShell({ network, host, write: output.write });
  output.write(shellGreeting(runNumber));
  shell.prompt();
  return {
    input: (data) => shell.input(data),
    resize: (cols, rows) => shell.resize(cols, rows),
    dispose() {
      shell.dispose();
      output.flush();
      output.dispose();
    },
  };
}
