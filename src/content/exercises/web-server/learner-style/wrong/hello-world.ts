import net from 'node:net';

// The classic first web server: the same page for everyone.
const body = 'Hello World!\n';
const response = `HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`;

const server = net.createServer((socket) => {
  socket.on('data', () => socket.end(response));
  socket.on('error', () => undefined);
});

server.listen(80, () => console.log('Server running at http://web/'));
