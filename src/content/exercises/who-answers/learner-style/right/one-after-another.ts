import * as net from 'net';

const targets: [string, number][] = [
  ['web', 80],
  ['intranet', 8080],
  ['10.0.0.99', 80],
  ['10.0.1.99', 80],
];

function attempt(host: string, port: number): Promise<void> {
  return new Promise((done) => {
    const socket = new net.Socket();
    socket.on('connect', () => {
      console.log('%s:%d connected', host, port);
      socket.destroy();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => console.log('%s:%d %s', host, port, err.code));
    socket.on('close', () => done());
    socket.connect(port, host);
  });
}

async function main() {
  for (const [host, port] of targets) await attempt(host, port);
}

main();
