import net from 'node:net';
import os from 'node:os';

const server = net.createServer((socket) => {
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk;
    const end = received.indexOf('\r\n\r\n');
    if (end < 0) return;
    const path = received.split(' ')[1];
    // The computer's own name, not the Host the client asked for (web:8080).
    const body = `Hello from ${os.hostname()}! You asked for ${path}.\n`;
    socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
  socket.on('error', () => undefined);
});

server.listen(8080);
