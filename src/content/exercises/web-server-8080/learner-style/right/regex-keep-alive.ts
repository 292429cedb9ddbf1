import net from 'node:net';

// Keeps the connection open after answering (keep-alive): the client hangs up when it has its page.
const server = net.createServer((socket) => {
  let pending = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    pending += chunk;
    let end = pending.indexOf('\r\n\r\n');
    while (end !== -1) {
      const head = pending.slice(0, end);
      pending = pending.slice(end + 4);
      const path = /^[A-Z]+ (\S+) HTTP/.exec(head)?.[1] ?? '/';
      const host = /^host:[ \t]*(.*)$/im.exec(head)?.[1]?.trim() ?? '';
      const body = JSON.stringify({ host, path }) + '\n';
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
      end = pending.indexOf('\r\n\r\n');
    }
  });
  socket.on('end', () => socket.end());
  socket.on('error', () => undefined);
});

server.listen({ port: 8080, host: '0.0.0.0' }, () => {
  console.log('listening', server.address());
});
