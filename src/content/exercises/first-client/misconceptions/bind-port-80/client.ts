import net from 'node:net';

// Binds the client's own end to port 80 as well: the OS should choose this port.
const socket = net.connect({ host: 'web', port: 80, localPort: 80 }, () => {
  socket.write('HELLO ada\n');
});

socket.on('data', (chunk) => console.log(`web says: ${chunk.toString().trim()}`));
socket.on('error', (err: NodeJS.ErrnoException) => console.log(`the connection failed: ${err.code}`));
