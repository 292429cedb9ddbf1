import net from 'node:net';

const targets: [string, number][] = [
  ['web', 80],
  ['intranet', 8080],
  ['10.0.0.99', 80],
  ['10.0.1.99', 80],
];

function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host, port });
    socket.once('connect', () => {
      socket.end();
      resolve('connected');
    });
    socket.once('error', reject);
  });
}

const results = await Promise.allSettled(targets.map(([host, port]) => tryConnect(host, port)));
results.forEach((result, i) => {
  const [host, port] = targets[i]!;
  const what = result.status === 'fulfilled' ? result.value : (result.reason as NodeJS.ErrnoException).code;
  console.log(`${host.padEnd(10)} port ${String(port).padEnd(5)} ${what}`);
});
