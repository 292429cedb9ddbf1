import net from 'node:net';

const server = net.createServer((socket) => {
  const word = socket.localPort === 9000 ? 'admin' : 'hello';
  socket.end(`${word} ${socket.remoteAddress}\n`);
});
server.listen(8080);
server.listen(9000, '127.0.0.1');
