import net from 'node:net';

// Waits for the server to speak first; the server waits for the client: nobody says anything.
const socket = net.connect({ host: 'web', port: 4000 }, () => {
  console.log(`client socket: local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`);
});
socket.on('data', (data) => {
  console.log(`client received ${JSON.stringify(String(data))}`);
  socket.end();
});
socket.setTimeout(2000, () => socket.end());
socket.on('error', (err) => console.log(err.message));
