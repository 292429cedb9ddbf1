// The driver: five web clients on laptop ask the test web server on web for pages, the way real ones do. The
// server is on port 8080, not the web's port 80, so every URL must name it (http://web:8080/...), and every
// Host header says web:8080. The first curl forgets the port once: http://web/ goes to port 80, where nothing
// listens, and is refused; then it names the port. Two
// are curl, one is wget (its Host header comes after User-Agent), one is a program using fetch (lower-case
// header names, which HTTP allows), and a browser asks for a page and its icon on two connections at once.
// Each request goes in several pieces with pauses between them (one is cut inside its path, one just before
// its final empty line), and the clients come and go while others are still talking.
// The paths differ per run: they come from the run's seed (EXERCISE_SEED).
// Each client reads the response as a client does (status line, headers, an empty line, Content-Length bytes
// of body), prints it, and hangs up. It checks nothing itself: the grader reads what the network recorded.
import net from 'node:net';

/** xorshift32: a small deterministic generator, so a run can be replayed from its seed. */
function generator(seed: number): () => number {
  let state = (Math.imul(seed, 0x9e3779b1) ^ 0x2545f491) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

// The page gives each run its seed; on your own computer there is none, and every run asks for the same.
const seed = Number(process.env.EXERCISE_SEED ?? '1');
const random = generator(Number.isFinite(seed) ? seed : 1);
const WORDS = ['amber', 'basil', 'cedar', 'delta', 'ember', 'fjord', 'gecko', 'harbor', 'indigo', 'juniper', 'kiwi', 'lumen', 'maple', 'nectar', 'orbit', 'pebble', 'quartz', 'raven', 'saffron', 'tundra', 'umber', 'violet', 'willow', 'yarrow', 'zephyr'];
const word = () => WORDS[Math.floor(random() * WORDS.length)]!;
const between = (from: number, to: number) => from + Math.floor(random() * (to - from));

/** Where the web server is. A URL names its port only when it is not http's default. */
const HOST = 'web';
const PORT: number = 8080;
const HTTP_DEFAULT_PORT = 80; // the scheme's default port
const HOST_HEADER = PORT === HTTP_DEFAULT_PORT ? HOST : `${HOST}:${PORT}`;
const URL_BASE = `http://${HOST_HEADER}`;

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

/** The request head each kind of client writes, in its own header order and case. */
function requestHead(client: 'curl' | 'wget' | 'fetch' | 'browser', path: string): string {
  const lines = {
    curl: [`GET ${path} HTTP/1.1`, `Host: ${HOST_HEADER}`, 'User-Agent: curl/7.88.1', 'Accept: */*'],
    wget: [`GET ${path} HTTP/1.1`, 'User-Agent: Wget/1.21.3', 'Accept: */*', 'Accept-Encoding: identity', `Host: ${HOST_HEADER}`, 'Connection: Keep-Alive'],
    fetch: [`GET ${path} HTTP/1.1`, `host: ${HOST_HEADER}`, 'connection: keep-alive', 'accept: */*', 'accept-language: *', 'sec-fetch-mode: cors', 'user-agent: node', 'accept-encoding: gzip, deflate'],
    browser: [`GET ${path} HTTP/1.1`, `Host: ${HOST_HEADER}`, `User-Agent: ${FIREFOX}`, 'Accept: text/html,application/xhtml+xml,*/*;q=0.8', 'Accept-Language: en-GB,en;q=0.5', 'Connection: keep-alive'],
  }[client];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** One client: who it is, when it starts (ms), the path it asks for, and where its request is cut into pieces. */
interface Plan {
  name: string;
  kind: 'curl' | 'wget' | 'fetch' | 'browser';
  startAt: number;
  /** Tries the URL without the port first, as a person who forgot it would. */
  forgetsThePortFirst?: boolean;
  path: string;
  /** Cut points in the request (characters from its start, or from its end when negative), and the pause before each next piece. */
  cuts: { at: (request: string) => number; pause: number }[];
}

function plans(): Plan[] {
  const page = `/${word()}/${word()}-${between(1, 100)}.html`;
  return [
    // Cut inside its path: the first piece is "GET /" and a few letters.
    { name: 'curl', kind: 'curl', startAt: 0, forgetsThePortFirst: true, path: `/notes/${word()}`, cuts: [{ at: () => 5 + between(1, 4), pause: between(20, 60) }, { at: (r) => r.length - 2, pause: between(10, 30) }] },
    // Host comes late, and the empty line that ends the head comes on its own, after a pause.
    { name: 'wget', kind: 'wget', startAt: between(0, 10), path: `/${word()}`, cuts: [{ at: (r) => r.indexOf('Accept:'), pause: between(30, 70) }, { at: (r) => r.length - 2, pause: between(40, 80) }] },
    // A browser: the page and its icon on two connections at once.
    { name: 'browser', kind: 'browser', startAt: between(20, 40), path: page, cuts: [{ at: (r) => r.indexOf('\r\n') + 2, pause: between(10, 30) }] },
    { name: 'browser', kind: 'browser', startAt: between(25, 45), path: '/favicon.ico', cuts: [{ at: (r) => r.indexOf('Accept:'), pause: between(10, 30) }] },
    // Comes when curl has gone and the others are still talking; its header names are lower-case.
    { name: 'fetch', kind: 'fetch', startAt: between(110, 130), path: `/search?q=${word()}`, cuts: [{ at: (r) => r.indexOf('accept:'), pause: between(10, 40) }] },
  ];
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The pieces a request goes in. */
function pieces(request: string, plan: Plan): { text: string; pause: number }[] {
  const out: { text: string; pause: number }[] = [];
  let from = 0;
  for (const cut of plan.cuts) {
    const at = cut.at(request);
    if (at <= from || at >= request.length) continue;
    out.push({ text: request.slice(from, at), pause: cut.pause });
    from = at;
  }
  out.push({ text: request.slice(from), pause: 0 });
  return out;
}

/** What a client makes of the bytes it got: the status line and the body, read by Content-Length. */
function readResponse(bytes: Buffer): { statusLine: string; body: string } | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...headers] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const length = headers.find((line) => line.toLowerCase().startsWith('content-length:'))?.slice('content-length:'.length).trim();
  if (length === undefined || !/^\d+$/.test(length) || bytes.length - end - 4 < Number(length)) return undefined;
  return { statusLine, body: bytes.subarray(end + 4, end + 4 + Number(length)).toString('utf8') };
}

/** `curl http://web/`: a URL without a port goes to http's default, 80, where this test server is not. */
function forgetThePort(): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port: HTTP_DEFAULT_PORT });
    socket.on('connect', () => {
      console.log(`curl http://${HOST}/ → something else answers on port ${HTTP_DEFAULT_PORT}`);
      socket.destroy();
      resolve();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      console.log(`curl http://${HOST}/ → curl: (7) Failed to connect to ${HOST} port ${HTTP_DEFAULT_PORT}: ${err.code === 'ECONNREFUSED' ? 'Connection refused' : err.code}`);
      resolve();
    });
  });
}

async function client(plan: Plan): Promise<void> {
  await wait(plan.startAt);
  if (plan.forgetsThePortFirst) await forgetThePort();
  const request = requestHead(plan.kind, plan.path);
  // allowHalfOpen: the client sends its whole request even if the server hangs up early, as a real one would.
  const socket = net.connect({ host: HOST, port: PORT, allowHalfOpen: true });
  let received = Buffer.alloc(0);
  let failed = '';
  socket.on('error', (err: NodeJS.ErrnoException) => (failed = err.code ?? err.message));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  const done = new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (readResponse(received)) resolve();
    });
    socket.on('end', () => resolve());
    void closed.then(() => resolve());
  });
  const connected = await Promise.race([new Promise<boolean>((resolve) => socket.once('connect', () => resolve(true))), closed.then(() => false)]);
  if (connected) {
    for (const piece of pieces(request, plan)) {
      if (!socket.writable) break;
      socket.write(piece.text);
      await wait(piece.pause);
    }
    // A server that never answers must not keep the client forever.
    await Promise.race([done, wait(1000)]);
    // The client has what it came for (or gives up): it hangs up, as curl does when it is done.
    socket.end();
    setTimeout(() => socket.destroy(), 500).unref();
    await closed;
  }
  const response = readResponse(received);
  const url = `${URL_BASE}${plan.path}`;
  if (response) console.log(`${plan.name} ${url} → ${response.statusLine}, ${JSON.stringify(response.body)}`);
  else console.log(`${plan.name} ${url} → ${failed ? `failed: ${failed}` : received.length === 0 ? 'no response' : `a response it cannot read: ${JSON.stringify(received.toString('latin1').slice(0, 60))}`}`);
}

await Promise.all(plans().map(client));
