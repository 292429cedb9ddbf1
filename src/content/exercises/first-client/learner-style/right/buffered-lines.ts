import net from 'node:net';

// Collects the bytes and prints each complete line: a reply may arrive in more than one chunk.
let buffer = '';
const socket = net.connect(80, 'web', () => {
  socket.write('HELLO');
  socket.write(' barbara\n');
});
socket.setEncoding('utf8');
socket.on('data', (chunk: string) => {
  buffer += chunk;
  let end = buffer.indexOf('\n');
  while (end >= 0) {
    console.log(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    end = buffer.indexOf('\n');
  }
});
socket.on('error', (err: NodeJS.ErrnoException) => console.error(`error: ${err.code}`));
