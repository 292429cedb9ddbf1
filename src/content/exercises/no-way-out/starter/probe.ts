import net from 'node:net';

const targets: [string, number][] = [
  ['intranet', 8080],
  ['web', 80],
  ['10.0.1.1', 22],
  ['vault', 443],
];

for (const [host, port] of targets) {
  // TODO: try a connection to host:port, and give up after 5 seconds of silence.
  // TODO: print `${host}:${port}` with what happened: connected, err.code, or timed out.
}
