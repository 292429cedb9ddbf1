import net from 'node:net';

const PORT = 8080;
let tried = false;
const server = net.createServer((socket) => socket.pipe(socket));

server.on('error', (err) => {
  console.log(`could not listen: ${err.message}`);
  // One more try after a short pause; then it gives up.
  if (!tried) {
    tried = true;
    setTimeout(() => server.listen(PORT), 200);
  }
});

server.listen(PORT, () => console.log(`listening on ${PORT}`));
