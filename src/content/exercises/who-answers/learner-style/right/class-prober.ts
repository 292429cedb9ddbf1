import net from 'node:net';

const targets: [string, number][] = [
  ['web', 80],
  ['intranet', 8080],
  ['10.0.0.99', 80],
  ['10.0.1.99', 80],
];

class Prober {
  private readonly results = new Map<string, string>();

  constructor(private readonly list: [string, number][]) {}

  start(): void {
    for (const [host, port] of this.list) this.try(host, port);
  }

  private try(host: string, port: number): void {
    const socket = net.connect(port, host);
    socket.on('connect', () => {
      this.record(`${host}:${port}`, 'connected');
      socket.end();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => this.record(`${host}:${port}`, err.code ?? 'unknown error'));
  }

  private record(target: string, what: string): void {
    this.results.set(target, what);
    console.log(`[${this.results.size}/${this.list.length}] ${target} ${what}`);
  }
}

new Prober(targets).start();
