import net from 'node:net';

class Caller {
  private readonly socket = new net.Socket();

  call(host: string, port: number): void {
    this.socket.on('connect', () => this.connected());
    this.socket.on('data', (data) => this.answered(data));
    this.socket.on('error', (err) => console.log(`failed: ${err.message}`));
    this.socket.connect(port, host);
  }

  private connected(): void {
    const s = this.socket;
    console.log(`local ${s.localAddress}:${s.localPort} remote ${s.remoteAddress}:${s.remotePort}`);
    s.write('which connection am I?\n');
  }

  private answered(data: Buffer): void {
    console.log(`answer: ${data.toString().trim()}`);
    this.socket.end();
  }
}

new Caller().call('web', 4000);
