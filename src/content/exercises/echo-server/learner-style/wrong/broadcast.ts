import net from 'node:net';

// Keeps every client, and sends each chunk to all of them: a chat room, not an echo.
const clients: net.Socket[] = [];

net
  .createServer((socket) => {
    clients.push(socket);
    socket.on('data', (chunk) => {
      for (const client of clients) client.write(chunk);
    });
    socket.on('close', () => clients.splice(clients.indexOf(socket), 1));
    socket.on('error', () => undefined);
  })
  .listen(7);
