import net from 'node:net';
import readline from 'node:readline';

// Answers every complete line (a client here asks once).
const server = net.createServer((socket) => {
  const lines = readline.createInterface({ input: socket });
  lines.on('line', () => {
    const { localAddress, localPort, remoteAddress, remotePort } = socket;
    socket.write(`local ${localAddress}:${localPort} remote ${remoteAddress}:${remotePort}\n`);
  });
  lines.on('error', () => undefined);
});

server.listen(9000, () => console.log('who-am-i on 9000'));
