import net from 'node:net';

net.createServer((socket) => socket.end('hello 10.0.0.2\n')).listen(8080);
net.createServer((socket) => socket.end('admin 127.0.0.1\n')).listen(9000, '127.0.0.1');
