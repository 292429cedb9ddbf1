import net from 'node:net';

const server = net.createServer((socket) => {
  socket.on('data', (chunk) => {
    console.log(`received: ${chunk}`);
    socket.write(chunk);
  });
  // A second listener for the same event: every chunk is written back twice.
  socket.on('data', (chunk) => socket.write(chunk));
});

server.listen(7);
