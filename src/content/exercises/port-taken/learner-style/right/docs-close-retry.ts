import net from 'node:net';

const PORT = 8080;
const server = net.createServer((socket) => socket.pipe(socket));

// As Node's documentation of server.listen() shows it: close, then listen again after a second.
server.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EADDRINUSE') {
    console.error('Address in use, retrying...');
    setTimeout(() => {
      server.close();
      server.listen(PORT);
    }, 1000);
  }
});

server.listen(PORT, () => console.log('listening on', PORT));
