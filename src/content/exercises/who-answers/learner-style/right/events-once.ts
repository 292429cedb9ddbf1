import net from 'node:net';
import { once } from 'node:events';

const targets: [string, number][] = [
  ['web', 80],
  ['intranet', 8080],
  ['10.0.0.99', 80],
  ['10.0.1.99', 80],
];

async function probe(host: string, port: number): Promise<void> {
  const socket = net.connect({ host, port });
  try {
    await once(socket, 'connect');
    console.log(`${host}:${port} -> connected`);
    socket.end();
  } catch (err) {
    console.log(`${host}:${port} -> ${(err as NodeJS.ErrnoException).code}`);
  }
}

await Promise.all(targets.map(([host, port]) => probe(host, port)));
console.log('probe finished');
