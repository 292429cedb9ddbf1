import net from 'node:net';

const server = net.createServer((socket) => {
  socket.once('data', () => {
    socket.write(`local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}\n`);
  });
  socket.on('error', () => undefined);
});

// 'localhost': web's own clients through 127.0.0.1 get in, the others are refused.
server.listen(9000, 'localhost');
