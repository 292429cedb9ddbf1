/** The shell's own commands: help, hosts, ssh/use, exit, clear, history, echo, hostname, whoami, sudo. */
import type { CommandContext, CommandSpec } from '../command';
import { SUDO_USAGE } from '../sudo';

function hostByNameOrIp(context: CommandContext, target: string): string | undefined {
  const hosts = context.network.hosts();
  if (hosts.some((h) => h.name === target)) return target;
  const ip = context.network.resolve(target);
  return hosts.find((h) => h.nics.some((n) => n.ip === ip && !n.loopback))?.name;
}

const help: CommandSpec = {
  name: 'help',
  summary: 'list the commands of this terminal',
  run(context) {
    const summaries = context.session.commandSummaries();
    const width = Math.max(...summaries.map((s) => s.name.length));
    context.out('Commands (each one also answers --help or prints its usage):\n');
    for (const { name, summary } of summaries) context.out(`  ${name.padEnd(width)}  ${summary}\n`);
    return 0;
  },
};

const hosts: CommandSpec = {
  name: 'hosts',
  summary: 'the hosts of this network and their addresses',
  run(context) {
    const rows = context.network.hosts().flatMap((host) =>
      host.nics
        .filter((nic) => !nic.loopback)
        .map((nic, i) => [i === 0 ? host.name : '', nic.name, `${nic.ip}/${nic.prefix}`, i === 0 && host.name === context.host ? '<- you are here' : '']),
    );
    const table = [['HOST', 'NIC', 'ADDRESS', ''], ...rows];
    const widths = [0, 1, 2].map((col) => Math.max(...table.map((r) => r[col]!.length)));
    for (const row of table) {
      context.out(row.map((cell, col) => (col < 3 ? cell.padEnd(widths[col]!) : cell)).join('  ').trimEnd() + '\n');
    }
    return 0;
  },
};

function sshLike(name: 'ssh' | 'use', summary: string): CommandSpec {
  return {
    name,
    summary,
    run(context) {
      const target = context.args.find((a) => !a.startsWith('-'));
      if (!target) {
        context.out(name === 'ssh' ? 'usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] destination [command]\n' : 'usage: use HOST\n');
        return 255;
      }
      const bare = target.includes('@') ? target.slice(target.indexOf('@') + 1) : target;
      const host = hostByNameOrIp(context, bare);
      if (!host) {
        context.out(`${name}: Could not resolve hostname ${bare}: Name or service not known\n`);
        return 255;
      }
      context.session.enterHost(host);
      return 0;
    },
  };
}

const exit: CommandSpec = {
  name: 'exit',
  summary: 'leave this host (back to where you came from with ssh)',
  run(context) {
    const from = context.host;
    if (context.session.leaveHost()) {
      context.out(`logout\nConnection to ${from} closed.\n`);
      return 0;
    }
    context.out('exit\nThis is the first shell: it stays open.\n');
    return 0;
  },
};

const clear: CommandSpec = {
  name: 'clear',
  summary: 'clear the screen (Ctrl+L)',
  run(context) {
    context.session.clearScreen();
    return 0;
  },
};

const history: CommandSpec = {
  name: 'history',
  summary: 'the commands typed so far (Up and Down walk through them)',
  run(context) {
    context.session.history.forEach((line, i) => context.out(`${String(i + 1).padStart(5)}  ${line}\n`));
    return 0;
  },
};

const echo: CommandSpec = {
  name: 'echo',
  summary: 'print its arguments (echo $? shows the last exit status)',
  run(context) {
    const args = [...context.args];
    const noNewline = args[0] === '-n';
    if (noNewline) args.shift();
    context.out(args.join(' ') + (noNewline ? '' : '\n'));
    return 0;
  },
};

const hostname: CommandSpec = {
  name: 'hostname',
  summary: 'the name of this host (-I: its addresses)',
  run(context) {
    if (context.args.includes('-I') || context.args.includes('-i')) {
      const host = context.network.hosts().find((h) => h.name === context.host);
      context.out((host?.nics ?? []).filter((n) => !n.loopback).map((n) => `${n.ip} `).join('') + '\n');
    } else {
      context.out(`${context.host}\n`);
    }
    return 0;
  },
};

const whoami: CommandSpec = {
  name: 'whoami',
  summary: 'your user name',
  run(context) {
    context.out(`${context.runAs === 'root' ? 'root' : context.session.user}\n`);
    return 0;
  },
};

/** `sudo COMMAND` is run by the shell itself (src/lib/shell/sudo.ts); alone, sudo prints its usage. */
const sudo: CommandSpec = {
  name: 'sudo',
  summary: 'run one command as root, e.g. sudo ss -tlnp (no password here)',
  run(context) {
    context.out(SUDO_USAGE);
    return 1;
  },
};

export const builtinCommands: CommandSpec[] = [
  help,
  hosts,
  sshLike('ssh', 'log in to another host of the network (exit comes back)'),
  sshLike('use', 'move to another host (same as ssh HOST)'),
  exit,
  clear,
  history,
  echo,
  hostname,
  whoami,
  sudo,
];
