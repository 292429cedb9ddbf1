import net from 'node:net';

const server = net.createServer((socket) => {
  socket.once('data', () => {
    // server.address() is the listening socket's end-point (0.0.0.0:9000), not this connection's.
    const me = server.address() as net.AddressInfo;
    socket.write(`local ${me.address}:${me.port} remote ${socket.remoteAddress}:${socket.remotePort}\n`);
  });
  socket.on('error', () => undefined);
});

server.listen(9000);
