import net from 'node:net';

// The placeholder copied as it is, instead of a name.
const socket = net.connect({ host: 'web', port: 80 }, () => socket.write('HELLO <your name>\n'));
socket.on('data', (chunk) => console.log(chunk.toString()));
socket.on('error', (err: NodeJS.ErrnoException) => console.log(`error: ${err.code}`));
