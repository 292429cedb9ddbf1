import net from 'node:net';

class EchoServer {
  private readonly server: net.Server;
  private connections = 0;

  constructor(private readonly port: number) {
    this.server = net.createServer((socket) => this.handle(socket));
  }

  start(): void {
    this.server.listen(this.port, () => console.log(`echo server on port ${this.port}`));
  }

  private handle(socket: net.Socket): void {
    this.connections += 1;
    const id = this.connections;
    console.log(`client #${id} from ${socket.remoteAddress}:${socket.remotePort}`);
    socket.on('data', (chunk: Buffer) => socket.write(chunk));
    socket.on('close', () => console.log(`client #${id} gone`));
    socket.on('error', (err) => console.log(`client #${id}: ${err.message}`));
  }
}

new EchoServer(7).start();
