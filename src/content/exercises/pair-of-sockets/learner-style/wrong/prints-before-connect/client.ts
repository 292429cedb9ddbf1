import net from 'node:net';

const socket = net.connect({ host: 'web', port: 4000 });
// Printed at once: the socket is not connected yet, so its ends are not known.
console.log(`client socket: local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`);

socket.on('connect', () => socket.write('ping\n'));
socket.on('data', (data) => {
  console.log(`client received ${JSON.stringify(String(data))}`);
  socket.end();
});
socket.on('error', (err) => console.log(err.message));
