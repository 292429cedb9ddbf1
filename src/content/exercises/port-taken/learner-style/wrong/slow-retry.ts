import net from 'node:net';

const PORT = 8080;
const server = net.createServer((socket) => {
  socket.pipe(socket);
  socket.on('error', () => undefined);
});

server.on('error', (err) => {
  console.log(`${err.message}; trying again in 10 seconds`);
  // Ten seconds between tries: the clients come long before the next one.
  setTimeout(() => server.listen(PORT), 10_000);
});

server.listen(PORT, () => console.log(`listening on ${PORT}`));
