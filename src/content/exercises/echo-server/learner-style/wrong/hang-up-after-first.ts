import net from 'node:net';

const server = net.createServer((socket) => {
  socket.on('data', (chunk) => {
    socket.write(chunk);
    // Done with this client, or so it seems: but a client may send more than one chunk.
    socket.end();
  });
  socket.on('error', (err) => console.log(`client: ${err.message}`));
});

server.listen(7);
