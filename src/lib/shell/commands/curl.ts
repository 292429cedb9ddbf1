/** `curl` (7.88, as Debian 12 ships it): one HTTP/1.1 request over netsim, with -v showing the exchange. */
import { describeErrno, errorCode, type CommandContext, type CommandSpec } from '../command';
import { getopt } from '../getopt';
import { bodyFraming, decodeChunked, header, parseHead, type HttpResponseHead } from './http-response';

const USER_AGENT = 'curl/7.88.1';

interface Request {
  method: string;
  host: string;
  port: number;
  path: string;
  extraHeaders: string[];
  data?: string;
}

function parseUrl(url: string): { scheme: string; host: string; port: number; path: string } | undefined {
  const match = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]+)(?::(\d*))?([^#]*)/.exec(url);
  if (!match) return undefined;
  const scheme = (match[1] ?? 'http').toLowerCase();
  const port = match[3] ? Number(match[3]) : scheme === 'https' ? 443 : 80;
  if (port < 1 || port > 65535) return undefined;
  const path = match[4] || '/';
  return { scheme, host: match[2]!, port, path: path.startsWith('/') ? path : `/${path}` };
}

function requestText(request: Request): string[] {
  const hostHeader = request.port === 80 ? request.host : `${request.host}:${request.port}`;
  const lines = [`${request.method} ${request.path} HTTP/1.1`, `Host: ${hostHeader}`, `User-Agent: ${USER_AGENT}`, 'Accept: */*'];
  lines.push(...request.extraHeaders);
  if (request.data !== undefined) {
    lines.push(`Content-Length: ${request.data.length}`, 'Content-Type: application/x-www-form-urlencoded');
  }
  return lines;
}

interface Exchange {
  head?: HttpResponseHead;
  body: string;
  /** The server closed the connection (so curl closes too, rather than keeping it). */
  serverClosed: boolean;
}

export const curlCommand: CommandSpec = {
  name: 'curl',
  summary: 'curl http://HOST[:PORT]/PATH: an HTTP GET (-v shows the conversation, -i the headers)',
  async run(context) {
    const parsed = getopt(context.args.map((a) => (a === '--verbose' ? '-v' : a === '--include' ? '-i' : a === '--head' ? '-I' : a)), 'vsSiIfLk', 'HXdAm');
    if (parsed.kind !== 'ok') {
      if (parsed.kind === 'unknown' && parsed.option.startsWith('--')) context.out(`curl: option ${parsed.option}: is unknown\n`);
      else if (parsed.kind === 'unknown') context.out(`curl: option -${parsed.option}: is unknown\n`);
      else context.out(`curl: option -${parsed.option}: requires parameter\n`);
      context.out("curl: try 'curl --help' or 'curl --manual' for more information\n");
      return 2;
    }
    const { flags, operands } = parsed;
    const url = operands[0];
    if (url === undefined) {
      context.out("curl: try 'curl --help' or 'curl --manual' for more information\n");
      return 2;
    }
    const target = parseUrl(url);
    if (!target) {
      context.out('curl: (3) URL using bad/illegal format or missing URL\n');
      return 3;
    }
    // Real curl speaks https (and more); the emulated network has no TLS, so this terminal's curl says so
    // in its own words rather than pretend to be a curl without https.
    if (target.scheme === 'https') {
      context.out(`curl: (1) the emulated network has no TLS, so https:// cannot work here; try http://${target.host}${target.port === 443 ? '' : `:${target.port}`}${target.path}\n`);
      return 1;
    }
    if (target.scheme !== 'http') {
      context.out(`curl: (1) this terminal's curl speaks http:// only, not ${target.scheme}://\n`);
      return 1;
    }
    const data = flags.get('d');
    const request: Request = {
      method: typeof flags.get('X') === 'string' ? (flags.get('X') as string) : flags.has('I') ? 'HEAD' : data !== undefined ? 'POST' : 'GET',
      host: target.host,
      port: target.port,
      path: target.path,
      extraHeaders: typeof flags.get('H') === 'string' ? [flags.get('H') as string] : [],
      data: typeof data === 'string' ? data : undefined,
    };
    return fetchOnce(context, request, { verbose: flags.has('v'), include: flags.has('i') || flags.has('I'), failOnError: flags.has('f') });
  },
};

async function fetchOnce(context: CommandContext, request: Request, show: { verbose: boolean; include: boolean; failOnError: boolean }): Promise<number> {
  const verbose = (text: string) => show.verbose && context.out(text);
  const ip = context.network.resolve(request.host);
  if (ip === undefined) {
    verbose(`* Could not resolve host: ${request.host}\n* Closing connection 0\n`);
    context.out(`curl: (6) Could not resolve host: ${request.host}\n`);
    return 6;
  }
  const started = context.network.now;
  verbose(`*   Trying ${ip}:${request.port}...\n`);
  const process = context.spawn('curl');
  const socket = process.sockets.socket('tcp');
  try {
    const connecting = socket.connect(ip, request.port);
    connecting.catch(() => {});
    await Promise.race([connecting, context.interrupted]);
    if (context.isInterrupted()) return 130;
  } catch (error) {
    const after = Math.round(context.network.now - started);
    verbose(`* connect to ${ip} port ${request.port} failed: ${describeErrno(errorCode(error))}\n`);
    const failure = `Failed to connect to ${request.host} port ${request.port} after ${after} ms: Couldn't connect to server`;
    verbose(`* ${failure}\n* Closing connection 0\n`);
    context.out(`curl: (7) ${failure}\n`);
    return 7;
  }
  verbose(`* Connected to ${request.host} (${ip}) port ${request.port} (#0)\n`);
  const lines = requestText(request);
  for (const line of lines) verbose(`> ${line}\n`);
  verbose('> \n');
  await socket.send(lines.join('\r\n') + '\r\n\r\n' + (request.data ?? ''));

  const exchange = await readResponse(context, socket, request.method);
  if (context.isInterrupted()) return 130;
  if (!exchange.head) {
    verbose('* Empty reply from server\n* Closing connection 0\n');
    context.out('curl: (52) Empty reply from server\n');
    return 52;
  }
  const head = exchange.head;
  for (const line of [head.statusLine, ...head.headers.map(([k, v]) => `${k}: ${v}`)]) verbose(`< ${line}\n`);
  verbose('< \n');
  if (show.failOnError && head.status >= 400) {
    verbose('* Closing connection 0\n');
    context.out(`curl: (22) The requested URL returned error: ${head.status}\n`);
    return 22;
  }
  if (show.include) {
    context.out([head.statusLine, ...head.headers.map(([k, v]) => `${k}: ${v}`)].join('\n') + '\n\n');
  }
  context.out(exchange.body);
  const closing = exchange.serverClosed || header(head, 'connection')?.toLowerCase() === 'close';
  verbose(closing ? '* Closing connection 0\n' : `* Connection #0 to host ${request.host} left intact\n`);
  // curl closes its end when it exits, either way.
  await socket.close().catch(() => {});
  return 0;
}

async function readResponse(context: CommandContext, socket: import('../../netsim/api').ExplicitSocket, method: string): Promise<Exchange> {
  let buffer = '';
  let head: HttpResponseHead | undefined;
  let raw = '';
  for (;;) {
    const receiving = socket.recv();
    receiving.catch(() => {});
    let received: Awaited<typeof receiving> | undefined;
    try {
      received = await Promise.race([receiving, context.interrupted.then(() => undefined)]);
    } catch {
      return { head, body: raw, serverClosed: true };
    }
    if (!received) return { head, body: raw, serverClosed: true };
    const closed = received.data.length === 0;
    if (!head) {
      buffer += received.text;
      const split = parseHead(buffer);
      if (split) {
        head = split.head;
        raw = split.rest;
      }
    } else {
      raw += received.text;
    }
    if (head) {
      const framing = bodyFraming(head, method);
      switch (framing.kind) {
        case 'none':
          return { head, body: '', serverClosed: closed };
        case 'length':
          if (raw.length >= framing.bytes) return { head, body: raw.slice(0, framing.bytes), serverClosed: closed };
          break;
        case 'chunked': {
          const decoded = decodeChunked(raw);
          if (decoded.complete || closed) return { head, body: decoded.body, serverClosed: closed };
          break;
        }
        case 'until-close':
          break;
        default: {
          const never: never = framing;
          return never;
        }
      }
    }
    if (closed) return { head, body: raw, serverClosed: true };
  }
}
