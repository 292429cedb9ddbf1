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
    // Lines end with "\n", as in a text file: HTTP wants "\r\n".
    socket.end(`HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: ${Buffer.byteLength(body)}\n\n${body}`);
  });
  socket.on('error', () => undefined);
});

server.listen(80);
