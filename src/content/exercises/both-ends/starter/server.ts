import net from 'node:net';

// A "who am I?" service: each client that sends a line gets back the two ends of its own connection,
// as the server sees them.
const server = net.createServer((socket) => {
  socket.on('data', () => {
    // TODO: answer with one line: "local <address>:<port> remote <address>:<port>\n",
    //       the server's end of this connection first, then the client's.
  });
  socket.on('error', (err) => console.log(`a client's connection failed: ${err.message}`));
});

server.listen(9000, () => console.log('listening on', server.address()));
