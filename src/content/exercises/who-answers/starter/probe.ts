import net from 'node:net';

const targets: [string, number][] = [
  ['web', 80],
  ['intranet', 8080],
  ['10.0.0.99', 80],
  ['10.0.1.99', 80],
];

for (const [host, port] of targets) {
  // TODO: try a connection to host:port.
  // TODO: when it connects, print `${host}:${port} connected` and close it.
  // TODO: when it fails, print `${host}:${port}` and err.code.
}
