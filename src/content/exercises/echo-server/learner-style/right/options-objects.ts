import net from 'node:net';

// allowHalfOpen: when a client ends its side, this server decides when to end its own: after the echo.
const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('data', (chunk) => socket.write(chunk));
  socket.on('end', () => socket.end());
  socket.on('error', (err) => console.error(err.message));
});

server.listen({ port: 7, host: '0.0.0.0' }, () => {
  const address = server.address() as net.AddressInfo;
  console.log(`listening on ${address.address}:${address.port}`);
});
