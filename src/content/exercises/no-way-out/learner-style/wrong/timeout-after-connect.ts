import net from 'node:net';

const targets: [string, number][] = [
  ['intranet', 8080],
  ['web', 80],
  ['10.0.1.1', 22],
  ['vault', 443],
];

for (const [host, port] of targets) {
  const socket = net.connect(port, host, () => {
    socket.setTimeout(3000, () => {
      console.log(`${host}:${port} timed out`);
      socket.destroy();
    });
    console.log(`${host}:${port} connected`);
    socket.end();
  });
  socket.on('data', () => {});
  socket.on('error', (err: NodeJS.ErrnoException) => console.log(`${host}:${port} ${err.code}`));
}
