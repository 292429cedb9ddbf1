import net from 'node:net';

// No \n at the end: the greeter waits for the end of the line that never comes.
const socket = net.connect({ host: 'web', port: 80 }, () => socket.write('HELLO ada'));
socket.on('data', (chunk) => console.log(chunk.toString()));
socket.on('error', (err: NodeJS.ErrnoException) => console.log(`error: ${err.code}`));
