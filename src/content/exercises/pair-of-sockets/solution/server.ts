import net from 'node:net';

// The server's half of the pair, on web.
const server = net.createServer((socket) => {
  console.log(`server socket: local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`);
  socket.setEncoding('utf8');
  socket.on('data', (text: string) => {
    console.log(`server received ${JSON.stringify(text)}`);
    socket.write(`hello ${socket.remoteAddress}:${socket.remotePort}, you said ${text.trim()}\n`);
  });
  socket.on('error', (err) => console.log(`connection failed: ${err.message}`));
});

server.listen(4000, () => console.log('server listening on port 4000'));
