import net from 'node:net';

const targets: [string, number][] = [
  ['intranet', 8080],
  ['web', 80],
  ['10.0.1.1', 22],
  ['vault', 443],
];

for (const [host, port] of targets) {
  const socket = net.connect(port, host);
  // Set before the connection is made: it covers the wait for an answer to the SYN.
  socket.setTimeout(5000, () => {
    console.log(`${host}:${port} timed out: no answer in 5 s`);
    socket.destroy();
  });
  socket.on('connect', () => {
    socket.setTimeout(0);
    console.log(`${host}:${port} connected`);
    socket.destroy();
  });
  socket.on('error', (err: NodeJS.ErrnoException) => {
    console.log(`${host}:${port} ${err.code}`);
  });
}
