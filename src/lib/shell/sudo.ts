/**
 * `sudo COMMAND [ARG…]`: the shell's user, `learner`, is a normal user; sudo runs one command as root (as on a
 * machine where the learner may use sudo without a password). Root's commands may listen below port 1024
 * and `ss -p` shows them every process.
 */
export const SUDO_USAGE = 'usage: sudo -h | -K | -k | -V\nusage: sudo COMMAND [ARG ...]\n';

export type SudoLine =
  | { kind: 'run'; name: string; args: string[] }
  /** What sudo prints instead, and its exit status. */
  | { kind: 'refuse'; message: string; status: number };

/** The command `sudo ARGS` runs as root, or why it runs nothing. */
export function sudoLine(args: readonly string[], known: (name: string) => boolean): SudoLine {
  let words = [...args];
  // `sudo sudo ss` is root twice over: still root.
  while (words[0] === 'sudo') words = words.slice(1);
  const [name, ...rest] = words;
  if (name === undefined) return { kind: 'refuse', message: SUDO_USAGE, status: 1 };
  if (name.startsWith('-')) {
    return { kind: 'refuse', message: `sudo: this terminal's sudo takes no options (${name}): type sudo COMMAND\n${SUDO_USAGE}`, status: 1 };
  }
  if (!known(name)) return { kind: 'refuse', message: `sudo: ${name}: command not found\n`, status: 1 };
  return { kind: 'run', name, args: rest };
}
