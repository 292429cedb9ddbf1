import type { CommandSpec } from '../command';
import { builtinCommands } from './builtins';
import { curlCommand } from './curl';
import { ipCommand } from './ip';
import { ncCommand } from './nc';
import { pingCommand } from './ping';
import { netstatCommand, ssCommand } from './sockets';
import { tcpdumpCommand } from './tcpdump';
import { traceCommand } from './trace';

/** Every command of the terminal, in the order `help` lists them. */
export const allCommands: readonly CommandSpec[] = [
  ...builtinCommands,
  ipCommand,
  ssCommand,
  netstatCommand,
  ncCommand,
  curlCommand,
  pingCommand,
  tcpdumpCommand,
  traceCommand,
];
