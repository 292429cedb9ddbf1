import net from 'node:net';

// An echo server: whatever a client sends, send it straight back.
const server = net.createServer((socket) => {
  console.log(`a client connected from ${socket.remoteAddress}:${socket.remotePort}`);
  socket.on('data', (chunk) => socket.write(chunk));
  socket.on('error', (err) => console.error(`client ${socket.remotePort}: ${err.message}`));
});

server.listen(7, () => {
  console.log('echo server listening on port 7');
});
