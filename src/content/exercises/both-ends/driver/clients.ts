// The driver: four clients on laptop ask the service on web:9000 who they are, at overlapping times: each
// connects, waits a moment, sends one question line (sometimes in two pieces), reads the answer, and hangs up.
// Two of them are connected at once while a third comes, and the order and pauses differ per run (from the
// run's seed, EXERCISE_SEED). It checks nothing itself: the grader reads what the network recorded.
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

const seed = Number(process.env.EXERCISE_SEED ?? '1');
const random = generator(Number.isFinite(seed) ? seed : 1);
const between = (from: number, to: number) => from + Math.floor(random() * (to - from));
const QUESTIONS = ['who am I?', 'which socket is this?', 'what are our end-points?', 'where am I?'];
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function ask(n: number, startAt: number, pause: number, inTwoPieces: boolean): Promise<void> {
  await wait(startAt);
  const socket = net.connect({ host: 'web', port: 9000 });
  let answer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (answer += chunk));
  socket.on('error', (err: NodeJS.ErrnoException) => console.log(`client ${n}: ${err.code ?? err.message}`));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  const connected = await Promise.race([new Promise<boolean>((resolve) => socket.once('connect', () => resolve(true))), closed.then(() => false)]);
  if (connected) {
    const me = `${socket.localAddress}:${socket.localPort}`;
    const gotLine = new Promise<void>((resolve) => socket.on('data', () => answer.includes('\n') && resolve()));
    await wait(pause);
    const question = `${QUESTIONS[Math.floor(random() * QUESTIONS.length)]}\n`;
    if (inTwoPieces) {
      socket.write(question.slice(0, 4));
      await wait(between(10, 30));
    }
    if (socket.writable) socket.write(inTwoPieces ? question.slice(4) : question);
    await Promise.race([gotLine, closed, wait(1000)]);
    socket.end();
    setTimeout(() => socket.destroy(), 500).unref();
    await closed;
    console.log(`client ${n} (${me}) was told: ${JSON.stringify(answer)}`);
  }
}

// The first to connect asks last: a server that keeps "the client" in one variable answers the wrong one.
await Promise.all([
  ask(1, 0, between(120, 160), true),
  ask(2, between(5, 15), between(20, 40), false),
  ask(3, between(30, 50), between(10, 30), random() < 0.5),
  ask(4, between(200, 240), between(10, 30), false),
]);
