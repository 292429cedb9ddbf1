import net from 'node:net';

const PORT = 8080;

// The echo service (done): whatever a client sends comes straight back.
const server = net.createServer((socket) => {
  socket.pipe(socket);
  socket.on('error', (err) => console.log(`a client's connection failed: ${err.message}`));
});

// A failed listen arrives as an 'error' event on the server (try/catch around listen() never sees it).
server.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EADDRINUSE') throw err;
  console.error(`port ${PORT} is taken (is an old copy still running? ss -tlnp shows who has it): trying again in half a second`);
  setTimeout(() => server.listen(PORT), 500);
});

server.listen(PORT, () => console.log(`echo server listening on port ${PORT}`));
