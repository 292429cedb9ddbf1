import net from 'node:net';

// Answers the first chunk that arrives, as if the whole request always came at once.
const server = net.createServer((socket) => {
  socket.once('data', (chunk) => {
    const lines = chunk.toString().split('\r\n');
    const path = lines[0]!.split(' ')[1];
    const host = lines.find((line) => line.toLowerCase().startsWith('host:'))?.slice(5).trim();
    const body = `Hello from ${host}! You asked for ${path}.\n`;
    socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
  socket.on('error', () => undefined);
});

server.listen(8080);
