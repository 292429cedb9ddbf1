/** `trace`: the course's own, friendlier view of what netsim recorded (packets and socket changes), oldest first. */
import type { TraceEvent } from '../../netsim/types';
import type { CommandSpec } from '../command';
import { tcpdumpFlags } from '../format/tcpdump';

function describe(event: TraceEvent): string {
  switch (event.kind) {
    case 'tcp': {
      const data = event.length > 0 ? ` ${event.length} bytes "${event.preview}"` : '';
      const dropped = event.fate === 'dropped' ? ' (dropped)' : '';
      return `TCP  ${event.src.ip}:${event.src.port} -> ${event.dst.ip}:${event.dst.port} [${event.flags.join(',') || tcpdumpFlags(event.flags)}]${data}${dropped}`;
    }
    case 'udp':
      return `UDP  ${event.src.ip}:${event.src.port} -> ${event.dst.ip}:${event.dst.port} ${event.length} bytes "${event.preview}"${event.fate === 'dropped' ? ' (dropped)' : ''}`;
    case 'icmp':
      return `ICMP ${event.src} -> ${event.dst} ${event.type} ${event.detail}`;
    case 'arp':
      return `ARP  ${event.host} asks who has ${event.target}: ${event.answered ? 'answered' : 'no answer'}`;
    case 'socket': {
      const where = event.local ? ` ${event.local.ip}:${event.local.port}` : '';
      const peer = event.remote ? ` <-> ${event.remote.ip}:${event.remote.port}` : '';
      const change = event.change === 'state' ? `${event.from} -> ${event.to}` : event.change;
      return `SOCK ${event.host} ${event.protocol} socket #${event.socket}${where}${peer}: ${change}`;
    }
    default: {
      const never: never = event;
      return never;
    }
  }
}

export const traceCommand: CommandSpec = {
  name: 'trace',
  summary: 'what the network recorded, in plain words (trace -n 50 for more lines)',
  run(context) {
    const nIndex = context.args.indexOf('-n');
    const limit = nIndex >= 0 ? Number(context.args[nIndex + 1]) : 20;
    if (!(limit > 0)) {
      context.out('usage: trace [-n LINES]\n');
      return 2;
    }
    const events = context.network.trace();
    const shown = events.slice(-limit);
    if (events.length > shown.length) context.out(`(${events.length - shown.length} earlier events not shown)\n`);
    for (const event of shown) context.out(`${event.at.toFixed(3).padStart(10)} ms  ${describe(event)}\n`);
    return 0;
  },
};
