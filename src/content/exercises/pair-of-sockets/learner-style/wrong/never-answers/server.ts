import net from 'node:net';

const server = net.createServer((socket) => {
  console.log(`server socket: local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`);
  // Prints what came, and answers nothing.
  socket.on('data', (data) => console.log(`server received ${JSON.stringify(String(data))}`));
  socket.on('error', () => undefined);
});

server.listen(4000);
