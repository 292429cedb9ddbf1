import net from 'node:net';

const server = net.createServer((socket) => {
  // No line break at the end: the clients read lines, and wait for its end.
  socket.once('data', () => {
    socket.write(`local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`);
  });
  socket.on('error', () => undefined);
});

server.listen(9000);
