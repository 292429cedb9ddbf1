import net from 'node:net';
import readline from 'node:readline';

const socket = net.connect(4000, 'web', () => {
  const { localAddress, localPort, remoteAddress, remotePort } = socket;
  console.log(`[client] local ${localAddress}:${localPort} remote ${remoteAddress}:${remotePort}`);
  socket.write('how long is this line?\n');
});

const lines = readline.createInterface({ input: socket });
lines.on('line', (line) => {
  console.log(`[client] ${line}`);
  socket.end();
});
socket.on('error', (err) => console.log(`[client] ${err.message}`));
