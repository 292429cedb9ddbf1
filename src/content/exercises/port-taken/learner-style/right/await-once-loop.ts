import net from 'node:net';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

const PORT = 8080;
const server = net.createServer((socket) => {
  socket.pipe(socket);
  socket.on('error', () => undefined);
});

// events.once rejects when 'error' comes first: a loop with try/catch around the wait, not around listen().
async function listenWhenFree(): Promise<void> {
  for (;;) {
    server.listen(PORT);
    try {
      await once(server, 'listening');
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      console.log(`port ${PORT} is still taken`);
      await sleep(400);
    }
  }
}

await listenWhenFree();
console.log(`listening on ${PORT}`);
