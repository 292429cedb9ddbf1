import net from 'node:net';

const targets: [string, number][] = [
  ['intranet', 8080],
  ['web', 80],
  ['10.0.1.1', 22],
  ['vault', 443],
];

const meaning: Record<string, string> = {
  ENETUNREACH: 'Network is unreachable: no route from printer',
  ECONNREFUSED: 'Connection refused: the host is there, the port is closed',
  EHOSTUNREACH: 'No route to host: nobody has that address',
};

targets.forEach(([host, port]) => {
  const socket = net.createConnection(port, host);
  socket.setTimeout(2500, () => {
    process.stdout.write(`${host} port ${port}: no answer in 2.5 s, gave up\n`);
    socket.destroy();
  });
  socket.once('connect', () => {
    process.stdout.write(`${host} port ${port}: it answers (connected)\n`);
    socket.setTimeout(0);
    socket.destroy();
  });
  socket.once('error', (err: NodeJS.ErrnoException) => {
    process.stdout.write(`${host} port ${port}: ${meaning[err.code ?? ''] ?? err.message}\n`);
  });
});
