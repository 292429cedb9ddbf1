import net from 'node:net';

const server = net.createServer();

server.on('connection', (socket) => {
  console.log('local ' + socket.localAddress + ':' + socket.localPort + ' remote ' + socket.remoteAddress + ':' + socket.remotePort);
  socket.on('data', (data) => {
    socket.write('got ' + data.length + ' bytes\n');
  });
  socket.on('error', (err) => console.log(err.message));
});

server.listen(4000);
