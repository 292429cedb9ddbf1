import { createServer } from 'node:net';

const options = { port: 8080, host: '0.0.0.0' };
const server = createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('data', (data) => socket.write(data));
  socket.on('end', () => socket.end());
  socket.on('error', () => socket.destroy());
});

function tryListen(): void {
  // once: each try gets its own listener, and the last one goes once listening.
  server.once('error', (err: NodeJS.ErrnoException) => {
    process.stdout.write(`listen failed (${err.code}), again in 0.5 s\n`);
    setTimeout(tryListen, 500);
  });
  server.listen(options);
}

server.on('listening', () => {
  server.removeAllListeners('error');
  server.on('error', (err) => console.error(err.message));
  process.stdout.write(`ready: ${JSON.stringify(server.address())}\n`);
});

tryListen();
