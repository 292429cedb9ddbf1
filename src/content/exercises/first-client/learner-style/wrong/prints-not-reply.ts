import net from 'node:net';

const socket = net.connect({ host: 'web', port: 80 }, () => socket.write('HELLO ada\n'));
// Says that something came, but not what.
socket.on('data', (chunk) => console.log(`received ${chunk.length} bytes`));
socket.on('error', (err: NodeJS.ErrnoException) => console.log(`error: ${err.code}`));
