// The driver on intranet: its wiki on port 8080 runs on some days and not on others, as the run's seed says
// (EXERCISE_SEED; on your own computer there is none, and it runs). It checks nothing itself.
import net from 'node:net';

const seed = process.env.EXERCISE_SEED;
const running = seed === undefined || Number(seed) % 3 !== 1;

if (running) {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end('intranet wiki here\n');
  });
  server.listen(8080, () => console.log('intranet: the wiki listens on port 8080'));
} else {
  console.log('intranet: the wiki is stopped today (nothing listens on port 8080)');
}
