import net from 'node:net';

// "local" is the server's end, "remote" the client's, as if seen from the server.
const socket = net.connect({ host: 'web', port: 4000 }, () => {
  console.log(`client socket: local ${socket.remoteAddress}:${socket.remotePort} remote ${socket.localAddress}:${socket.localPort}`);
  socket.write('ping\n');
});
socket.on('data', (data) => {
  console.log(`client received ${JSON.stringify(String(data))}`);
  socket.end();
});
socket.on('error', (err) => console.log(err.message));
