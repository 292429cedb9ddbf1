import net from 'node:net';

// The client's half of the pair, on laptop.
// The server's port as the client's own too: "both ends of a pair have the same port".
const socket = net.connect({ host: 'web', port: 4000, localPort: 4000 }, () => {
  // Connected: now this socket has both of its ends.
  console.log(`client socket: local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`);
  socket.write('ping\n');
});

socket.setEncoding('utf8');
socket.on('data', (text: string) => {
  console.log(`client received ${JSON.stringify(text)}`);
  socket.end();
});
socket.on('error', (err) => console.log(`connection failed: ${err.message}`));
