import net from 'node:net';
import { once } from 'node:events';

const targets: [string, number][] = [
  ['web', 80],
  ['intranet', 8080],
  ['10.0.0.99', 80],
  ['10.0.1.99', 80],
];

async function main() {
  for (const [host, port] of targets) {
    const socket = net.connect(port, host);
    try {
      await once(socket, 'connect');
      console.log(`${host}:${port} connected`);
      socket.end();
    } catch (err) {
      console.log(`probe stopped at ${host}:${port}: ${(err as NodeJS.ErrnoException).code}`);
      return;
    }
  }
}

main();
