import net from 'node:net';

// Both on localhost: it is my laptop, after all.
net.createServer((socket) => socket.end(`hello ${socket.remoteAddress}\n`)).listen(8080, '127.0.0.1');
net.createServer((socket) => socket.end(`admin ${socket.remoteAddress}\n`)).listen(9000, '127.0.0.1');
