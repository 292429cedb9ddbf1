import net from 'node:net';

// localhost is laptop itself: the greeter runs on web.
const socket = net.connect({ host: 'localhost', port: 80 }, () => socket.write('HELLO ada\n'));
socket.on('data', (chunk) => console.log(chunk.toString()));
socket.on('error', (err: NodeJS.ErrnoException) => console.log(`error: ${err.code}`));
