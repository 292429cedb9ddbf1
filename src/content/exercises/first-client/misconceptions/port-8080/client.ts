import net from 'node:net';

// The wrong port: the greeter listens on 80.
const socket = net.connect({ host: 'web', port: 8080 }, () => {
  socket.write('HELLO ada\n');
});

socket.on('data', (chunk) => console.log(`web says: ${chunk.toString().trim()}`));
socket.on('error', (err: NodeJS.ErrnoException) => console.log(`the connection failed: ${err.code}`));
