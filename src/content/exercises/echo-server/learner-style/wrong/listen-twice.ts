import net from 'node:net';

function handle(socket: net.Socket): void {
  socket.on('data', (chunk) => socket.write(chunk));
}

const server = net.createServer(handle);
server.listen(7);

// A second server on the same port, "to be sure": the port is taken (EADDRINUSE) and the program crashes.
const backup = net.createServer(handle);
backup.listen(7);
