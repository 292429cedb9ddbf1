import net from 'node:net';

const server = net.createServer((socket) => {
  // address() of an accepted socket is its local end; remoteAddress and remotePort the other.
  const mine = socket.address() as net.AddressInfo;
  const theirs = { address: socket.remoteAddress, port: socket.remotePort };
  socket.on('data', function answer() {
    socket.off('data', answer);
    socket.write(['local', `${mine.address}:${mine.port}`, 'remote', `${theirs.address}:${theirs.port}`].join(' ') + '\n');
  });
  socket.on('error', () => undefined);
});

server.listen(9000);
server.on('listening', () => console.log(server.address()));
