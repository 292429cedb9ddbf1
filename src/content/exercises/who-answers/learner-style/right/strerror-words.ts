import net from 'node:net';

const targets: [string, number][] = [
  ['web', 80],
  ['intranet', 8080],
  ['10.0.0.99', 80],
  ['10.0.1.99', 80],
];

// What each code means, in the words ssh or curl would print.
const words: Record<string, string> = {
  ECONNREFUSED: 'Connection refused',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
  ETIMEDOUT: 'Connection timed out',
};

targets.forEach(([host, port]) => {
  const socket = net.connect(port, host);
  socket.on('connect', () => {
    process.stdout.write(host + ' port ' + port + ': open, it answers\n');
    socket.end();
  });
  socket.on('error', (err: NodeJS.ErrnoException) => {
    process.stdout.write(host + ' port ' + port + ': ' + (words[err.code ?? ''] ?? err.message) + '\n');
  });
});
