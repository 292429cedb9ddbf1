import net from 'node:net';

const socket = net.connect({ host: 'web', port: 80 }, () => socket.write('HELLO ada\n'));
socket.on('data', (chunk) => console.log(chunk.toString()));
// A listener that throws the error again: the program still dies of it.
socket.on('error', (err) => {
  throw err;
});
