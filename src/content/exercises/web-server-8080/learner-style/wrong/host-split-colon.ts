import net from 'node:net';

const server = net.createServer((socket) => {
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk;
    const end = received.indexOf('\r\n\r\n');
    if (end < 0) return;
    const [first = '', ...headers] = received.slice(0, end).split('\r\n');
    const line = headers.find((h) => h.toLowerCase().startsWith('host:')) ?? '';
    // split(':')[1]: "Host: web:8080" has two colons, and this keeps what lies between them: "web".
    const host = line.split(':')[1]!.trim();
    const body = `Hello from ${host}! You asked for ${first.split(' ')[1]}.\n`;
    socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
  socket.on('error', () => undefined);
});

server.listen(8080);
