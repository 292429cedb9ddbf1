import * as net from 'node:net';

const server = net.createServer();

server.on('connection', (socket) => {
  console.log('new client: ' + socket.remoteAddress + ':' + socket.remotePort);
  socket.on('data', (data) => {
    socket.write(data);
  });
  socket.on('end', () => {
    console.log('client left');
  });
  socket.on('error', (err) => {
    console.log('socket error: ' + err.message);
  });
});

server.listen(7);
