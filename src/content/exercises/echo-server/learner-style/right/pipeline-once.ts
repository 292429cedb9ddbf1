import net from 'node:net';
import { once } from 'node:events';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// Every chunk goes through a transform that passes it on unchanged, then back to the client.
const server = net.createServer(async (socket) => {
  const same = new Transform({
    transform(chunk, _encoding, done) {
      done(null, chunk);
    },
  });
  try {
    await pipeline(socket, same, socket);
  } catch (err) {
    console.error('pipeline failed:', (err as Error).message);
  }
});

server.listen(7);
await once(server, 'listening');
console.log('echo server ready');
