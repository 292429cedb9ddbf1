import net from 'node:net';

const PORT = 8080;
const server = net.createServer((socket) => socket.pipe(socket));

// A new interval on every failure, and none is ever cleared: once listening, the next tick listens again.
server.on('error', (err) => {
  console.log(`not yet: ${err.message}`);
  setInterval(() => server.listen(PORT), 500);
});

server.listen(PORT);
