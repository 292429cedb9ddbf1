import net from 'node:net';

// Two lines instead of one: HELLO alone is not a greeting the greeter understands.
const socket = net.connect({ host: 'web', port: 80 }, () => {
  socket.write('HELLO\n');
  socket.write('ada\n');
});
socket.on('data', (chunk) => console.log(chunk.toString()));
socket.on('error', (err: NodeJS.ErrnoException) => console.log(`error: ${err.code}`));
