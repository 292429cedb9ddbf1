import net from 'node:net';
import readline from 'node:readline';

// readline gives the request line by line (without "\r\n"); an empty line ends the head.
net
  .createServer((socket) => {
    const lines = readline.createInterface({ input: socket, crlfDelay: Infinity });
    const head: string[] = [];
    lines.on('line', (line) => {
      if (line !== '') {
        head.push(line);
        return;
      }
      const path = head[0]?.split(' ')[1] ?? '/';
      const host = head.find((h) => /^host:/i.test(h))?.replace(/^host:\s*/i, '') ?? '?';
      const body = `<h1>${host}</h1><p>You asked for ${path}</p>`;
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      lines.close();
    });
    socket.on('error', () => socket.destroy());
  })
  .listen(80);
