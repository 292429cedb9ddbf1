import net from 'node:net';

const targets: [string, number][] = [
  ['intranet', 8080],
  ['web', 80],
  ['10.0.1.1', 22],
  ['vault', 443],
];

for (const [host, port] of targets) {
  const socket = net.connect(port, host, () => {
    console.log(`${host}:${port} connected`);
    socket.destroy();
  });
  socket.setTimeout(5000, () => {
    console.log(`${host}:${port} timed out`);
    socket.destroy();
  });
}
