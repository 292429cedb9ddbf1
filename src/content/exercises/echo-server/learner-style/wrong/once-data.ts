import net from 'node:net';

const server = net.createServer((socket) => {
  // once: only the first chunk is echoed; a client may send more.
  socket.once('data', (chunk) => socket.write(chunk));
  socket.on('error', () => undefined);
});

server.listen(7);
