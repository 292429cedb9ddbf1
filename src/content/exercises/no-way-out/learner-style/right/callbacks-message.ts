import net from 'node:net';

const targets: [string, number][] = [
  ['intranet', 8080],
  ['web', 80],
  ['10.0.1.1', 22],
  ['vault', 443],
];

for (const [host, port] of targets) {
  const socket = net.connect(port, host);
  socket.setTimeout(4000);
  socket.on('timeout', () => {
    console.log(`${host}:${port}: timed out after 4 s`);
    socket.destroy();
  });
  socket.on('connect', () => {
    socket.setTimeout(0);
    console.log(`${host}:${port}: connected`);
    socket.end();
  });
  socket.on('data', () => {});
  socket.on('error', (err) => console.log(`${host}:${port}: ${err.message}`));
}
