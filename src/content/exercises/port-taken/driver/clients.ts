// The driver: three clients on laptop use the echo service on web:8080, the port they know it by. They come
// 1.2 s or more after the old copy lets go of the port (they draw the same time from the run's seed as old-copy.ts),
// so a server that tries again at least once a second is listening by then. Each writes a few lines in
// pieces with pauses, half-closes (end) and waits for its echo; the text differs per client and per run.
// It checks nothing itself: the grader reads what the network recorded.
import net from 'node:net';

/** xorshift32, as old-copy.ts has it: the first number drawn is the old copy's time on the port. */
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

const seed = Number(process.env.EXERCISE_SEED);
const random = generator(Number.isFinite(seed) ? seed : 1);
const holdFor = Number.isFinite(seed) ? 1600 + Math.floor(random() * 1400) : 8000;
// This program starts at the same time as old-copy.ts or later, so counting from its own start it comes at
// least 1.2 s after the old copy has gone.
const comeAt = holdFor + 1200;

const WORDS = ['amber', 'basil', 'cedar', 'delta', 'ember', 'fjord', 'gecko', 'harbor', 'indigo', 'juniper', 'kiwi', 'lumen', 'maple', 'nectar', 'orbit', 'pebble', 'quartz', 'raven', 'saffron', 'tundra'];
const word = () => WORDS[Math.floor(random() * WORDS.length)]!;
const line = (n: number) => `client ${n}: ${word()} ${word()} ${Math.floor(random() * 1000)}\n`;
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function client(n: number, after: number, lines: string[]): Promise<void> {
  await wait(comeAt + after);
  const socket = net.connect({ host: 'web', port: 8080, allowHalfOpen: true });
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.on('error', (err: NodeJS.ErrnoException) => console.log(`client ${n}: ${err.code ?? err.message}`));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  const connected = await Promise.race([new Promise<boolean>((resolve) => socket.once('connect', () => resolve(true))), closed.then(() => false)]);
  if (connected) {
    for (const text of lines) {
      if (!socket.writable) break;
      socket.write(text);
      await wait(20 + Math.floor(random() * 40));
    }
    if (socket.writable) socket.end();
    const giveUp = setTimeout(() => socket.destroy(), 1000);
    await closed;
    clearTimeout(giveUp);
  }
  console.log(`client ${n} got back ${JSON.stringify(received)}`);
}

await Promise.all([
  client(1, 0, [line(1), line(1)]),
  client(2, 10 + Math.floor(random() * 20), [line(2), line(2), line(2)]),
  client(3, 60 + Math.floor(random() * 40), [line(3)]),
]);
