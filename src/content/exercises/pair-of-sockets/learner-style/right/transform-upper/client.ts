import net from 'node:net';

const socket = net.connect({ host: 'web', port: 4000, allowHalfOpen: true });

socket.on('connect', () => {
  console.log(`client side of the pair: local ${socket.localAddress}:${socket.localPort}, remote ${socket.remoteAddress}:${socket.remotePort}`);
  socket.write('make me loud\n');
  socket.end();
});
socket.on('data', (chunk) => console.log(String(chunk)));
socket.on('error', (err) => console.error(err.message));
