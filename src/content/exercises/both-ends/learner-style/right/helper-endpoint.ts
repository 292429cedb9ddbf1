import net from 'node:net';

/** address:port, as ss writes an end-point. */
function endpoint(address: string | undefined, port: number | undefined): string {
  return `${address}:${port}`;
}

function describe(socket: net.Socket): string {
  return `local ${endpoint(socket.localAddress, socket.localPort)} remote ${endpoint(socket.remoteAddress, socket.remotePort)}`;
}

net
  .createServer((socket) => {
    const ends = describe(socket);
    process.stdout.write(`new connection: ${ends}\n`);
    socket.once('data', () => socket.end(ends + '\n'));
    socket.on('error', () => socket.destroy());
  })
  .listen({ port: 9000 });
