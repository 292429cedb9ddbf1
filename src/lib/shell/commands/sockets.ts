/** `ss` and `netstat`: the socket table of the current host. */
import type { CommandContext, CommandSpec } from '../command';
import { formatNetstat } from '../format/netstat';
import { formatSs } from '../format/ss';
import { getopt } from '../getopt';
import type { SocketRow } from '../../netsim/types';

const SS_USAGE = `Usage: ss [ OPTIONS ]
   -h, --help          this message
   -n, --numeric       don't resolve service names
   -a, --all           display all sockets
   -l, --listening     display listening sockets
   -p, --processes     show process using socket
   -t, --tcp           display only TCP sockets
   -u, --udp           display only UDP sockets
   -4, --ipv4          display only IP version 4 sockets
`;

const NETSTAT_USAGE = `usage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}
       netstat [-vWnNcaeol] [<Socket> ...]
        -n, --numeric            don't resolve names
        -a, --all                display all sockets (default: connected)
        -l, --listening          display listening server sockets
        -p, --programs           display PID/Program name for sockets
        -t, --tcp                TCP sockets
        -u, --udp                UDP sockets
`;

const SS_LONG: Record<string, string> = {
  '--numeric': 'n', '--all': 'a', '--listening': 'l', '--processes': 'p', '--tcp': 't', '--udp': 'u', '--ipv4': '4',
};
const NETSTAT_LONG: Record<string, string> = {
  '--numeric': 'n', '--all': 'a', '--listening': 'l', '--programs': 'p', '--tcp': 't', '--udp': 'u',
};

function expandLong(args: readonly string[], long: Record<string, string>): string[] {
  return args.map((a) => (long[a] ? `-${long[a]}` : a));
}

/**
 * The socket table as this command may see it. `ss -p` and `netstat -p` find a socket's process by reading
 * /proc/PID/fd, which a normal user may do for their own processes only: root's sockets show no process
 * unless the command runs under sudo.
 */
function visibleRows(context: CommandContext): SocketRow[] {
  const rows = context.network.sockets({ host: context.host });
  if (context.runAs === 'root') return rows;
  return rows.map((row) => (row.owner && row.owner.runAs !== context.runAs ? { ...row, owner: null } : row));
}

/** What net-tools' netstat -p prints to a normal user (a real host always has root's processes). */
const NETSTAT_NOT_ALL = '(Not all processes could be identified, non-owned process info\n will not be shown, you would have to be root to see it all.)\n';

function hostNameOf(context: CommandContext) {
  return (ip: string) => context.network.hosts().find((h) => h.nics.some((n) => n.ip === ip && !n.loopback))?.name;
}

export const ssCommand: CommandSpec = {
  name: 'ss',
  summary: 'socket statistics: ss -tuanp lists every socket with its state and process',
  run(context) {
    if (context.args.includes('-h') || context.args.includes('--help')) {
      context.out(SS_USAGE);
      return 0;
    }
    const parsed = getopt(expandLong(context.args, SS_LONG), 'tualnp4e');
    if (parsed.kind !== 'ok') {
      const option = parsed.option.startsWith('--') ? parsed.option : parsed.option;
      context.out(`ss: invalid option -- '${option.replace(/^-+/, '')}'\n${SS_USAGE}`);
      return 1;
    }
    const f = parsed.flags;
    context.out(
      formatSs(visibleRows(context), {
        tcp: f.has('t'), udp: f.has('u'), all: f.has('a'), listening: f.has('l'), numeric: f.has('n'), processes: f.has('p'),
      }),
    );
    return 0;
  },
};

export const netstatCommand: CommandSpec = {
  name: 'netstat',
  summary: 'the socket table the older way: netstat -an, netstat -tulpn',
  run(context) {
    if (context.args.includes('-h') || context.args.includes('--help')) {
      context.out(NETSTAT_USAGE);
      return 0;
    }
    const parsed = getopt(expandLong(context.args, NETSTAT_LONG), 'tualnp4ve');
    if (parsed.kind !== 'ok') {
      context.out(`netstat: invalid option -- '${parsed.option.replace(/^-+/, '')}'\n${NETSTAT_USAGE}`);
      return 1;
    }
    const f = parsed.flags;
    if (f.has('p') && context.runAs !== 'root') context.out(NETSTAT_NOT_ALL);
    context.out(
      formatNetstat(visibleRows(context), {
        tcp: f.has('t'), udp: f.has('u'), all: f.has('a'), listening: f.has('l'), numeric: f.has('n'), programs: f.has('p'),
        hostName: hostNameOf(context),
      }),
    );
    return 0;
  },
};
