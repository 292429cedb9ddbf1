import net from 'node:net';

const socket = net.createConnection(80, 'web');

socket.on('connect', () => {
  console.log('connected to the greeter');
  socket.write('HELLO grace\n');
});

socket.on('data', (data) => {
  console.log('the greeter says: ' + data.toString());
});

socket.on('error', (err: NodeJS.ErrnoException) => {
  console.log('error: ' + err.code);
});

socket.on('close', () => {
  console.log('connection closed');
});
