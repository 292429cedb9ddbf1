import net from 'node:net';

// One variable for "the client": each new connection replaces it, so the echo goes to whoever came last.
let client: net.Socket | undefined;

const server = net.createServer((socket) => {
  client = socket;
  socket.on('data', (chunk) => {
    client?.write(chunk);
  });
  socket.on('error', () => undefined);
});

server.listen(7);
