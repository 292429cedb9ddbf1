import net from 'node:net';
import { once } from 'node:events';

async function open(port: number, host: string, word: string): Promise<void> {
  const server = net.createServer((socket) => {
    socket.end(`${word} ${socket.remoteAddress}\n`);
  });
  server.listen(port, host);
  await once(server, 'listening');
  console.log(`${word} is listening on ${host}:${port}`);
}

async function main() {
  await open(8080, '0.0.0.0', 'hello');
  await open(9000, '127.0.0.1', 'admin');
}

main().catch((err) => console.error('could not start:', err));
