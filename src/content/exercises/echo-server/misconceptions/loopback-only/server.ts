import net from 'node:net';

const server = net.createServer((socket) => {
  socket.on('data', (chunk) => socket.write(chunk));
});

// Listens on the loopback address only: reachable from web itself, refused from laptop.
server.listen(7, '127.0.0.1', () => {
  console.log('echo server listening on 127.0.0.1:7');
});
