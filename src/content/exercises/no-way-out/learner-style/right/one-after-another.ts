import * as net from 'net';

const targets: [string, number][] = [
  ['intranet', 8080],
  ['web', 80],
  ['10.0.1.1', 22],
  ['vault', 443],
];

function attempt(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = new net.Socket();
    socket.setTimeout(3000, () => {
      socket.destroy();
      resolve('timed out');
    });
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    socket.connect({ host, port });
  });
}

for (const [host, port] of targets) {
  console.log('%s:%d %s', host, port, await attempt(host, port));
}
