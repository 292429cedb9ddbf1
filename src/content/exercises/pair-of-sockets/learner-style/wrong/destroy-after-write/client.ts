import net from 'node:net';

const socket = net.connect({ host: 'web', port: 4000 }, () => {
  console.log(`client socket: local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`);
  socket.write('ping\n');
  // Done, or so it seems: the answer has not come yet.
  socket.destroy();
});
socket.on('data', (data) => console.log(`client received ${JSON.stringify(String(data))}`));
socket.on('error', (err) => console.log(err.message));
