import net from 'node:net';

const server = net.createServer((socket) => {
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk;
    const end = received.indexOf('\r\n\r\n');
    if (end < 0) return;
    const [first = '', ...headers] = received.slice(0, end).split('\r\n');
    const host = headers.find((h) => h.toLowerCase().startsWith('host:'))?.slice(5).trim();
    const body = `Grüße from ${host} → ${first.split(' ')[1]}\n`;
    // body.length counts characters; ü and → take more than one byte each.
    socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  });
  socket.on('error', () => undefined);
});

server.listen(80);
