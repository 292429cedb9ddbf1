import net from 'node:net';

const targets: [string, number][] = [
  ['intranet', 8080],
  ['web', 80],
  ['10.0.1.1', 22],
  ['vault', 443],
];

for (const [host, port] of targets) {
  const socket = net.connect(port, host);
  socket.setTimeout(5000, () => socket.destroy());
  socket.on('connect', () => {
    socket.setTimeout(0);
    console.log(`${host}:${port} connected`);
    socket.destroy();
  });
  socket.on('error', () => console.log(`${host}:${port} timed out`));
  socket.on('timeout', () => console.log(`${host}:${port} timed out`));
}
