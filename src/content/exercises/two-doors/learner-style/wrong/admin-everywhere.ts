import net from 'node:net';

net.createServer((socket) => socket.end(`hello ${socket.remoteAddress}\n`)).listen(8080);
net.createServer((socket) => socket.end(`admin ${socket.remoteAddress}\n`)).listen(9000);
