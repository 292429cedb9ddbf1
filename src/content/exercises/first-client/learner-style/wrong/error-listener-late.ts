import net from 'node:net';

const socket = net.connect({ host: 'web', port: 80 }, () => socket.write('HELLO ada\n'));
socket.on('data', (chunk) => {
  console.log(chunk.toString());
  // Added only after a second: the reset comes before that, with nobody listening.
  setTimeout(() => socket.on('error', (err: NodeJS.ErrnoException) => console.log(err.code)), 1000);
});
