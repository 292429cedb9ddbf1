import net from 'node:net';

const PORT = 4000;

function ends(socket: net.Socket): string {
  return `local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`;
}

function serve(socket: net.Socket): void {
  process.stdout.write(`server: ${ends(socket)}\n`);
  socket.setEncoding('utf8');
  socket.on('data', (text: string) => socket.write(text.split('').reverse().join('')));
  socket.on('end', () => process.stdout.write('server: the client has finished\n'));
  socket.on('error', () => socket.destroy());
}

net.createServer(serve).listen({ port: PORT, host: '0.0.0.0' });
