/**
 * `tcpdump`: the packets this host's interface sees, live, one line each, until Ctrl+C (or -c N). It shows
 * packets from and to this host's own addresses (a router's forwarded traffic is not shown), and ARP: the
 * broadcast request reaches every card on the asker's subnet, the reply only the asker and the answerer.
 */
import { parseIpv4, sameSubnet } from '../../netsim/addresses';
import type { ArpEvent, HostView, TraceEvent } from '../../netsim/types';
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
  if (device === 'any') return loopback ? src.startsWith('127.') || own.has(src) : own.has(src) || own.has(dst);
  const nic = host.nics.find((n) => n.name === device);
  if (!nic) return false;
  if (nic.loopback) return loopback;
  return !loopback && (src === nic.ip || dst === nic.ip);
}

/**
 * The frames of one ARP exchange that a capture on `device` of `host` sees: the request is a broadcast, so
 * every card on the asker's subnet gets it; the reply (when someone answered) goes to the asker alone.
 */
export function arpFramesSeen(host: HostView, device: string, event: ArpEvent, hosts: readonly HostView[]): ('request' | 'reply')[] {
  const target = parseIpv4(event.target);
  const askerNic = hosts
    .find((h) => h.name === event.host)
    ?.nics.find((n) => !n.loopback && sameSubnet(parseIpv4(n.ip), target, n.prefix));
  if (!askerNic) return [];
  const nic = host.nics.find(
    (n) => !n.loopback && (device === 'any' || n.name === device) && n.prefix === askerNic.prefix && sameSubnet(parseIpv4(n.ip), parseIpv4(askerNic.ip), n.prefix),
  );
  if (!nic) return [];
  const answerer = nic.ip === event.target;
  return event.answered && (host.name === event.host || answerer) ? ['request', 'reply'] : ['request'];
}

export const tcpdumpCommand: CommandSpec = {
  name: 'tcpdump',
  summary: 'sudo tcpdump -n [-i eth0] [port 80]: every packet this host sends or receives, live (Ctrl+C stops)',
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
    // Capturing opens a packet socket, which only root may do.
    if (context.runAs !== 'root') {
      context.out(`tcpdump: ${device}: You don't have permission to perform this capture on that device\n(socket: Operation not permitted)\n`);
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
    macOf: (ip) => hosts.flatMap((h) => h.nics).find((n) => n.ip === ip && !n.loopback)?.mac,
    arpSender: (event) => {
      const target = parseIpv4(event.target);
      const nics = hosts.find((h) => h.name === event.host)?.nics.filter((n) => !n.loopback) ?? [];
      return (nics.find((n) => sameSubnet(parseIpv4(n.ip), target, n.prefix)) ?? nics[0])?.ip;
    },
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
    const print = (line: string) => {
      if (captured >= limit) return;
      captured++;
      context.out(`${line}\n`);
      if (captured >= limit) stop(false);
    };
    const unsubscribe = context.network.subscribe((event) => {
      if (captured >= limit || !test(event)) return;
      if (event.kind === 'arp') {
        for (const frame of arpFramesSeen(host, device, event, hosts)) print(frame === 'request' ? formatter.format(event)! : formatter.formatArpReply(event));
        return;
      }
      if (!seenOn(host, device, event)) return;
      const line = formatter.format(event);
      if (line !== undefined) print(line);
    });
    context.interrupted.then(() => {
      if (captured < limit) stop(true);
    });
  });
}
