import net from 'node:net';

const targets: [string, number][] = [
  ['web', 80],
  ['intranet', 8080],
  ['10.0.0.99', 80],
  ['10.0.1.99', 80],
];

for (const [host, port] of targets) {
  const socket = net.connect(port, host);
  console.log(`${host}:${port} open`);
  socket.on('error', (err: NodeJS.ErrnoException) => console.log(`(${err.code})`));
  socket.on('connect', () => socket.end());
}
