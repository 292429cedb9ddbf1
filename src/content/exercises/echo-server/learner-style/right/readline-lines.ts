import net from 'node:net';
import readline from 'node:readline';

// Line by line: readline takes the line break off each line, so it goes back on when the line is sent.
net
  .createServer((socket) => {
    const lines = readline.createInterface({ input: socket });
    lines.on('line', (line) => socket.write(line + '\n'));
    lines.on('error', (err) => console.log(`lost a client: ${err.message}`));
  })
  .listen(7);
