import net from 'node:net';

const PORT = 8080;

// The echo service (done): whatever a client sends comes straight back.
const server = net.createServer((socket) => {
  socket.pipe(socket);
  socket.on('error', (err) => console.log(`a client's connection failed: ${err.message}`));
});

// TODO: an old copy of this service still holds port 8080, so listen() fails with EADDRINUSE.
//       Listen for the server's 'error' event: say in one line that the port is taken, and try again
//       a moment later (at least once a second) until listen succeeds.

server.listen(PORT, () => console.log(`echo server listening on port ${PORT}`));
