import net from 'node:net';
import readline from 'node:readline';

net
  .createServer((socket) => {
    const { localAddress, localPort, remoteAddress, remotePort } = socket;
    console.log(`[server] local ${localAddress}:${localPort} remote ${remoteAddress}:${remotePort}`);
    const lines = readline.createInterface({ input: socket });
    lines.on('line', (line) => socket.write(`${line.length} characters\n`));
    socket.on('error', () => lines.close());
  })
  .listen(4000);
