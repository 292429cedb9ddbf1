import net from 'node:net';

// Answers every client with the same line, whatever it sent.
const server = net.createServer((socket) => {
  socket.on('data', () => {
    socket.write('hello from client\n');
  });
});

server.listen(7);
