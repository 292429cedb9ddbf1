import net from 'node:net';

class TinyHttpServer {
  private readonly server = net.createServer((socket) => this.serve(socket));
  private served = 0;

  constructor(private readonly port: number) {}

  start(): void {
    this.server.listen(this.port, () => console.log(`serving on port ${this.port}`));
  }

  private serve(socket: net.Socket): void {
    let text = '';
    let done = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (done || !text.includes('\r\n\r\n')) return;
      done = true;
      this.served += 1;
      const lines = text.split('\r\n');
      const path = lines[0]!.split(' ')[1]!;
      const hostLine = lines.find((line) => line.toLowerCase().startsWith('host:')) ?? 'host: unknown';
      const host = hostLine.substring(5).trim();
      this.reply(socket, `Request #${this.served}: ${host}${path}\n`);
    });
    socket.on('error', (err) => console.log(`connection error: ${err.message}`));
  }

  private reply(socket: net.Socket, body: string): void {
    socket.write('HTTP/1.1 200 OK\r\n');
    socket.write('Content-Type: text/plain\r\n');
    socket.write(`Content-Length: ${Buffer.byteLength(body)}\r\n`);
    socket.write('\r\n');
    socket.write(body);
    socket.end();
  }
}

new TinyHttpServer(80).start();
