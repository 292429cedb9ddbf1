// The driver: four clients on laptop use the echo service on web:7 the way real clients do. Three connect at
// once and talk over one another, in several chunks with pauses between them; one line is sent in two pieces
// and two lines go in one piece; client 1 leaves early and client 4 comes while 2 and 3 are still connected.
// Each client half-closes (end) after its last chunk and still waits for its echo.
// The text differs per client and per run: it comes from the run's seed (EXERCISE_SEED).
// It checks nothing itself: the grader reads what the network recorded.
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

// The page gives each run its seed; on your own computer there is none, and every run says the same.
const seed = Number(process.env.EXERCISE_SEED ?? '1');
const random = generator(Number.isFinite(seed) ? seed : 1);
const WORDS = ['amber', 'basil', 'cedar', 'delta', 'ember', 'fjord', 'gecko', 'harbor', 'indigo', 'juniper', 'kiwi', 'lumen', 'maple', 'nectar', 'orbit', 'pebble', 'quartz', 'raven', 'saffron', 'tundra', 'umber', 'violet', 'willow', 'yarrow', 'zephyr'];
const word = () => WORDS[Math.floor(random() * WORDS.length)]!;
/** A pause between writes, in milliseconds. */
const pause = (from: number, to: number) => from + Math.floor(random() * (to - from));
const line = (n: number) => `client ${n}: ${word()} ${word()} ${Math.floor(random() * 1000)}\n`;

/** What one client does: when it connects (ms after the start), then each chunk it writes after a pause. */
interface Plan {
  n: number;
  startAt: number;
  chunks: { after: number; text: string }[];
}

function plans(): Plan[] {
  const split = line(2);
  const cut = Math.floor(split.length / 2);
  return [
    // Comes, says three lines and leaves: gone by 100 ms.
    { n: 1, startAt: 0, chunks: [{ after: 0, text: line(1) }, { after: pause(20, 50), text: line(1) }, { after: pause(20, 50), text: line(1) }] },
    // Stays connected the longest (past 175 ms); one of its lines goes in two pieces.
    {
      n: 2,
      startAt: pause(0, 10),
      chunks: [{ after: 5, text: line(2) }, { after: pause(30, 60), text: split.slice(0, cut) }, { after: pause(20, 40), text: split.slice(cut) }, { after: pause(120, 160), text: line(2) }],
    },
    // Two lines in one chunk, then more (its last past 150 ms).
    { n: 3, startAt: pause(0, 10), chunks: [{ after: 10, text: line(3) + line(3) }, { after: pause(40, 90), text: line(3) }, { after: pause(100, 140), text: line(3) }] },
    // Comes between 120 and 140 ms: client 1 has gone, 2 and 3 are still talking.
    { n: 4, startAt: pause(120, 140), chunks: [{ after: 0, text: line(4) }, { after: pause(10, 30), text: line(4) }] },
  ];
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function client(plan: Plan): Promise<void> {
  await wait(plan.startAt);
  // allowHalfOpen: the client writes all it planned even if the server hangs up early, as a real client would.
  const socket = net.connect({ host: 'web', port: 7, allowHalfOpen: true });
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.on('error', (err: NodeJS.ErrnoException) => console.log(`client ${plan.n}: ${err.code ?? err.message}`));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  const connected = await Promise.race([new Promise<boolean>((resolve) => socket.once('connect', () => resolve(true))), closed.then(() => false)]);
  if (connected) {
    for (const chunk of plan.chunks) {
      await wait(chunk.after);
      if (!socket.writable) break;
      socket.write(chunk.text);
    }
    // Half-close: no more from this client, and it still waits for its echo.
    if (socket.writable) socket.end();
    // A server that never hangs up must not keep the client forever.
    const giveUp = setTimeout(() => socket.destroy(), 1000);
    await closed;
    clearTimeout(giveUp);
  }
  console.log(`client ${plan.n} got back ${JSON.stringify(received)}`);
}

await Promise.all(plans().map(client));
