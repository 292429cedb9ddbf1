import net from 'node:net';
import { once } from 'node:events';

/** Resolves with the request's head, however many pieces it comes in. */
function readHead(socket: net.Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    const onData = (chunk: Buffer) => {
      data += chunk.toString('utf8');
      const end = data.indexOf('\r\n\r\n');
      if (end >= 0) {
        socket.off('data', onData);
        resolve(data.slice(0, end));
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

const server = net.createServer(async (socket) => {
  try {
    const head = await readHead(socket);
    const [first, ...fields] = head.split('\r\n');
    const url = first!.split(' ')[1];
    const host = fields.map((f) => f.split(': ')).find(([name]) => name!.toLowerCase() === 'host')?.[1];
    const page = `<!doctype html>\n<title>${host}</title>\n<p>${url}</p>\n`;
    socket.end(['HTTP/1.0 200 OK', 'Content-Type: text/html', `Content-Length: ${Buffer.byteLength(page)}`, '', page].join('\r\n'));
  } catch (err) {
    console.log(`lost a client: ${(err as Error).message}`);
  }
});

server.listen(8080);
await once(server, 'listening');
console.log('ready on 8080');
