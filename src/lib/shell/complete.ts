/** Tab completion at the prompt: command names, host names after commands that take one, `ip` objects. */
import type { CommandSpec } from './command';
import type { Completion } from './line-editor';

/** Commands whose arguments are mostly host names. */
const TAKES_HOST = new Set(['ssh', 'use', 'nc', 'ping', 'curl', 'tcpdump']);

export function completeLine(before: string, commands: readonly CommandSpec[], hosts: readonly string[]): Completion {
  const start = before.search(/\S*$/);
  const word = before.slice(start);
  const previous = before.slice(0, start).trim().split(/\s+/).filter(Boolean);
  const matching = (candidates: readonly string[]) => ({
    start,
    candidates: [...new Set(candidates)].filter((c) => c.startsWith(word)),
  });
  if (previous.length === 0) return matching(commands.map((c) => c.name));
  const command = commands.find((c) => c.name === previous[0]);
  if (previous.length === 1 && command?.subcommands) return matching(command.subcommands);
  if (command && TAKES_HOST.has(command.name)) {
    // `curl http://we<Tab>` completes the host inside the URL.
    const url = /^(https?:\/\/)(.*)$/.exec(word);
    if (url) {
      return { start: start + url[1]!.length, candidates: hosts.filter((h) => h.startsWith(url[2]!)) };
    }
    return matching(hosts);
  }
  return { start, candidates: [] };
}
