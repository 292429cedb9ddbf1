import net from 'node:net';

const server = net.createServer((socket) => socket.pipe(socket));

// Port 0 asks for any free port: the server runs, on a port nobody knows.
server.on('error', () => {
  console.log('8080 is taken, taking any free port');
  server.listen(0);
});

server.listen(8080, () => console.log('listening on', server.address()));
