import net from 'node:net';

const PORT = 8080;
const server = net.createServer((socket) => {
  socket.pipe(socket);
  socket.on('error', () => undefined);
});

let retry: ReturnType<typeof setInterval> | undefined;

server.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EADDRINUSE') throw err;
  if (retry === undefined) {
    console.log(`${PORT} is taken; trying every 300 ms`);
    retry = setInterval(() => {
      if (!server.listening) server.listen(PORT);
    }, 300);
  }
});

server.on('listening', () => {
  clearInterval(retry);
  console.log(`echo server up on ${PORT}`);
});

server.listen(PORT);
