/**
 * The terminal's shell over the emulated network. `createShell` is what the worker calls; the pure pieces
 * (parser, line editor, formatters) are exported for tests and for other views.
 */
import { allCommands } from './commands';
import { createShell as createShellWith, type Shell, type ShellOptions } from './shell';

export type { Shell, ShellClock } from './shell';
export { instantClock, realTimeClock } from './shell';
export type { CommandSpec, CommandContext, Session } from './command';
export { allCommands } from './commands';
export { parseCommandLine, type ParsedLine } from './parse';
export { LineEditor, type EditorEvent } from './line-editor';
export { formatSs, ssStateName, type SsOptions } from './format/ss';
export { formatNetstat, type NetstatOptions } from './format/netstat';
export { formatIpAddr, formatIpLink } from './format/ip-addr';
export { TcpdumpFormatter, tcpdumpTime, tcpdumpFlags } from './format/tcpdump';
export { pingStatistics, pingReplyLine, pingTime } from './format/ping';
export { stripAnsi } from './ansi';

/**
 * A shell on `host`, writing ANSI to `write`. Pass `commands` to change the command set (default: all).
 * Call `prompt()` once the terminal is ready, then `input()` for every `shell-input` message.
 */
export function createShell(options: Omit<ShellOptions, 'commands'> & { commands?: ShellOptions['commands'] }): Shell {
  return createShellWith({ ...options, commands: options.commands ?? allCommands });
}
