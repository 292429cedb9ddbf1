import net from 'node:net';

// A tiny web server: HTTP is text on a TCP connection.
const server = net.createServer((socket) => {
  let received = '';
  let answered = false;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    received += chunk;
    const end = received.indexOf('\r\n\r\n');
    if (end < 0 || answered) return; // the head is not complete yet (or this client has its answer)
    answered = true;
    const [requestLine = '', ...headerLines] = received.slice(0, end).split('\r\n');
    const [method, path] = requestLine.split(' ');
    // Header names are case-insensitive: Host, host and HOST are the same header.
    const hostLine = headerLines.find((line) => line.toLowerCase().startsWith('host:'));
    const host = hostLine ? hostLine.slice('host:'.length).trim() : '(no Host header)';
    console.log(`${socket.remoteAddress}:${socket.remotePort} asked for ${method} ${path} (Host: ${host})`);

    const body = `Hello from ${host}! You asked for ${path}.\n`;
    socket.end(
      'HTTP/1.1 200 OK\r\n' +
        'Content-Type: text/plain; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n' +
        '\r\n' +
        body,
    );
  });
  socket.on('error', (err) => console.log(`a client's connection failed: ${err.message}`));
});

server.listen(80, () => {
  console.log('web server listening on port 80');
});
