import net from 'node:net';

const socket = net.connect({ host: 'web', port: 80 }, () => socket.write('hello ada\n'));
socket.on('data', (chunk) => console.log(chunk.toString()));
socket.on('error', (err: NodeJS.ErrnoException) => console.log(`error: ${err.code}`));
