import net from 'node:net';

const server = net.createServer((socket) => {
  socket.on('data', (chunk) => {
    socket.write(`echo: ${chunk}`);
  });
  socket.on('error', (err) => console.log(err.message));
});

server.listen(7);
