// The driver: an old copy of the echo service, started before yours. It still holds web:8080 when your server
// starts, finishes its work, and lets go of the port a while later: between 1.6 and 3 s after it started
// (when exactly differs per run: it comes from the run's seed, EXERCISE_SEED). On your own computer there is
// no seed, and it holds the port for 8 s: time to start server.ts in another terminal.
// It checks nothing itself: the grader reads what the network recorded.
import net from 'node:net';

/** xorshift32: a small deterministic generator; clients.ts draws the same numbers from the same seed. */
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
const holdFor = Number.isFinite(seed) ? 1600 + Math.floor(generator(seed)() * 1400) : 8000;

const old = net.createServer((socket) => {
  socket.pipe(socket);
  socket.on('error', () => socket.destroy());
});
old.listen(8080, () => console.log('old copy: listening on port 8080'));
setTimeout(() => {
  old.close(() => console.log('old copy: done, port 8080 is free'));
}, holdFor);
