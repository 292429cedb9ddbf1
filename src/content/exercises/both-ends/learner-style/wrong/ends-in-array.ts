import net from 'node:net';

// Every connection's ends in one list, and each client is told the newest entry.
const ends: string[] = [];

const server = net.createServer((socket) => {
  ends.push(`local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`);
  socket.once('data', () => socket.write(ends[ends.length - 1] + '\n'));
  socket.on('error', () => undefined);
});

server.listen(9000);
