/**
 * `tcpdump`: the packets this host's interface sees, live, one line each, until Ctrl+C (or -c N). It shows
 * packets from and to this host's own addresses (a router's forwarded traffic is not shown).
 */
import type { HostView, TraceEvent } from '../../netsim/types';
import type { CommandContext, CommandSpec } from '../command';
import { TcpdumpFormatter } from '../format/tcpdump';
import { getopt } from '../getopt';
import { parseCaptureFilter } from './capture-filter';

/** Whether a packet crossed interface `device` ('any' = every interface) of `host`. */
export function seenOn(host: HostView, device: string, event: TraceEvent): boolean {
  const own = new Set(host.nics.filter((n) => !n.loopback).map((n) => n.ip));
  const ends = (): [string, string] | undefined => {
    switch (event.kind) {
      case 'tcp':
      case 'udp':
        return [event.src.ip, event.dst.ip];
      case 'icmp':
        return [event.src, event.dst];
      case 'arp':
        return event.host === host.name ? [event.target, event.target] : undefined;
      case 'socket':
        return undefined;
      default: {
        const never: never = event;
        return never;
      }
    }
  };
  const pair = ends();
  if (!pair) return false;
  const [src, dst] = pair;
  // Traffic to 127.x or from this host to itself goes over lo, as on Linux.
  const loopback = src.startsWith('127.') || dst.startsWith('127.') || (own.has(src) && own.has(dst));
  if (event.kind === 'arp') return !loopback && (device === 'any' || host.nics.some((n) => n.name === device && !n.loopback));
  if (device === 'any') return loopback ? src.startsWith('127.') || own.has(src) : own.has(src) || own.has(dst);
  const nic = host.nics.find((n) => n.name === device);
  if (!nic) return false;
  if (nic.loopback) return loopback;
  return !loopback && (src === nic.ip || dst === nic.ip);
}

export const tcpdumpCommand: CommandSpec = {
  name: 'tcpdump',
  summary: 'tcpdump -n [-i eth0] [port 80]: every packet this host sends or receives, live (Ctrl+C stops)',
  async run(context) {
    const parsed = getopt(context.args, 'nlqtvSeA#', 'ic');
    if (parsed.kind !== 'ok') {
      context.out(`tcpdump: ${parsed.kind === 'unknown' ? 'invalid option' : 'option requires an argument'} -- '${parsed.option.replace(/^-+/, '')}'\n`);
      context.out('Usage: tcpdump [-n] [-c count] [-i interface] [ expression ]\n');
      return 1;
    }
    const { flags, operands } = parsed;
    const host = context.network.hosts().find((h) => h.name === context.host)!;
    const device = typeof flags.get('i') === 'string' ? (flags.get('i') as string) : host.nics.find((n) => !n.loopback)?.name ?? 'lo';
    if (device !== 'any' && !host.nics.some((n) => n.name === device)) {
      context.out(`tcpdump: ${device}: No such device exists\n(SIOCGIFHWADDR: No such device)\n`);
      return 1;
    }
    const limit = flags.has('c') ? Number(flags.get('c')) : Infinity;
    if (!(limit > 0)) {
      context.out(`tcpdump: invalid packet count ${String(flags.get('c'))}\n`);
      return 1;
    }
    let test;
    try {
      test = parseCaptureFilter(operands, (name) => context.network.resolve(name));
    } catch (error) {
      context.out(`tcpdump: can't parse filter expression: ${(error as Error).message}\n`);
      return 1;
    }
    return capture(context, host, device, test, limit, flags.has('n'));
  },
};

function capture(
  context: CommandContext,
  host: HostView,
  device: string,
  test: (event: TraceEvent) => boolean,
  limit: number,
  numeric: boolean,
): Promise<number> {
  const hosts = context.network.hosts();
  const formatter = new TcpdumpFormatter({
    numeric,
    hostName: (ip) => hosts.find((h) => h.nics.some((n) => n.ip === ip && !n.loopback))?.name ?? (ip.startsWith('127.') ? 'localhost' : undefined),
    arpSender: (event) => hosts.find((h) => h.name === event.host)?.nics.find((n) => !n.loopback)?.ip,
  });
  context.out('tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n');
  const linkType = device === 'any' ? 'LINUX_SLL2 (Linux cooked v2)' : 'EN10MB (Ethernet)';
  context.out(`listening on ${device}, link-type ${linkType}, snapshot length 262144 bytes\n`);
  let captured = 0;
  return new Promise((resolve) => {
    const stop = (interrupted: boolean) => {
      unsubscribe();
      const plural = (n: number, word: string) => `${n} packet${n === 1 ? '' : 's'} ${word}`;
      context.out(`${interrupted ? '\n' : ''}${plural(captured, 'captured')}\n${plural(captured, 'received by filter')}\n0 packets dropped by kernel\n`);
      resolve(0);
    };
    const unsubscribe = context.network.subscribe((event) => {
      if (captured >= limit || !seenOn(host, device, event) || !test(event)) return;
      const line = formatter.format(event);
      if (line === undefined) return;
      captured++;
      context.out(`${line}\n`);
      if (captured >= limit) stop(false);
    });
    context.interrupted.then(() => {
      if (captured < limit) stop(true);
    });
  });
}
