import net from 'node:net';

const server = net.createServer((socket) => {
  // server.address() is the listening socket's end-point, not this connection's.
  const me = server.address() as net.AddressInfo;
  console.log(`server socket: local ${me.address}:${me.port} remote ${socket.remoteAddress}:${socket.remotePort}`);
  socket.on('data', (data) => socket.write(`you said ${data}`));
  socket.on('error', () => undefined);
});

server.listen(4000);
