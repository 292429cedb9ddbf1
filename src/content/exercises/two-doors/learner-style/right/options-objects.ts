import net from 'node:net';

const status = net.createServer((socket) => {
  socket.write(`hello ${socket.remoteAddress}\n`);
  socket.end();
});
status.listen({ port: 8080, host: '0.0.0.0' });

const admin = net.createServer((socket) => {
  socket.write(`admin ${socket.remoteAddress}\n`);
  socket.end();
});
admin.listen({ port: 9000, host: 'localhost' });
