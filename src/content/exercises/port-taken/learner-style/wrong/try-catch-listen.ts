import net from 'node:net';

const PORT = 8080;
const server = net.createServer((socket) => socket.pipe(socket));

// try/catch around listen(): but a failed listen does not throw, it emits 'error' later.
try {
  server.listen(PORT, () => console.log(`listening on ${PORT}`));
} catch (err) {
  console.log(`port ${PORT} is taken, trying again`);
  setTimeout(() => server.listen(PORT), 500);
}
