import net from 'node:net';

// The server's half of the pair, on web.
const server = net.createServer((socket) => {
  // TODO: print this socket's two ends: `local ${…}:${…} remote ${…}:${…}`.
  // TODO: when a line comes, answer with a line on the same socket.
  socket.on('error', (err) => console.log(`connection failed: ${err.message}`));
});

// TODO: listen on port 4000.
