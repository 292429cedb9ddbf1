import net from 'node:net';

let port = 8080;
const server = net.createServer((socket) => socket.pipe(socket));

// Takes the next port when one is taken: but the clients know this service by 8080.
server.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EADDRINUSE') {
    port += 1;
    console.log(`port taken, trying ${port}`);
    server.listen(port);
  }
});

server.listen(port, () => console.log(`listening on ${port}`));
