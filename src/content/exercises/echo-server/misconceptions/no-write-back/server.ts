import net from 'node:net';

const server = net.createServer((socket) => {
  // Reads and prints the bytes, but never sends them back.
  socket.on('data', (chunk) => console.log(`received ${chunk.length} bytes`));
});

server.listen(7);
