import net from 'node:net';

net.createServer((socket) => console.log(`hello ${socket.remoteAddress}`)).listen(8080);
net.createServer((socket) => console.log(`admin ${socket.remoteAddress}`)).listen(9000, '127.0.0.1');
