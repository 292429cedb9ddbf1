import net from 'node:net';

const targets: [string, number][] = [
  ['intranet', 8080],
  ['web', 80],
  ['10.0.1.1', 22],
  ['vault', 443],
];

class Attempt {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly socket: net.Socket;

  constructor(private readonly host: string, private readonly port: number) {
    this.socket = net.connect(port, host);
    this.timer = setTimeout(() => this.finish('timed out'), 5000);
    this.socket.on('connect', () => this.finish('connected'));
    this.socket.on('error', (err: NodeJS.ErrnoException) => this.finish(err.code ?? 'error'));
  }

  private finish(what: string): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    console.log(`${this.host}:${this.port} ${what}`);
    this.socket.destroy();
  }
}

for (const [host, port] of targets) new Attempt(host, port);
