import net from 'node:net';

const targets: [string, number][] = [
  ['web', 80],
  ['intranet', 8080],
  ['10.0.0.99', 80],
  ['10.0.1.99', 80],
];

for (var i = 0; i < targets.length; i++) {
  const socket = net.connect(targets[i]![1], targets[i]![0]);
  socket.on('connect', () => {
    console.log(`${targets[i]} connected`);
    socket.end();
  });
  socket.on('error', (err: NodeJS.ErrnoException) => console.log(`${targets[i]} ${err.code}`));
}
