import net from 'node:net';

/** An echo service that waits for its port with a growing pause (100, 200, 400, 800, 800… ms). */
class PatientServer {
  private readonly server: net.Server;
  private delay = 100;

  constructor(private readonly port: number) {
    this.server = net.createServer((socket) => this.echo(socket));
    this.server.on('error', (err: NodeJS.ErrnoException) => this.failed(err));
    this.server.on('listening', () => console.log(`listening on ${this.port}`));
  }

  start(): void {
    this.server.listen(this.port);
  }

  private failed(err: NodeJS.ErrnoException): void {
    if (err.code !== 'EADDRINUSE') {
      console.error(err.message);
      process.exitCode = 1;
      return;
    }
    console.warn(`port ${this.port} in use; next try in ${this.delay} ms`);
    setTimeout(() => this.start(), this.delay);
    this.delay = Math.min(this.delay * 2, 800);
  }

  private echo(socket: net.Socket): void {
    socket.pipe(socket);
    socket.on('error', (err) => console.warn(err.message));
  }
}

new PatientServer(8080).start();
