import net from 'node:net';

class GreeterClient {
  private readonly socket: net.Socket;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {
    this.socket = new net.Socket();
  }

  greet(name: string): void {
    this.socket.on('data', (chunk) => this.onReply(chunk));
    this.socket.on('error', (err: NodeJS.ErrnoException) => this.onError(err));
    this.socket.connect(this.port, this.host, () => this.socket.write(`HELLO ${name}\n`));
  }

  private onReply(chunk: Buffer): void {
    console.log(`reply: ${chunk.toString().trim()}`);
  }

  private onError(err: NodeJS.ErrnoException): void {
    console.log(`connection error ${err.code}: ${err.message}`);
  }
}

new GreeterClient('web', 80).greet('alan');
