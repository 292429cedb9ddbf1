import net from 'node:net';

// "Both ends of a pair have the same port": the client asks for 4000 for itself.
const socket = net.connect({ host: 'web', port: 4000, localPort: 4000 }, () => {
  console.log(`client socket: local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`);
  socket.write('ping\n');
});
socket.on('data', (data) => {
  console.log(`client received ${JSON.stringify(String(data))}`);
  socket.end();
});
socket.on('error', (err) => console.log(err.message));
