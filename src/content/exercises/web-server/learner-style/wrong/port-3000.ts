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
    socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
  socket.on('error', () => undefined);
});

// Port 3000, as in the tutorials: the clients' URLs name no port, so they knock on 80.
server.listen(3000, () => console.log('Server running at http://localhost:3000/'));
