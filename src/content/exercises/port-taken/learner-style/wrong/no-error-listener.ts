import net from 'node:net';

const PORT = 8080;

const server = net.createServer((socket) => {
  socket.pipe(socket);
  socket.on('error', (err) => console.log(`a client's connection failed: ${err.message}`));
});

// No 'error' listener on the server: EADDRINUSE crashes the program.
server.listen(PORT, () => console.log(`echo server listening on port ${PORT}`));
