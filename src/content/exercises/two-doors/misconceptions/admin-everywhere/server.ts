import net from 'node:net';

// For everyone: no address given, so it listens on every address laptop has (0.0.0.0).
const status = net.createServer((socket) => {
  socket.end(`hello ${socket.remoteAddress}\n`);
});
status.listen(8080, () => console.log('status page listening'));

// For laptop alone: the loopback, which no other computer can reach.
const admin = net.createServer((socket) => {
  socket.end(`admin ${socket.remoteAddress}\n`);
});
admin.listen(9000, () => console.log('admin door listening'));
