import net from 'node:net';

const server = net.createServer((socket) => {
  console.log(`server socket: local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`);
  socket.on('data', (data) => socket.write(`you said ${data}`));
  socket.on('error', () => undefined);
});

// Loopback only: laptop's client cannot reach it.
server.listen(4000, '127.0.0.1');
