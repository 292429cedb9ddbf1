import net from 'node:net';

const server = net.createServer((socket) => {
  socket.once('data', () => {
    socket.write('local ' + socket.localAddress + ':' + socket.localPort + ' remote ' + socket.remoteAddress + ':' + socket.remotePort + '\n');
  });
  socket.on('error', (err) => console.log('error: ' + err.message));
});

server.listen(9000);
