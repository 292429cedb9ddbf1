import net from 'node:net';

const server = net.createServer((socket) => {
  console.log(`server socket: local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`);
  // The answer goes to the server's own screen, not into the socket.
  socket.on('data', (data) => process.stdout.write(`answer: you said ${data}`));
  socket.on('error', () => undefined);
});

server.listen(4000);
