import net from 'node:net';

// On a real computer a dual-stack server sees "::ffff:10.0.0.2"; keep the IPv4 part either way.
const plain = (address: string | undefined) => (address ?? '?').replace(/^::ffff:/, '');

net
  .createServer((socket) => {
    socket.setEncoding('utf8');
    socket.end(`hello ${plain(socket.remoteAddress)}\n`);
  })
  .listen(8080, () => console.log('status ready'));

net
  .createServer((socket) => {
    socket.end(`admin ${plain(socket.remoteAddress)}\n`);
  })
  .listen(9000, '127.0.0.1', () => console.log('admin ready'));
