import net from 'node:net';

net.createServer((socket) => socket.end(`hello ${socket.localAddress}\n`)).listen(8080);
net.createServer((socket) => socket.end(`admin ${socket.localAddress}\n`)).listen(9000, '127.0.0.1');
