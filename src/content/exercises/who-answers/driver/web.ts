// The driver on web: its web server on port 80 runs on some days and not on others, as the run's seed says
// (EXERCISE_SEED; on your own computer there is none, and it runs). When it runs it answers each connection
// with a line and closes it. It checks nothing itself: the grader reads the network's record.
import net from 'node:net';

const seed = process.env.EXERCISE_SEED;
const running = seed === undefined || Number(seed) % 3 !== 1;

if (running) {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end('web here\n');
  });
  server.listen(80, () => console.log('web: the web server listens on port 80'));
} else {
  console.log('web: the web server is stopped today (nothing listens on port 80)');
}
