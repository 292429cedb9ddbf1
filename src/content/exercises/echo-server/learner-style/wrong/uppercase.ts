import net from 'node:net';

const server = net.createServer((socket) => {
  socket.setEncoding('utf8');
  socket.on('data', (text: string) => socket.write(text.toUpperCase()));
});

server.listen(7);
