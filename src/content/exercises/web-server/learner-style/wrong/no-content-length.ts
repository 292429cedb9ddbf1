import net from 'node:net';

const server = net.createServer((socket) => {
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk;
    const end = received.indexOf('\r\n\r\n');
    if (end < 0) return;
    const [first = '', ...headers] = received.slice(0, end).split('\r\n');
    const host = headers.find((h) => h.toLowerCase().startsWith('host:'))?.slice(5).trim();
    // No Content-Length: the client cannot tell where the body ends.
    socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nHello from ${host}! You asked for ${first.split(' ')[1]}.\n`);
  });
  socket.on('error', () => undefined);
});

server.listen(80);
