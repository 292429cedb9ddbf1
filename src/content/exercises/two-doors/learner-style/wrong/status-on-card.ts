import net from 'node:net';

// The address the other computers use.
net.createServer((socket) => socket.end(`hello ${socket.remoteAddress}\n`)).listen(8080, '10.0.0.10');
net.createServer((socket) => socket.end(`admin ${socket.remoteAddress}\n`)).listen(9000, '127.0.0.1');
