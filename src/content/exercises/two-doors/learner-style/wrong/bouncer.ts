import net from 'node:net';

net.createServer((socket) => socket.end(`hello ${socket.remoteAddress}\n`)).listen(8080);
// Let everyone connect, then throw out whoever is not laptop.
net
  .createServer((socket) => {
    if (socket.remoteAddress !== '127.0.0.1') {
      socket.destroy();
      return;
    }
    socket.end(`admin ${socket.remoteAddress}\n`);
  })
  .listen(9000);
