import net from 'node:net';

// A "who am I?" service: each client that sends a line gets back the two ends of its own connection,
// as the server sees them.
const server = net.createServer((socket) => {
  // Read once, when the connection is made: each accepted socket has its own four numbers.
  const local = `${socket.localAddress}:${socket.localPort}`;
  const remote = `${socket.remoteAddress}:${socket.remotePort}`;
  console.log(`connection: local ${local} remote ${remote}`);
  let answered = false;
  socket.on('data', () => {
    if (answered) return; // one answer per client, however many pieces its question comes in
    answered = true;
    socket.write(`local ${local} remote ${remote}\n`);
  });
  socket.on('error', (err) => console.log(`a client's connection failed: ${err.message}`));
});

server.listen(9000, () => console.log('listening on', server.address()));
