import net from 'node:net';
import readline from 'node:readline';

const socket = net.connect(80, 'web');
socket.write('HELLO linus\n'); // Node keeps it until the connection is made.

// readline gives whole lines and passes the socket's errors on: listen for them on the interface.
const lines = readline.createInterface({ input: socket });
lines.on('line', (line) => console.log(`< ${line}`));
lines.on('error', (err: NodeJS.ErrnoException) => console.log(`reset: ${err.code}`));
