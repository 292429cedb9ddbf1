import net from 'node:net';

// An echo server: whatever a client sends, send it straight back.
const server = net.createServer((socket) => {
  console.log(`a client connected from ${socket.remoteAddress}:${socket.remotePort}`);
  // TODO: when bytes arrive on this socket, write them back to it.
});

// TODO: listen on port 7, on every address of this host.
