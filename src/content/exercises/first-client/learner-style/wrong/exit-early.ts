import net from 'node:net';

const socket = net.connect({ host: 'web', port: 80 }, () => socket.write('HELLO ada\n'));
socket.on('data', (chunk) => {
  console.log(chunk.toString());
  process.exit(0); // got the reply, so stop: the reset never reaches the 'error' listener
});
socket.on('error', (err: NodeJS.ErrnoException) => console.log(`error: ${err.code}`));
