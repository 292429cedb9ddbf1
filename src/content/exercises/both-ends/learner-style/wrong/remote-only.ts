import net from 'node:net';

// Names the client only: the connection has two ends.
const server = net.createServer((socket) => {
  socket.once('data', () => socket.write(`you are ${socket.remoteAddress}:${socket.remotePort}\n`));
  socket.on('error', () => undefined);
});

server.listen(9000);
