/**
 * `nc` (OpenBSD netcat, as Debian ships it): a TCP or UDP client or server on the current host. Typed lines
 * are sent, what arrives is printed. One difference, on purpose: Ctrl+D half-closes the connection (sends a
 * FIN, as `nc -N` does), so the learner can watch a half-close; real nc needs -N for that.
 */
import type { ExplicitSocket } from '../../netsim/api';
import type { Endpoint } from '../../netsim/types';
import { describeErrno, errorCode, type CommandContext, type CommandSpec } from '../command';
import { getopt } from '../getopt';
import { serviceName } from '../services';

const USAGE_LINES = `usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
\t  [destination] [port]
`;

const HELP = `OpenBSD netcat (Debian patchlevel 1.219-1)
${USAGE_LINES}\tCommand Summary:
\t\t-4\t\tUse IPv4
\t\t-h\t\tThis help text
\t\t-k\t\tKeep inbound sockets open for multiple connects
\t\t-l\t\tListen mode, for inbound connects
\t\t-N\t\tShutdown the network socket after EOF on stdin
\t\t-n\t\tSuppress name/port resolutions
\t\t-p port\t\tSpecify local port for remote connects
\t\t-u\t\tUDP mode
\t\t-v\t\tVerbose
\t\t-w timeout\tTimeout for connects and final net reads
\t\t-z\t\tZero-I/O mode [used for scanning]
\tPort numbers can be individual or ranges: lo-hi [inclusive]
`;

interface NcOptions {
  udp: boolean;
  verbose: boolean;
  numeric: boolean;
  keep: boolean;
}

/** Ports as nc reads them: `80` or a range `80-82` (for -z). */
function parsePorts(text: string): number[] | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) return undefined;
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  if (first < 1 || last > 65535 || last < first) return undefined;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Races a socket call against Ctrl+C; `undefined` means interrupted. */
async function unlessInterrupted<T>(context: CommandContext, work: Promise<T>): Promise<T | undefined> {
  work.catch(() => {});
  return Promise.race([work, context.interrupted.then(() => undefined)]);
}

/**
 * Copies between the terminal and a socket until the peer closes, Ctrl+C, or an error. For UDP, `peer`
 * says where typed lines go (learned from the first datagram when listening).
 */
function converse(context: CommandContext, socket: ExplicitSocket, udp: boolean, peer: { to?: Endpoint }): Promise<number> {
  return new Promise((resolve) => {
    let finished = false;
    const finish = (status: number) => {
      if (finished) return;
      finished = true;
      void socket.close().catch(() => {});
      resolve(status);
    };
    context.interrupted.then(() => finish(130));
    context.onInput((input) => {
      if (finished) return;
      if (input.kind === 'eof') {
        if (!udp) void socket.shutdown().catch(() => {});
        return;
      }
      if (udp && !peer.to) return;
      socket.send(input.text, udp ? peer.to : undefined).catch(() => finish(1));
    });
    void (async () => {
      try {
        for (;;) {
          const received = await socket.recv();
          if (finished) return;
          if (!udp && received.data.length === 0) return finish(0);
          if (udp && !peer.to) peer.to = received.from;
          context.out(received.text);
        }
      } catch {
        finish(1);
      }
    })();
  });
}

async function connectOut(context: CommandContext, options: NcOptions, host: string, ports: number[], zero: boolean): Promise<number> {
  const ip = context.network.resolve(host);
  if (ip === undefined) {
    context.out(`nc: getaddrinfo for host "${host}" port ${ports[0]}: Name or service not known\n`);
    return 1;
  }
  const protocol = options.udp ? 'udp' : 'tcp';
  const named = !options.numeric && host !== ip ? `${host} (${ip})` : host;
  let status = 1;
  for (const port of ports) {
    const process = context.spawn('nc');
    const socket = process.sockets.socket(protocol);
    try {
      await unlessInterrupted<unknown>(context, options.udp ? socket.bind('0.0.0.0', 0) : socket.connect(ip, port));
      if (context.isInterrupted()) return 130;
    } catch (error) {
      if (options.verbose) context.out(`nc: connect to ${named} port ${port} (${protocol}) failed: ${describeErrno(errorCode(error))}\n`);
      continue;
    }
    status = 0;
    if (options.verbose || zero) {
      context.out(`Connection to ${named} ${port} port [${protocol}/${serviceName(protocol, port) ?? '*'}] succeeded!\n`);
    }
    if (zero) {
      await socket.close().catch(() => {});
      continue;
    }
    return converse(context, socket, options.udp, { to: { ip, port } });
  }
  return status;
}

async function listen(context: CommandContext, options: NcOptions, port: number): Promise<number> {
  const process = context.spawn('nc');
  const protocol = options.udp ? 'udp' : 'tcp';
  const listener = process.sockets.socket(protocol);
  try {
    await listener.bind('0.0.0.0', port);
    if (!options.udp) await listener.listen(1);
  } catch (error) {
    context.out(`nc: ${describeErrno(errorCode(error))}\n`);
    return 1;
  }
  if (options.verbose) context.out(`${options.udp ? 'Bound on' : 'Listening on'} 0.0.0.0 ${port}\n`);
  const peerName = (from: Endpoint) => {
    const name = options.numeric ? undefined : context.network.hosts().find((h) => h.nics.some((n) => n.ip === from.ip))?.name;
    return `${name ?? from.ip} ${from.port}`;
  };
  if (options.udp) {
    // UDP has no connection: the first datagram's sender becomes the peer.
    return converse(context, listener, true, {});
  }
  for (;;) {
    let connection: ExplicitSocket | undefined;
    try {
      connection = await unlessInterrupted(context, listener.accept());
    } catch (error) {
      context.out(`nc: ${describeErrno(errorCode(error))}\n`);
      return 1;
    }
    if (!connection) return 130;
    const from = connection.remoteEndpoint();
    if (options.verbose && from) context.out(`Connection received on ${peerName(from)}\n`);
    // Without -k, nc stops listening once a client is in.
    if (!options.keep) await listener.close().catch(() => {});
    const status = await converse(context, connection, false, {});
    if (!options.keep || status === 130) return status;
  }
}

export const ncCommand: CommandSpec = {
  name: 'nc',
  summary: 'netcat: nc HOST PORT talks TCP to a server; nc -l PORT is a server (-u UDP, -v, -z)',
  async run(context) {
    const parsed = getopt(context.args, '46CDdFhklNnrStUuvZz', 'IiMmOPpqsTVWwXx');
    if (parsed.kind === 'unknown') {
      context.out(`nc: invalid option -- '${parsed.option.replace(/^-+/, '')}'\n${USAGE_LINES}`);
      return 1;
    }
    if (parsed.kind === 'missing-value') {
      context.out(`nc: option requires an argument -- '${parsed.option}'\n${USAGE_LINES}`);
      return 1;
    }
    const { flags, operands } = parsed;
    if (flags.has('h')) {
      context.out(HELP);
      return 1;
    }
    const options: NcOptions = { udp: flags.has('u'), verbose: flags.has('v'), numeric: flags.has('n'), keep: flags.has('k') };
    if (flags.has('l')) {
      const portText = operands[operands.length - 1] ?? (typeof flags.get('p') === 'string' ? (flags.get('p') as string) : undefined);
      const ports = portText === undefined ? undefined : parsePorts(portText);
      if (!portText) {
        context.out('nc: missing port number\n');
        return 1;
      }
      if (!ports || ports.length !== 1) {
        context.out(`nc: port number invalid: ${portText}\n`);
        return 1;
      }
      return listen(context, options, ports[0]!);
    }
    if (operands.length === 0) {
      context.out(USAGE_LINES);
      return 1;
    }
    if (operands.length === 1) {
      context.out('nc: missing port number\n');
      return 1;
    }
    const ports = parsePorts(operands[1]!);
    if (!ports) {
      context.out(`nc: port number invalid: ${operands[1]}\n`);
      return 1;
    }
    return connectOut(context, options, operands[0]!, ports, flags.has('z'));
  },
};
