import net from 'node:net';

const socket = net.connect({ host: 'web', port: 80 }, () => {
  console.log(`connected from ${socket.localAddress}:${socket.localPort} to ${socket.remoteAddress}:${socket.remotePort}`);
  socket.write('HELLO ada\n');
});

socket.on('data', (chunk) => {
  console.log(`web says: ${chunk.toString().trim()}`);
});

socket.on('error', (err: NodeJS.ErrnoException) => {
  console.log(`the connection failed: ${err.code}`);
});
