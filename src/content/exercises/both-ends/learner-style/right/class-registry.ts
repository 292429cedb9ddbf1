import net from 'node:net';

interface Connection {
  socket: net.Socket;
  local: string;
  remote: string;
}

/** Keeps every connection with its own two ends, looked up by the socket itself. */
class WhoAmI {
  private readonly connections = new Map<net.Socket, Connection>();

  readonly server = net.createServer((socket) => this.accept(socket));

  private accept(socket: net.Socket): void {
    const connection = {
      socket,
      local: `${socket.localAddress}:${socket.localPort}`,
      remote: `${socket.remoteAddress}:${socket.remotePort}`,
    };
    this.connections.set(socket, connection);
    socket.on('data', () => this.answer(socket));
    socket.on('close', () => this.connections.delete(socket));
    socket.on('error', (err) => console.log(`${connection.remote}: ${err.message}`));
  }

  private answer(socket: net.Socket): void {
    const c = this.connections.get(socket);
    if (c) c.socket.write(`local ${c.local} remote ${c.remote}\n`);
  }
}

new WhoAmI().server.listen(9000);
