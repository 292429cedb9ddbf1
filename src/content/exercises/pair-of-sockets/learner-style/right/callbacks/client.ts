import net from 'node:net';

const socket = net.createConnection(4000, 'web');

socket.on('connect', () => {
  console.log('local ' + socket.localAddress + ':' + socket.localPort + ' remote ' + socket.remoteAddress + ':' + socket.remotePort);
  socket.write('hello server\n');
});
socket.on('data', (data) => {
  console.log('server says: ' + data.toString());
  socket.end();
});
socket.on('error', (err) => console.log(err.message));
