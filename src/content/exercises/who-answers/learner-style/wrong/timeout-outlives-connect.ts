import net from 'node:net';

const targets: [string, number][] = [
  ['web', 80],
  ['intranet', 8080],
  ['10.0.0.99', 80],
  ['10.0.1.99', 80],
];

for (const [host, port] of targets) {
  const socket = net.connect({ host, port, timeout: 6000 });
  const name = `${host}:${port}`;
  socket.on('timeout', () => {
    console.log(`${name} timed out after 6 s`);
    socket.destroy();
  });
  socket.on('connect', () => {
    console.log(`${name} connected from ${socket.localAddress}:${socket.localPort}`);
    socket.end();
  });
  socket.on('error', (err: NodeJS.ErrnoException) => console.error(`${name} ${err.code} (${err.syscall})`));
}
