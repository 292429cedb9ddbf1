/** `ip addr`, `ip link`, `ip route` (iproute2) for the current host. */
import type { NicView } from '../../netsim/types';
import type { CommandContext, CommandSpec } from '../command';
import { broadcastAddress, formatIpAddr, formatIpLink } from '../format/ip-addr';

const USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
where  OBJECT := { address | link | route }
       OPTIONS := { -4 | -br[ief] }
`;

/** iproute2 accepts any prefix of an object's name: `ip a`, `ip addr`, `ip address`. */
function objectNamed(word: string): 'address' | 'link' | 'route' | 'help' | undefined {
  for (const object of ['address', 'link', 'route', 'help'] as const) {
    if (object.startsWith(word)) return object;
  }
  if ('ro'.startsWith(word) || word === 'r') return 'route';
  return undefined;
}

function selectDevice(context: CommandContext, nics: NicView[], rest: string[]): NicView[] | number {
  // `show`, `list`, `show dev eth0`, `show eth0`.
  const words = rest.filter((w) => w !== 'show' && w !== 'list' && w !== 'ls');
  const devIndex = words.indexOf('dev');
  const device = devIndex >= 0 ? words[devIndex + 1] : words[0];
  if (device === undefined) return nics;
  const nic = nics.find((n) => n.name === device);
  if (!nic) {
    context.out(`Device "${device}" does not exist.\n`);
    return 1;
  }
  return [nic];
}

function connectedRoutes(nics: NicView[]): string {
  return nics
    .filter((n) => !n.loopback)
    .map((n) => {
      const network = broadcastAddress(n.ip, n.prefix).split('.').map(Number);
      const mask = n.prefix === 0 ? 0 : (0xffffffff << (32 - n.prefix)) >>> 0;
      const base = [24, 16, 8, 0].map((s, i) => network[i]! & ((mask >>> s) & 255)).join('.');
      return `${base}/${n.prefix} dev ${n.name} proto kernel scope link src ${n.ip} \n`;
    })
    .join('');
}

/** `default via GATEWAY dev CARD`, first, as Linux lists it: the card is the one on the gateway's subnet. */
function defaultRoute(gateway: string | undefined, nics: NicView[], selected: NicView[]): string {
  if (gateway === undefined) return '';
  const toNumber = (ip: string) => ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
  const nic = nics.find((n) => {
    if (n.loopback) return false;
    const size = 2 ** (32 - n.prefix);
    return Math.floor(toNumber(n.ip) / size) === Math.floor(toNumber(gateway) / size);
  });
  if (!nic || !selected.includes(nic)) return '';
  return `default via ${gateway} dev ${nic.name} \n`;
}

export const ipCommand: CommandSpec = {
  name: 'ip',
  summary: 'ip addr: the NICs of this host and their IP addresses (also ip link, ip route)',
  subcommands: ['address', 'addr', 'link', 'route'],
  run(context) {
    const args = context.args.filter((a) => a !== '-4');
    const brief = args[0] === '-br' || args[0] === '-brief';
    if (brief) args.shift();
    if (args[0]?.startsWith('-')) {
      context.out(`Option "${args[0]}" is unknown, try "ip -help".\n`);
      return 255;
    }
    if (args.length === 0) {
      context.out(USAGE);
      return 255;
    }
    const object = objectNamed(args[0]!);
    if (!object) {
      context.out(`Object "${args[0]}" is unknown, try "ip help".\n`);
      return 1;
    }
    if (object === 'help') {
      context.out(USAGE);
      return 255;
    }
    const action = args[1];
    if (action !== undefined && !['show', 'list', 'ls', 'dev'].includes(action) && !action.startsWith('eth') && action !== 'lo') {
      context.out(`Command "${action}" is unknown, try "ip ${object} help".\n`);
      return 255;
    }
    const host = context.network.hosts().find((h) => h.name === context.host);
    const nics = [...(host?.nics ?? [])].sort((a, b) => a.index - b.index);
    const selected = selectDevice(context, nics, args.slice(1));
    if (typeof selected === 'number') return selected;
    switch (object) {
      case 'address':
        context.out(
          brief
            ? selected.map((n) => `${n.name.padEnd(16)} ${(n.loopback ? 'UNKNOWN' : 'UP').padEnd(14)} ${n.ip}/${n.prefix} \n`).join('')
            : formatIpAddr(selected),
        );
        return 0;
      case 'link':
        context.out(formatIpLink(selected));
        return 0;
      case 'route':
        context.out(defaultRoute(host?.gateway, nics, selected) + connectedRoutes(selected));
        return 0;
      default: {
        const never: never = object;
        return never;
      }
    }
  },
};
