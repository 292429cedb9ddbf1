import net from 'node:net';

class Responder {
  private count = 0;

  handle(socket: net.Socket): void {
    this.count += 1;
    console.log(`connection ${this.count}: local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`);
    socket.on('data', () => socket.write(`you are connection ${this.count}\n`));
    socket.on('error', (err) => console.log(err.message));
  }
}

const responder = new Responder();
net.createServer((socket) => responder.handle(socket)).listen(4000);
