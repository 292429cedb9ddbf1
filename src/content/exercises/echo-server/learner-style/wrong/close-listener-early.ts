import net from 'node:net';

const server = net.createServer((socket) => {
  socket.on('data', (chunk) => socket.write(chunk));
  // server.close() stops listening for everyone, not just this client.
  socket.on('end', () => server.close());
});

server.listen(7);
