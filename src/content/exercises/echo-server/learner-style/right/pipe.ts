import { createServer } from 'node:net';

// The socket is readable and writable: pipe what comes in straight back out.
createServer((socket) => {
  socket.pipe(socket);
  socket.on('error', () => socket.destroy());
}).listen(7);
