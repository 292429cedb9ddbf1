import { createServer, type Socket } from 'node:net';

const END_OF_HEAD = Buffer.from('\r\n\r\n');

// Reads chunks as Buffers until the head is complete, then answers once.
async function handle(socket: Socket): Promise<void> {
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of socket) {
      head = Buffer.concat([head, chunk as Buffer]);
      const end = head.indexOf(END_OF_HEAD);
      if (end === -1) continue;
      const lines = head.subarray(0, end).toString('latin1').split('\r\n');
      const target = lines[0]!.split(' ')[1];
      const host = lines.slice(1).find((line) => line.toLowerCase().startsWith('host:'))?.split(':').slice(1).join(':').trim();
      const body = Buffer.from(`Page ${target} of ${host} ✓\n`, 'utf8');
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n`);
      socket.end(body);
      return;
    }
  } catch (err) {
    console.log('client went away:', (err as Error).message);
  }
}

createServer((socket) => void handle(socket)).listen(8080);
