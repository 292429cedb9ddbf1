import net from 'node:net';

const server = net.createServer((socket) => {
  socket.once('data', () => {
    // The client's end first, as if "local" meant the client.
    socket.write(`local ${socket.remoteAddress}:${socket.remotePort} remote ${socket.localAddress}:${socket.localPort}\n`);
  });
  socket.on('error', () => undefined);
});

server.listen(9000);
