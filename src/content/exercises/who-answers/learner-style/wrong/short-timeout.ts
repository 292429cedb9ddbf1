import net from 'node:net';

const targets: [string, number][] = [
  ['web', 80],
  ['intranet', 8080],
  ['10.0.0.99', 80],
  ['10.0.1.99', 80],
];

for (const [host, port] of targets) {
  const socket = net.connect(port, host);
  socket.setTimeout(1000, () => {
    console.log(`${host}:${port} timed out`);
    socket.destroy();
  });
  socket.on('connect', () => {
    socket.setTimeout(0);
    console.log(`${host}:${port} connected`);
    socket.destroy();
  });
  socket.on('error', (err: NodeJS.ErrnoException) => console.log(`${host}:${port} ${err.code}`));
}
