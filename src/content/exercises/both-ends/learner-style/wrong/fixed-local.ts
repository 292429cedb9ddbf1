import net from 'node:net';

// web's address written in: right for laptop's clients, wrong for a client that came through 127.0.0.1.
const server = net.createServer((socket) => {
  socket.once('data', () => {
    socket.write(`local 10.0.0.2:9000 remote ${socket.remoteAddress}:${socket.remotePort}\n`);
  });
  socket.on('error', () => undefined);
});

server.listen(9000);
