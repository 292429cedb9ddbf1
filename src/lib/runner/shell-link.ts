/**
 * The terminal after a run: a shell on the network the run left behind. Which host the prompt opens on:
 * the request's `terminalHost`, else the host of the last program listed (usually the client side).
 */
import type { Network } from '../netsim/api';
import { createShell, type Shell } from '../shell/index';
import type { RunRequest } from './protocol';

export type AttachedShell = Pick<Shell, 'input' | 'resize' | 'dispose'>;

export function attachShell(network: Network, request: RunRequest, write: (ansi: string) => void): AttachedShell {
  const host = request.terminalHost ?? request.programs[request.programs.length - 1]?.host ?? network.hosts()[0]?.name ?? 'localhost';
  const shell = createShell({ network, host, write });
  shell.prompt();
  return shell;
}
