import net from 'node:net';

// Says goodbye (a FIN) once the reply is in: the greeter still answers with a reset, which is handled.
const socket = net.connect({ host: 'web', port: 80 }, () => {
  socket.write('HELLO Jean-Luc\n');
});

socket.setEncoding('utf8');
socket.on('data', (reply: string) => {
  process.stdout.write(reply);
  socket.end();
});
socket.on('error', (err: NodeJS.ErrnoException) => console.log(`the greeter hung up: ${err.code}`));
