import net from 'node:net';

class Door {
  private readonly server: net.Server;

  constructor(private readonly word: string) {
    this.server = net.createServer((socket) => this.greet(socket));
    this.server.on('error', (err) => console.log(`${this.word} door: ${err.message}`));
  }

  private greet(socket: net.Socket): void {
    socket.on('error', () => {});
    socket.end(`${this.word} ${socket.remoteAddress}\n`);
  }

  open(port: number, address?: string): void {
    if (address) this.server.listen(port, address);
    else this.server.listen(port);
  }
}

new Door('hello').open(8080);
new Door('admin').open(9000, '127.0.0.1');
