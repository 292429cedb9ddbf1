import net from 'node:net';

const server = net.createServer((socket) => {
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk;
    const end = received.indexOf('\r\n\r\n');
    if (end < 0) return;
    const [first = '', ...headers] = received.slice(0, end).split('\r\n');
    const line = headers.find((h) => h.toLowerCase().startsWith('host:')) ?? '';
    const body = `Hello from ${line.slice(line.indexOf(':') + 1).trim()}! You asked for ${first.split(' ')[1]}.\n`;
    socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
  socket.on('error', () => undefined);
});

// Still port 80, "because it is a web server": but this program runs as a normal user.
server.listen(80);
