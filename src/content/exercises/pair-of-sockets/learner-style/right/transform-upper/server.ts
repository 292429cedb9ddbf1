import net from 'node:net';
import { Transform } from 'node:stream';

// Each socket's bytes go through a transform that makes capitals, and back out of the same socket.
const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  console.log(`server side of the pair: local ${socket.localAddress}:${socket.localPort}, remote ${socket.remoteAddress}:${socket.remotePort}`);
  const upper = new Transform({
    transform(chunk, _encoding, done) {
      done(null, String(chunk).toUpperCase());
    },
  });
  socket.pipe(upper).pipe(socket);
  socket.on('error', () => undefined);
});

server.listen(4000);
