import net from 'node:net';
import { once } from 'node:events';

const socket = net.connect({ host: 'web', port: 4000 });
try {
  await once(socket, 'connect');
  console.log(`me: local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`);
  socket.write('are you there?\n');
  const [answer] = await once(socket, 'data');
  console.log(`answer: ${String(answer).trim()}`);
  socket.end();
} catch (err) {
  console.log(`could not talk: ${(err as Error).message}`);
}
