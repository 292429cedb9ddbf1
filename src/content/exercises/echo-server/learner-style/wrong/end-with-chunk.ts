import net from 'node:net';

// end(chunk) writes the chunk and ends the connection: the next chunk is written after the end.
const server = net.createServer((socket) => {
  socket.on('data', (chunk) => socket.end(chunk));
});

server.listen(7);
