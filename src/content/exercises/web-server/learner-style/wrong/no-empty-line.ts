import net from 'node:net';

const server = net.createServer((socket) => {
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk;
    const end = received.indexOf('\r\n\r\n');
    if (end < 0) return;
    const [first = '', ...headers] = received.slice(0, end).split('\r\n');
    const host = headers.find((h) => h.toLowerCase().startsWith('host:'))?.slice(5).trim();
    const body = `Hello from ${host}! You asked for ${first.split(' ')[1]}.\n`;
    // The body follows the last header line at once: no empty line between them.
    socket.end('HTTP/1.1 200 OK\r\n' + 'Content-Type: text/plain\r\n' + `Content-Length: ${Buffer.byteLength(body)}\r\n` + body);
  });
  socket.on('error', () => undefined);
});

server.listen(80);
