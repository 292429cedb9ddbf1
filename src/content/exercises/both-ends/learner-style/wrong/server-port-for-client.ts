import net from 'node:net';

const PORT = 9000;

// The client's port taken to be the server's: the client's end has a port of its own, an ephemeral one.
const server = net.createServer((socket) => {
  socket.once('data', () => {
    socket.write(`local ${socket.localAddress}:${PORT} remote ${socket.remoteAddress}:${PORT}\n`);
  });
  socket.on('error', () => undefined);
});

server.listen(PORT);
