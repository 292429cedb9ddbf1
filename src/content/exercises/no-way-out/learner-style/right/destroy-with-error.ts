import net from 'node:net';

const targets: [string, number][] = [
  ['intranet', 8080],
  ['web', 80],
  ['10.0.1.1', 22],
  ['vault', 443],
];

for (const [host, port] of targets) {
  const socket = net.connect({ host, port, timeout: 5000 });
  // destroy(err) sends the error to the 'error' listener, like any other failure.
  socket.on('timeout', () => socket.destroy(new Error('timed out, nobody answered')));
  socket.on('connect', () => {
    socket.setTimeout(0);
    console.log(host, port, 'connected');
    socket.destroy();
  });
  socket.on('error', (err: NodeJS.ErrnoException) => console.log(host, port, err.code ?? err.message));
}
