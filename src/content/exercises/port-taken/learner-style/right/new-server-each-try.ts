import net from 'node:net';

const PORT = 8080;

function echo(socket: net.Socket): void {
  socket.on('data', (chunk) => socket.write(chunk));
  socket.on('end', () => socket.end());
  socket.on('error', () => socket.destroy());
}

// A fresh server for every try, each with its own error listener.
function start(attempt: number): void {
  const server = net.createServer(echo);
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EADDRINUSE') {
      console.error(`cannot start: ${err.message}`);
      return;
    }
    console.log(`attempt ${attempt}: port ${PORT} is in use, waiting`);
    setTimeout(() => start(attempt + 1), 250);
  });
  server.listen(PORT, () => console.log(`attempt ${attempt}: listening on ${PORT}`));
}

start(1);
