import net from 'node:net';

// Reads each chunk as JSON: the clients send plain lines, so JSON.parse throws and the server crashes.
const server = net.createServer((socket) => {
  socket.on('data', (chunk) => {
    const message = JSON.parse(chunk.toString());
    socket.write(JSON.stringify(message));
  });
});

server.listen(7);
