import net from 'node:net';

net.createServer((socket) => socket.end(`hello ${socket.remoteAddress}\n`)).listen(8080);
// laptop's own address: only laptop, surely.
net.createServer((socket) => socket.end(`admin ${socket.remoteAddress}\n`)).listen(9000, '10.0.0.10');
