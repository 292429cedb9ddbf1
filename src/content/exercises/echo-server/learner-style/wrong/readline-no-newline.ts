import net from 'node:net';
import readline from 'node:readline';

net
  .createServer((socket) => {
    const rl = readline.createInterface({ input: socket });
    // readline takes the line break off each line, and this writes the line back without it.
    rl.on('line', (line) => socket.write(line));
    rl.on('error', () => undefined);
  })
  .listen(7);
