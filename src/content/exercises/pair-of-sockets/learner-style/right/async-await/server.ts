import { createServer, type Socket } from 'node:net';

async function talk(socket: Socket): Promise<void> {
  console.log(`me: local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`);
  try {
    for await (const chunk of socket) {
      socket.write(`echo: ${String(chunk)}`);
    }
  } catch (err) {
    console.log(`lost the client: ${(err as Error).message}`);
  }
}

createServer((socket) => void talk(socket)).listen(4000, () => console.log('ready'));
