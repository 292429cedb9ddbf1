import net from 'node:net';

const socket = net.connect({ host: 'web', port: 80 }, () => {
  socket.write('HELLO ada\n');
});

// No 'error' listener: the greeter's reset crashes the program.
socket.on('data', (chunk) => console.log(`web says: ${chunk.toString().trim()}`));
