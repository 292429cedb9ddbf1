import net from 'node:net';

const socket = net.connect({ host: 'web', port: 80 }, () => socket.write('HELLO ada\n'));
socket.on('data', (chunk) => {
  console.log(chunk.toString());
  socket.destroy(); // closes at once: the greeter's reset finds nobody listening
});
socket.on('error', (err: NodeJS.ErrnoException) => console.log(`error: ${err.code}`));
