import net from 'node:net';

// "The client" in one variable: each new connection replaces it, so an answer names whoever came last.
let client: net.Socket | undefined;

const server = net.createServer((socket) => {
  client = socket;
  socket.on('data', () => {
    socket.write(`local ${client!.localAddress}:${client!.localPort} remote ${client!.remoteAddress}:${client!.remotePort}\n`);
  });
  socket.on('error', () => undefined);
});

server.listen(9000);
