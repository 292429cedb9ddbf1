import net from 'node:net';

const targets: [string, number][] = [
  ['intranet', 8080],
  ['web', 80],
  ['10.0.1.1', 22],
  ['vault', 443],
];

for (const [host, port] of targets) {
  // The timeout option gives up by itself... or does it?
  const socket = net.connect({ host, port, timeout: 3000 });
  socket.on('connect', () => {
    console.log(`${host}:${port} connected`);
    socket.destroy();
  });
  socket.on('error', (err: NodeJS.ErrnoException) => console.log(`${host}:${port} ${err.code}`));
}
