import net from 'node:net';

const CRLF = '\r\n';

interface Request {
  method: string;
  path: string;
  headers: Map<string, string>;
}

function parseHead(head: string): Request {
  const [requestLine, ...rest] = head.split(CRLF);
  const [method = '', path = ''] = (requestLine ?? '').split(' ');
  const headers = new Map<string, string>();
  for (const line of rest) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { method, path, headers };
}

function response(status: string, body: string): string {
  const head = [`HTTP/1.1 ${status}`, 'Content-Type: text/plain; charset=utf-8', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close'];
  return head.join(CRLF) + CRLF + CRLF + body;
}

const server = net.createServer((socket) => {
  let buffer = '';
  socket.on('data', (data) => {
    buffer += data.toString();
    if (!buffer.includes(CRLF + CRLF)) return;
    const request = parseHead(buffer.split(CRLF + CRLF)[0]!);
    buffer = '';
    socket.end(response('200 OK', `${request.method} ${request.path} on ${request.headers.get('host')}\n`));
  });
  socket.on('error', (err) => console.error(err.message));
});

server.listen(80, () => console.log('http://web/ is up'));
